// Conflicts a person has to decide: the inbox across records, and the three-way viewer for one of them (the kit's
// connected views; an unknown or resolved id shows the inbox again).
import { EmptyState } from '@syncline/ui';
import { ConnectedConflictDiffViewer, ConnectedConflictInbox } from '@syncline/ui/connected';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from './page-header';

export function ConflictsPage() {
  const navigate = useNavigate();
  const { conflictId } = useParams();
  const inbox = (
    <ConnectedConflictInbox
      empty={<EmptyState title="No conflicts" description="Every change merged by its rules." />}
      onOpen={(id) => navigate(`/conflicts/${encodeURIComponent(id)}`)}
    />
  );

  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Edits made on two sides that a rule could not settle. Nothing is lost until you decide."
      />
      {conflictId ? (
        <ConnectedConflictDiffViewer
          conflictId={conflictId}
          fallback={inbox}
          onCancel={() => navigate('/conflicts')}
          onResolved={() => navigate('/conflicts')}
        />
      ) : (
        inbox
      )}
    </>
  );
}
