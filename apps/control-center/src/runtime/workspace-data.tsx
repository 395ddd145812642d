// The workspace's data layer, one chunk the workspace loads as it opens (the shell paints before it arrives): the
// tenant's local database and its replication, the provider the hooks read, and the shell's parts that read the
// database (sync status, offline banner, notifications, the alarm tone, the conflict count), and the queue that
// carries the photos taken on this device to the server, beside replication.
import {
  type AttachmentQueue,
  createAttachmentQueue,
  createSynclineDatabase,
  type SynclineReplication,
  startReplication,
} from '@syncline/data';
import { controlCenterMergeRules, controlCenterMigrations, controlCenterSchemas } from '@syncline/domain';
import type { Session } from '../session/session';
import type { ControlCenterDatabase } from './database';

export { SynclineProvider } from '@syncline/data';
export { CriticalAlarmTone } from '../components/critical-alarm-tone';
export { HeaderNotifications } from '../components/header-notifications';
export { ConflictCountBadge, ConnectivityBanner, HeaderSyncStatus } from '../components/header-sync-status';

export interface OpenedData {
  database: ControlCenterDatabase;
  replication: SynclineReplication;
  /** photos taken on this device: kept in IndexedDB, uploaded when the server is reachable */
  files: AttachmentQueue;
}

/** Opens the tenant's database (IndexedDB) and starts replicating it with the session's server. */
export async function openWorkspaceData({
  tenant,
  serverUrl,
}: Pick<Session, 'tenant' | 'serverUrl'>): Promise<OpenedData> {
  const database = (await createSynclineDatabase({
    name: `syncline-cc-${tenant}`,
    collections: controlCenterSchemas,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
  })) as unknown as ControlCenterDatabase;
  const replication = startReplication({ database, url: serverUrl, token: () => currentToken(tenant) });
  const files = createAttachmentQueue({
    url: serverUrl,
    token: () => currentToken(tenant),
    collections: controlCenterSchemas,
    name: `syncline-cc-files-${tenant}`,
  });
  return { database, replication, files };
}

/** Stops the sync and the file queue together (a file half sent does not hold up the documents), then the database. */
export async function closeWorkspaceData({ database, replication, files }: OpenedData) {
  await Promise.all([replication.stop(), files.close()]);
  await database.close();
}

/**
 * The token is read from storage on every request, so a token changed on the Sync page applies at once; only the
 * workspace's own shop's: after signing in to another shop, what is still closing here sends no one's token.
 */
function currentToken(tenant: string): string {
  const raw = localStorage.getItem('syncline:session');
  const session = raw ? (JSON.parse(raw) as Session) : undefined;
  return session?.tenant === tenant ? (session.token ?? '') : '';
}
