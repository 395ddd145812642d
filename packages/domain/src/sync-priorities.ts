// The order the control center's collections sync in after a device (re)connects (see @syncline/protocol's sync
// options): operators' commands and the machines' state and alarms first, then the counter's work (customers with
// their orders, in one class so a new customer is never behind its order), then the sites.
import type { CollectionSyncOptions, SyncPriority } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';

export const controlCenterPriorities = {
  commands: 0,
  machines: 0,
  customers: 1,
  orders: 1,
  locations: 2,
} as const satisfies Record<string, SyncPriority>;

/** The schema with its sync options declared beside it (a `sync` key, which storages never see). */
export function withSyncOptions<T>(schema: RxJsonSchema<T>, sync: CollectionSyncOptions): RxJsonSchema<T> {
  return { ...schema, sync } as RxJsonSchema<T>;
}
