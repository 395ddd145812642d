// A page that uses @syncline/data the way an app does (default storage: Dexie on IndexedDB, the browser's own
// fetch and WebSocket), driven from the Node test through `window.syncline`.
import { controlCenterMergeRules, controlCenterMigrations, controlCenterSchemas, type Order } from '@syncline/domain';
import { createSynclineDatabase, type SynclineReplication, type SyncStatus, startReplication } from '../../src/index';

let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
let replication: SynclineReplication | undefined;

function openDatabase(name: string) {
  return createSynclineDatabase({
    name,
    collections: controlCenterSchemas,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
  });
}

function opened() {
  if (!database || !replication) throw new Error('call syncline.open() first');
  return { database, replication };
}

const api = {
  async open(url: string, token: string, name = 'browser-client') {
    database = await openDatabase(name);
    replication = startReplication({ database, url, token, backoff: { initialMs: 50, maxMs: 400 } });
    return database.storage.name;
  },
  status(): SyncStatus {
    return opened().replication.store.getState();
  },
  async insertOrder(order: Order) {
    await opened().database.orders.insert(order);
  },
  async syncState(id: string) {
    const record = await opened().database.syncstate.findOne(`orders|${id}`).exec();
    return record ? record.state : 'synced';
  },
  /** whether this tab is the one replicating */
  leading() {
    return opened().database.isLeader();
  },
  async order(id: string) {
    return (await opened().database.orders.findOne(id).exec())?.toJSON() ?? null;
  },
};

declare global {
  interface Window {
    syncline: typeof api;
  }
}

window.syncline = api;
