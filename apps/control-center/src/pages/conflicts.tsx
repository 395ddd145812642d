// Conflicts a person has to decide: the inbox across records, and the three-way viewer for one of them (the kit's
// connected views; an unknown or resolved id shows the inbox again). Under the inbox, the fields merge rules
// settled on this device that can still be reversed, per document.
import { type PlainDocument, useSettledDocuments } from '@syncline/data';
import type { Order } from '@syncline/domain';
import { Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState } from '@syncline/ui';
import { ConnectedConflictDiffViewer, ConnectedConflictInbox, ConnectedSettledDocuments } from '@syncline/ui/connected';
import { useNavigate, useParams } from 'react-router';
import { OrderStatusBadge } from '../components/order-badges';
import { formatCents, formatSettled } from '../lib/format';
import { withResolutionEntry, withReversalEntry } from '../lib/orders';
import { useSession } from '../runtime/session-context';
import { PageHeader } from './page-header';

/** What an operator needs to recognise the document under review: for an order, who it is for and where it is. */
function contextOf(collectionName: string, doc: PlainDocument) {
  if (collectionName !== 'orders') return null;
  const order = doc as Partial<Order>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span>{order.customerName}</span>
      {order.status ? <OrderStatusBadge value={order.status} /> : null}
      {order.totals ? <span className="tabular-nums">{formatCents(order.totals.total)}</span> : null}
    </span>
  );
}

/** The fields merge rules settled that an operator can still reverse; nothing while there are none. */
function SettledAutomatically({ actor }: { actor: string }) {
  const settled = useSettledDocuments();
  if (settled.length === 0) return null;
  return (
    <Card className="mt-4">
      <CardHeader>
        <CardTitle>Settled automatically</CardTitle>
        <CardDescription>
          Edits made on two sides that a rule settled. Reverse brings back the value that lost.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ConnectedSettledDocuments
          format={formatSettled}
          annotate={(collectionName) =>
            collectionName === 'orders' ? (doc, field) => withReversalEntry(actor, doc, field) : undefined
          }
        />
      </CardContent>
    </Card>
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
        <>
          {inbox}
          <SettledAutomatically actor={session.user} />
        </>
      )}
    </>
  );
}
