// Who works in a shop and what each may do: the roles of the brief (owner, manager, operator, viewer), and the
// helper that declares a collection's permissions beside its schema (the server enforces them; see
// @syncline/protocol's permissions).
import type { CollectionPermissions } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';

export const shopRoles = ['owner', 'manager', 'operator', 'viewer'] as const;
export type ShopRole = (typeof shopRoles)[number];

/** What each role is called on screen. */
export const shopRoleLabels: Record<ShopRole, string> = {
  owner: 'Owner',
  manager: 'Manager',
  operator: 'Operator',
  viewer: 'Viewer',
};

/** Everyone who runs the shop: the roles that take orders, serve customers and run machines. */
export const staff: readonly ShopRole[] = ['owner', 'manager', 'operator'];
/** Who manages the shop: removes records, sets up sites and machines. */
export const managers: readonly ShopRole[] = ['owner', 'manager'];

/** The schema with its permissions declared beside it (a `permissions` key, which storages never see). */
export function withPermissions<T>(schema: RxJsonSchema<T>, permissions: CollectionPermissions): RxJsonSchema<T> {
  return { ...schema, permissions } as RxJsonSchema<T>;
}
