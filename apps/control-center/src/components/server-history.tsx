// A document's history as the sync server recorded it: who changed what from what to what, and when, newest first,
// with "Load older" paging; a person's conflict resolution is marked. Offline it says it needs a connection and
// points to this device's own history.
import type { AuditEntry, ServerHistoryView } from '@syncline/data';
import { Badge, Button } from '@syncline/ui';

const operationLabel: Record<AuditEntry['operation'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};

export interface ServerHistoryProps {
  view: ServerHistoryView;
  /** a field's name on screen */
  titleOf: (field: string) => string;
  /** a value on screen, given the field it belongs to */
  format: (value: unknown, field: string) => string;
  formatTime: (ms: number) => string;
}

/** A value of the trail (JSON text, null when absent) on screen. */
function shown(json: string | null, field: string, format: ServerHistoryProps['format']): string {
  return json === null ? '—' : format(JSON.parse(json) as unknown, field);
}

export function ServerHistory({ view, titleOf, format, formatTime }: ServerHistoryProps) {
  const { status, entries } = view;
  return (
    <section data-slot="server-history" aria-labelledby="server-history-heading" className="flex flex-col gap-2">
      <h4 id="server-history-heading" className="font-medium text-sm">
        On the server
      </h4>
      {status === 'offline' ? (
        <p role="status" className="text-foreground-muted text-sm">
          Server history needs a connection; this device's history is below.
        </p>
      ) : status === 'loading' ? (
        <p className="text-foreground-muted text-sm">Asking the server…</p>
      ) : status !== 'ok' && status !== 'unavailable' ? (
        <p role="status" className="text-foreground-muted text-sm">
          {view.message}
        </p>
      ) : null}
      {entries.length === 0 && status === 'ok' ? (
        <p className="text-foreground-muted text-sm">The server has recorded no change yet.</p>
      ) : null}
      {entries.length > 0 ? (
        <ol aria-label="Server history" className="flex flex-col gap-3">
          {entries.map((entry) => (
            <li key={entry.updatedAt} data-slot="server-history-entry" className="text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {operationLabel[entry.operation]} by {entry.subject ?? 'someone'} ({entry.role})
                {entry.conflictResolution ? <Badge variant="conflict">Resolved a conflict</Badge> : null}
              </p>
              <p className="text-foreground-muted text-xs">
                <time dateTime={new Date(entry.recordedAt).toISOString()}>{formatTime(entry.recordedAt)}</time>
              </p>
              {entry.changes.length > 0 || entry.hiddenChanges > 0 ? (
                <ul aria-label="Changes" className="mt-1 text-foreground-muted text-xs wrap-anywhere">
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      {titleOf(change.field)}: {shown(change.from, change.field, format)} →{' '}
                      {shown(change.to, change.field, format)}
                    </li>
                  ))}
                  {entry.hiddenChanges > 0 ? (
                    <li>
                      {entry.hiddenChanges === 1 ? 'A field' : `${entry.hiddenChanges} fields`} your role does not see
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {view.hasOlder ? (
        <Button variant="outline" size="sm" className="self-start" loading={view.loadingOlder} onClick={view.loadOlder}>
          Load older
        </Button>
      ) : null}
    </section>
  );
}
