// The order the control center's collections sync in after a device (re)connects (see @syncline/protocol's sync
// options): operators' commands and the machines' state and alarms first, then the counter's work (customers with
// their orders, in one class), then the reference data (the sites and the service catalogue) and each person's saved
// views. A customer or machine new on a device goes up before the orders and
// commands that name it.
import type { CollectionSyncOptions, SyncPriority, SyncScope } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import { nextOrderStatus, orderStatusFlow } from './orders';

export const controlCenterPriorities = {
  commands: 0,
  machines: 0,
  customers: 1,
  orders: 1,
  locations: 2,
  services: 2,
  views: 2,
} as const satisfies Record<string, SyncPriority>;

/** The documents each collection's fields point to: a new parent is pushed before its children. */
export const controlCenterReferences = {
  commands: { machineId: 'machines' },
  orders: { customerId: 'customers', assignedMachineId: 'machines' },
} as const satisfies Record<string, Record<string, string>>;

/** Days a device keeps a delivered or cancelled order after its last change (`--keep-days orders=N` on the server). */
export const ORDER_KEPT_DAYS = 30;

/**
 * What a device keeps (see @syncline/protocol's sync scopes): every order still in the shop and the rest for
 * ORDER_KEPT_DAYS after their last change; the machines of the device's site when its token names one (`site`).
 */
export const controlCenterScopes = {
  orders: {
    keep: [
      { field: 'status', in: orderStatusFlow.filter((status) => nextOrderStatus(status) !== undefined) },
      { changedWithinDays: ORDER_KEPT_DAYS },
    ],
  },
  machines: { claims: { location: 'site' } },
} as const satisfies Record<string, SyncScope>;

/** The schema with its sync options declared beside it (a `sync` key, which storages never see). */
export function withSyncOptions<T>(schema: RxJsonSchema<T>, sync: CollectionSyncOptions): RxJsonSchema<T> {
  return { ...schema, sync } as RxJsonSchema<T>;
}
