// The server's view of the tenant's sync (the `syncMonitor` query): every device the server has seen, with its
// last pull and push, what it moved, what was refused and its conflicts. Read online, for the roles allowed.
import type { DeviceActivity, TenantReport } from '@syncline/protocol';
import type { Session } from '../session/session';

/** A device as the server saw it (the fields the query asks for). */
export type MonitoredDevice = Omit<DeviceActivity, 'firstSeenAt' | 'lastSeenAt'>;
export type ServerMonitor = Pick<TenantReport, 'since' | 'openStreams' | 'refusedRows' | 'conflicts'> & {
  devices: MonitoredDevice[];
};

const QUERY = `query { syncMonitor { since openStreams refusedRows conflicts devices {
  subject role device lastPullAt lastPushAt documentsPulled documentsPushed refusedRows conflicts openStreams } } }`;

/** The roles the control center's server shows its monitor to (the server decides; see its `monitoring.roles`). */
export const monitorRoles: readonly string[] = ['owner', 'manager'];

/** Asks the server; throws an error whose message a person can read. */
export async function fetchServerMonitor(session: Session): Promise<ServerMonitor> {
  let response: Response;
  try {
    response = await fetch(session.serverUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ query: QUERY }),
    });
  } catch {
    throw new Error('The server view needs a connection to the sync server; this device’s view is above.');
  }
  const body = (await response.json().catch(() => undefined)) as
    | { data?: { syncMonitor?: ServerMonitor }; errors?: { message: string }[] }
    | undefined;
  const monitor = body?.data?.syncMonitor;
  if (!monitor) throw new Error(body?.errors?.[0]?.message ?? `The sync server failed (HTTP ${response.status}).`);
  return monitor;
}
