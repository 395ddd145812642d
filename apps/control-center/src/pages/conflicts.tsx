// Conflicts a person has to decide: the inbox across records, and the three-way viewer for one of them (the kit's
// connected views; an unknown or resolved id shows the inbox again).
import type { PlainDocument } from '@syncline/data';
import type { Order } from '@syncline/domain';
import { Badge, EmptyState } from '@syncline/ui';
import { ConnectedConflictDiffViewer, ConnectedConflictInbox } from '@syncline/ui/connected';
import { useNavigate, useParams } from 'react-router';
import { formatCents, statusLabel } from '../lib/format';
import { withResolutionEntry } from '../lib/orders';
import { useSession } from '../runtime/session-context';
import { PageHeader } from './page-header';

/** What an operator needs to recognise the document under review: for an order, who it is for and where it is. */
function contextOf(collectionName: string, doc: PlainDocument) {
  if (collectionName !== 'orders') return null;
  const order = doc as Partial<Order>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span>{order.customerName}</span>
      {order.status ? <Badge variant="neutral">{statusLabel[order.status]}</Badge> : null}
      {order.totals ? <span className="tabular-nums">{formatCents(order.totals.total)}</span> : null}
    </span>
  );
}

export function ConflictsPage() {
  const navigate = useNavigate();
  const { conflictId } = useParams();
  const { session } = useSession();
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
          contextOf={contextOf}
          annotate={(doc, record) =>
            record.collectionName === 'orders' ? withResolutionEntry(session.user, doc, record.fields) : doc
          }
          onCancel={() => navigate('/conflicts')}
          onResolved={() => navigate('/conflicts')}
        />
      ) : (
        inbox
      )}
    </>
  );
}
