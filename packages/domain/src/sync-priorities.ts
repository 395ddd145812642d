// The order the control center's collections sync in after a device (re)connects (see @syncline/protocol's sync
// options): operators' commands and the machines' state and alarms first, then the counter's work (customers with
// their orders, in one class), then the sites. A customer or machine new on a device goes up before the orders and
// commands that name it.
import type { CollectionSyncOptions, SyncPriority } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';

export const controlCenterPriorities = {
  commands: 0,
  machines: 0,
  customers: 1,
  orders: 1,
  locations: 2,
} as const satisfies Record<string, SyncPriority>;

/** The documents each collection's fields point to: a new parent is pushed before its children. */
export const controlCenterReferences = {
  commands: { machineId: 'machines' },
  orders: { customerId: 'customers', assignedMachineId: 'machines' },
} as const satisfies Record<string, Record<string, string>>;

/** The schema with its sync options declared beside it (a `sync` key, which storages never see). */
export function withSyncOptions<T>(schema: RxJsonSchema<T>, sync: CollectionSyncOptions): RxJsonSchema<T> {
  return { ...schema, sync } as RxJsonSchema<T>;
}
