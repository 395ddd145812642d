// What the signed-in person may do, from the permissions published with the schemas and the role their token
// carries: the app hides or disables what they cannot do before they try. The server enforces the same rules.
import { can, type DocumentAction } from '@syncline/protocol';
import { useCallback } from 'react';
import { findInternals } from '../internals';
import { tokenClaims } from '../replication/scope-claims';
import { useSyncline } from './context';

/** Whether the person may take `action` on the collection's documents, and, given `field`, see or change it. */
export type Can = (action: DocumentAction, field?: string) => boolean;

/**
 * `const can = useCan('orders'); can('update')`, `can('read', 'totals')`. Without a role on the provider (or for a
 * collection with no permissions) everything is allowed: the server alone decides.
 */
export function useCan(collectionName: string): Can {
  const { database, role } = useSyncline();
  const permissions = findInternals(database)?.permissions[collectionName];
  return useCallback<Can>(
    (action, field) => role === undefined || can(permissions, role, action, field),
    [permissions, role],
  );
}

/** The `role` claim of a JWT (read, not verified), or undefined. */
export function roleOfToken(token: string): string | undefined {
  const role = tokenClaims(token)?.role;
  return typeof role === 'string' ? role : undefined;
}
