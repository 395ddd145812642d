// Sync: the status, the queue of writes waiting for the server, the sessions of this device, errors,
// pause / resume, and which server and token this device uses.
import { useSyncControls, useSyncline, useSyncStatus } from '@syncline/data';
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, FormField, Input } from '@syncline/ui';
import { ConnectedSyncQueuePanel, useShownSyncPhase, useSyncSnapshot } from '@syncline/ui/connected';
import { syncPhaseDescription, syncPhaseLabel, useNow } from '@syncline/ui/sync';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTime, plural } from '../lib/format';
import { fetchServerMonitor, monitorRoles, type ServerMonitor } from '../lib/server-monitor';
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

/** How long ago, in words a glance can take: "just now", "4 min ago", or the date. */
function ago(at: number | null, now: number): string {
  if (at === null) return 'never';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min ago`;
  return formatDateTime(at);
}

/** The server's view, for managers: every device of the shop it has seen, refreshed while the page is open. */
function ServerView({ now }: { now: number }) {
  const { session } = useSession();
  const [monitor, setMonitor] = useState<ServerMonitor | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const refresh = useCallback(() => {
    fetchServerMonitor(session).then(
      (answer) => {
        setMonitor(answer);
        setProblem(undefined);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, [session]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 10_000);
    return () => clearInterval(timer);
  }, [refresh]);
  const live = monitor?.devices.filter((device) => device.openStreams > 0).length ?? 0;

  return (
    <Card className="min-w-0 lg:col-span-2" data-slot="server-view">
      <CardHeader>
        <CardTitle>Devices, as the server sees them</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm" data-slot="server-view-figures">
        {problem ? <p role="status">{problem}</p> : null}
        {monitor ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-foreground-muted">
                Since {formatDateTime(monitor.since)}: {plural(live, 'device')} live,{' '}
                {plural(monitor.refusedRows, 'refused change')}, {plural(monitor.conflicts, 'conflict')}.
              </p>
              <Button variant="outline" size="sm" onClick={refresh}>
                Refresh
              </Button>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-left [&_td]:py-1 [&_td]:pr-4 [&_th]:whitespace-nowrap [&_th]:pr-4 [&_tr>*:last-child]:pr-0">
                <caption className="sr-only">Devices the server has seen</caption>
                <thead className="text-foreground-muted">
                  <tr>
                    <th scope="col">Who</th>
                    <th scope="col">Device</th>
                    <th scope="col">Last pull</th>
                    <th scope="col">Last push</th>
                    <th scope="col" className="text-right">
                      Pulled
                    </th>
                    <th scope="col" className="text-right">
                      Pushed
                    </th>
                    <th scope="col" className="text-right">
                      Refused
                    </th>
                    <th scope="col" className="text-right">
                      Conflicts
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {monitor.devices.map((device) => (
                    <tr key={`${device.subject}|${device.device}`} data-device={device.device ?? ''}>
                      <td>
                        {device.subject ?? 'unknown'} <span className="text-foreground-muted">({device.role})</span>
                        {device.openStreams > 0 ? (
                          <Badge variant="success" className="ml-2">
                            live
                          </Badge>
                        ) : null}
                      </td>
                      <td className="font-mono text-xs">{device.device ?? '—'}</td>
                      <td className="whitespace-nowrap">{ago(device.lastPullAt, now)}</td>
                      <td className="whitespace-nowrap">{ago(device.lastPushAt, now)}</td>
                      <td className="text-right tabular-nums">{device.documentsPulled.toLocaleString()}</td>
                      <td className="text-right tabular-nums">{device.documentsPushed.toLocaleString()}</td>
                      <td className="text-right tabular-nums">{device.refusedRows}</td>
                      <td className="text-right tabular-nums">{device.conflicts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
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
  const { session } = useSession();
  const role = describeToken(session.token)?.role;
  // a token without a role is the server's default, owner
  const managing = monitorRoles.includes(role ?? 'owner');
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
        {managing ? <ServerView now={now} /> : null}
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
