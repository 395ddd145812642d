// Who may do what to a collection, declared beside its schema (a `permissions` key at the schema's top level) and
// enforced by the server: which roles may read, create, update and delete its documents, and which roles may see
// or change each top-level field. The server publishes them with the schemas, so a client can hide or disable
// what a person cannot do before they try. A role is the token's `role` claim. A collection of a person's own
// documents (saved views, say) names the field holding each one's owner, the token's `sub` claim: the server serves
// and accepts only the caller's own.

import { writeOperation } from './audit.js';
import { DELETED, SERVER_MANAGED_FIELDS } from './fields.js';
import { jsonEqual, type PlainDocument } from './values.js';

/** The roles allowed: a list of role names, or `'*'` for every signed-in role. Absent means every role. */
export type Roles = readonly string[] | '*';

export interface FieldPermissions {
  /** who receives the field; the others get documents without it */
  read?: Roles;
  /** who may set or change it (never more than those who may read it) */
  write?: Roles;
}

export interface CollectionPermissions {
  read?: Roles;
  create?: Roles;
  update?: Roles;
  delete?: Roles;
  /** top-level field name -> who may see and change it */
  fields?: Record<string, FieldPermissions>;
  /**
   * A top-level field holding the person each document belongs to (the token's `sub`): a person reads, streams and
   * writes only their own documents; another person's never reach them, not even as removed.
   */
  owner?: string;
}

export type DocumentAction = 'read' | 'create' | 'update' | 'delete';

/** The key of a collection's schema that holds its permissions. */
export const PERMISSIONS_KEY = 'permissions';

/** A collection schema's permissions, if it declares any. */
export function permissionsOf(schema: object): CollectionPermissions | undefined {
  return (schema as { [PERMISSIONS_KEY]?: CollectionPermissions })[PERMISSIONS_KEY];
}

/** The schema without its permissions: what a storage (RxDB) keeps. */
export function withoutPermissions<T extends object>(schema: T): T {
  const { [PERMISSIONS_KEY]: _permissions, ...rest } = schema as T & { [PERMISSIONS_KEY]?: unknown };
  return rest as T;
}

export function allows(roles: Roles | undefined, role: string): boolean {
  return roles === undefined || roles === '*' || roles.includes(role);
}

/** Whether `role` may take `action` on the collection's documents and, given `field`, see it (read) or change it. */
export function can(
  permissions: CollectionPermissions | undefined,
  role: string,
  action: DocumentAction,
  field?: string,
): boolean {
  if (!allows(permissions?.[action], role)) return false;
  if (field === undefined) return true;
  const rules = permissions?.fields?.[field];
  if (!allows(rules?.read, role)) return false;
  return action === 'read' || allows(rules?.write, role);
}

/** The top-level fields `role` does not receive. */
export function hiddenFields(permissions: CollectionPermissions | undefined, role: string): string[] {
  return Object.entries(permissions?.fields ?? {})
    .filter(([, rules]) => !allows(rules.read, role))
    .map(([field]) => field);
}

/** The document as a role that cannot see `hidden` receives it. */
export function withoutFields(doc: PlainDocument, hidden: readonly string[]): PlainDocument {
  if (hidden.length === 0) return doc;
  const out: PlainDocument = {};
  for (const [key, value] of Object.entries(doc)) if (!hidden.includes(key)) out[key] = value;
  return out;
}

/** Whether the person `sub` may see and write the document: always, unless the collection's documents have owners. */
export function ownsDocument(
  permissions: CollectionPermissions | undefined,
  sub: unknown,
  doc: Readonly<PlainDocument>,
): boolean {
  const field = permissions?.owner;
  if (field === undefined) return true;
  return typeof sub === 'string' && sub !== '' && doc[field] === sub;
}

/**
 * Why the person `sub` may not turn `before` (absent for a new document) into `after` in a collection of people's own
 * documents, or null when both are theirs. Checked before anything else, so the answer never shows another person's
 * document.
 */
export function ownerRefusal(
  permissions: CollectionPermissions | undefined,
  sub: unknown,
  collectionName: string,
  before: PlainDocument | undefined,
  after: PlainDocument,
): string | null {
  const field = permissions?.owner;
  if (field === undefined) return null;
  if (before && !ownsDocument(permissions, sub, before))
    return `It belongs to another person; only they may change their ${collectionName}.`;
  if (!ownsDocument(permissions, sub, after)) {
    return `Its "${field}" must be your own id (${JSON.stringify(sub ?? null)}); you may not write another person's ${collectionName}.`;
  }
  return null;
}

/** "an operator", "a viewer": for refusals written as sentences. */
export function aRole(role: string): string {
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}

const untouchable = new Set([DELETED, ...SERVER_MANAGED_FIELDS]);

/**
 * Why `role` may not turn `before` (absent for a new document) into `after`, in words, or null when it may. Fields
 * the role cannot see must be absent from `after` (the server keeps their stored values).
 */
export function writeRefusal(
  permissions: CollectionPermissions | undefined,
  role: string,
  collectionName: string,
  before: PlainDocument | undefined,
  after: PlainDocument,
): string | null {
  const action: DocumentAction = writeOperation(before, after);
  if (!allows(permissions?.[action], role)) return `${capitalised(aRole(role))} may not ${action} ${collectionName}.`;
  if (after[DELETED] === true) return null;
  const fields = permissions?.fields ?? {};
  // a field the role sees is changed when it differs (or goes); one it cannot see, when it is sent at all
  const changed = Object.keys(fields).filter((field) => {
    if (untouchable.has(field)) return false;
    if (!allows(fields[field]?.read, role)) return Object.hasOwn(after, field);
    return !jsonEqual(before?.[field], after[field]);
  });
  const refused = changed.filter((field) => !can(permissions, role, action, field));
  if (refused.length === 0) return null;
  const names = refused.map((field) => `"${field}"`).join(', ');
  return `${capitalised(aRole(role))} may not change ${names} of ${collectionName}.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
