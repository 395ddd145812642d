// Sync: the status, the queue of writes waiting for the server, the sessions of this device, errors,
// pause / resume, and which server and token this device uses.
import { useSyncControls, useSyncline, useSyncStatus } from '@syncline/data';
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, FormField, Input } from '@syncline/ui';
import { ConnectedSyncQueuePanel, useShownSyncPhase, useSyncSnapshot } from '@syncline/ui/connected';
import { syncPhaseDescription, syncPhaseLabel, useNow } from '@syncline/ui/sync';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../lib/format';
import { trackSyncSessions } from '../lib/sync-history';
import { useSession } from '../runtime/session-context';
import { describeToken } from '../session/session';
import { PageHeader } from './page-header';

/** Every edit of an order appends to its history: the queue names the fields the person changed. */
const auditFields = ['history'];

function ServerSettings() {
  const { session, onSessionChange, onSignOut } = useSession();
  const [serverUrl, setServerUrl] = useState(session.serverUrl);
  const [token, setToken] = useState(session.token);
  const [error, setError] = useState<string | undefined>();
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    try {
      new URL(serverUrl);
    } catch {
      setError('The server URL is not a URL; nothing was changed.');
      return;
    }
    const claims = describeToken(token.trim());
    if (!claims) {
      setError('That token has no tenant claim; nothing was changed.');
      return;
    }
    if (claims.tenant !== session.tenant) {
      setError(
        `That token is for tenant "${claims.tenant}", this workspace is "${session.tenant}". Sign out to switch tenants.`,
      );
      return;
    }
    setError(undefined);
    onSessionChange({ ...session, serverUrl, token: token.trim(), user: claims.user });
  };
  return (
    <form className="flex flex-col gap-4" onSubmit={save}>
      <FormField label="Server URL">
        <Input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      </FormField>
      <FormField label="Token" error={error} description="Stored on this device only.">
        <Input value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit">Save</Button>
        <Button type="button" variant="outline" onClick={onSignOut}>
          Sign out
        </Button>
      </div>
    </form>
  );
}

export function SyncPage() {
  const { store } = useSyncline();
  const status = useSyncSnapshot();
  const phase = useShownSyncPhase();
  const paused = useSyncStatus((s) => s.paused);
  const lastSyncedAt = useSyncStatus((s) => s.lastSyncedAt);
  const lastError = useSyncStatus((s) => s.lastError);
  const { syncNow, pause, resume } = useSyncControls();
  const now = useNow(undefined, 5_000);
  const [sessions, setSessions] = useState(() => trackSyncSessions(store));
  useEffect(() => store.subscribe(() => setSessions([...trackSyncSessions(store)])), [store]);

  return (
    <>
      <PageHeader
        title="Sync"
        description={`Last acknowledged by the server: ${formatDateTime(lastSyncedAt ?? undefined)}`}
        actions={
          <>
            <Button variant="outline" onClick={() => void syncNow()}>
              Sync now
            </Button>
            {paused ? (
              <Button onClick={() => void resume()}>Resume sync</Button>
            ) : (
              <Button variant="secondary" onClick={() => void pause()}>
                Pause sync
              </Button>
            )}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ConnectedSyncQueuePanel title="Waiting for the server" now={now} quietFields={auditFields} />
        <Card>
          <CardHeader>
            <CardTitle>Status</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            {/* the words of the header's widget and the banner, from the same phase */}
            <p data-phase={phase}>
              <span className="font-medium">{syncPhaseLabel(phase, status)}</span>
              {paused ? (
                <Badge variant="warning" className="ml-2">
                  paused
                </Badge>
              ) : null}
            </p>
            <p className="text-foreground-muted">{syncPhaseDescription(phase, status)}</p>
            {lastError ? (
              <p>
                Last error ({lastError.kind}, {formatDateTime(lastError.at)}): {lastError.message}
              </p>
            ) : (
              <p className="text-foreground-muted">No errors.</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sessions on this device</CardTitle>
          </CardHeader>
          <CardContent>
            <ol aria-label="Sync sessions" className="flex flex-col gap-1 text-sm">
              {sessions.map((session) => (
                <li key={session.startedAt} className="flex justify-between gap-3">
                  <span className="capitalize">{session.connection}</span>
                  <span className="text-foreground-muted">
                    {formatDateTime(session.startedAt)}
                    {session.endedAt ? ` – ${formatDateTime(session.endedAt)}` : ' – now'}
                    {session.pendingAtEnd ? ` · ${session.pendingAtEnd} pending` : ''}
                  </span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Server and token</CardTitle>
          </CardHeader>
          <CardContent>
            <ServerSettings />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
