// Follows the token claims each collection's sync scope depends on (its scope's `claims`, and `sub` for a collection
// of people's own documents), remembered per collection in the database's local documents so a reload knows which
// claims the documents on the device were synced under. When the token's claims differ from those (a token for
// another site; someone else signed in on the same device), the collection starts over: see `startOver` in
// replication.ts. The claims are read from the token itself, without checking its signature: the server checks it,
// and all that is at stake here is which documents the device keeps.
import { type SyncScope, scopeClaimsKey } from '@syncline/protocol';
import type { RxLocalDocument } from 'rxdb';
import type { AnyRxDatabase } from '../any-database';

/** The claims of a JWT (UTF-8, base64url, padded or not), read and not verified (the server verifies), or undefined when it is not one. */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The scope a collection's documents are judged by on this device, claims and all: its sync scope, and for a
 * collection of people's own documents (`owner`, the permissions' field naming each one's owner) the token's `sub`
 * as one more claim. Undefined for a collection that keeps every document whatever the token.
 */
export function claimsScope(scope: SyncScope | undefined, owner: string | undefined): SyncScope | undefined {
  if (owner === undefined) return scope;
  return { ...scope, claims: { ...scope?.claims, [owner]: 'sub' } };
}

export interface ScopeClaimsOptions {
  database: AnyRxDatabase;
  /** collection name -> its scope with the claims it depends on (see claimsScope); only collections that have one */
  scopes: Readonly<Record<string, SyncScope>>;
  /** the token's claims changed for these collections (once per change, before each starts over) */
  onChange: (names: readonly string[]) => void;
  /** makes a collection the token's claims changed for start over; resolves once it has */
  startOver: (name: string) => Promise<void>;
  /** a start over that failed: it is tried again with the next token read */
  onError: (error: unknown) => void;
}

export interface ScopeClaims {
  /** reads a token the replication is about to use */
  seen(token: string): void;
  /** the claims of the newest token read; undefined before the first */
  current(): Readonly<Record<string, unknown>> | undefined;
  /** starts nothing more over (the replication stopped) */
  stop(): void;
}

const localId = (name: string) => `syncline-scope-claims-${name}`;

/** what a collection's local record keeps: the claims, as scopeClaimsKey writes them */
interface Remembered {
  key: string;
}

export function followScopeClaims(options: ScopeClaimsOptions): ScopeClaims {
  const { database, scopes } = options;
  const names = Object.keys(scopes);
  /** collection -> the claims (as scopeClaimsKey writes them) its documents on the device were synced under */
  const remembered = new Map<string, string>();
  const loaded = Promise.all(
    names.map(async (name) => {
      const stored = (await database.getLocal(localId(name))) as RxLocalDocument<AnyRxDatabase, Remembered> | null;
      const key = stored?.toJSON().data.key;
      if (typeof key === 'string') remembered.set(name, key);
    }),
  );
  let claims: Record<string, unknown> | undefined;
  /** collections starting over now: a change meanwhile waits for the end of it */
  const moving = new Set<string>();
  let stopped = false;
  const keyOf = (name: string) => scopeClaimsKey(scopes[name] as SyncScope, claims);
  const remember = async (name: string, key: string) => {
    remembered.set(name, key);
    await database.upsertLocal(localId(name), { key } satisfies Remembered);
  };

  const startOver = async (name: string) => {
    const key = keyOf(name);
    try {
      await options.startOver(name);
      // only once it has: a reload half-way starts over again
      if (!stopped) await remember(name, key);
    } catch (error) {
      if (!stopped) options.onError(error);
    } finally {
      moving.delete(name);
    }
    // the claims may have changed again meanwhile
    if (!stopped) await check();
  };

  const check = async () => {
    await loaded;
    if (!claims || stopped) return;
    const changed: string[] = [];
    const first: Promise<void>[] = [];
    // in one turn: a check that runs meanwhile sees what this one decided
    for (const name of names) {
      if (moving.has(name)) continue;
      const key = keyOf(name);
      const before = remembered.get(name);
      if (before === key) continue;
      // the first claims this device syncs the collection under (or the first since it began remembering them)
      if (before === undefined) first.push(remember(name, key));
      else {
        changed.push(name);
        moving.add(name);
      }
    }
    if (changed.length > 0) {
      options.onChange(changed);
      for (const name of changed) void startOver(name);
    }
    await Promise.all(first);
  };

  const stop = () => {
    stopped = true;
  };
  database.onClose.push(stop);
  return {
    stop,
    seen(token) {
      const read = tokenClaims(token);
      if (!read) return;
      claims = read;
      check().catch(options.onError);
    },
    current: () => claims,
  };
}
