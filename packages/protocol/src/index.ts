// The replication contract in one place: field names, the null rule, document equality, null stripping,
// operation names and selection sets, the merge-rule types, and who may do what (permissions). No dependencies: the server, the data layer,
// the kit's conflict model and any server-side client use it alike.
export {
  AUDIT_LOG_FIELD,
  AUDIT_LOG_QUERY,
  type AuditEntry,
  type AuditFieldChange,
  type AuditOperation,
  type AuditPage,
  CONFLICT_RESOLUTION_FIELD,
  DEFAULT_AUDIT_PAGE,
  fieldChanges,
  MAX_AUDIT_PAGE,
  writeOperation,
} from './audit.js';
export {
  checkpointFields,
  DELETED,
  EDITED_AT,
  HEADER_FIELDS,
  SERVER_MANAGED_FIELDS,
  STORAGE_FIELDS,
  STREAM_CLOSE,
  STREAM_READY,
  UPDATED_AT,
} from './fields.js';
export type { FieldMergeRule, MergeRules } from './merge-rules.js';
export type { DeviceActivity, TenantReport } from './monitoring.js';
export {
  type CollectionOperations,
  type CollectionSchemaLike,
  collectionOperations,
  documentSelection,
  type JsonSchemaNode,
  type OperationNames,
  operationNames,
  primaryKeyOf,
  selectionSet,
  toInputDocument,
} from './operations.js';
export {
  allows,
  aRole,
  type CollectionPermissions,
  can,
  type DocumentAction,
  type FieldPermissions,
  hiddenFields,
  ownerRefusal,
  ownsDocument,
  PERMISSIONS_KEY,
  permissionsOf,
  type Roles,
  withoutFields,
  withoutPermissions,
  writeRefusal,
} from './permissions.js';
export {
  SETTLEMENTS_COLLECTION,
  type SettlementRecord,
  settlementSchema,
} from './settlements.js';
export {
  type CollectionSyncOptions,
  DEFAULT_SYNC_PRIORITY,
  SYNC_KEY,
  SYNC_PRIORITIES,
  type SyncPriority,
  syncOptionsOf,
  syncOptionsProblem,
  syncPriorityOf,
  syncReferencesProblem,
  syncScopeOf,
  withoutSynclineKeys,
} from './sync-options.js';
export {
  inSyncScope,
  outOfScopeSelector,
  type ScopeCondition,
  type ScopeContext,
  type ScopeValue,
  type SyncScope,
  scopeClaimsKey,
  syncScopeProblem,
  withChangedWithinDays,
} from './sync-scope.js';
export {
  isAbsent,
  isPlainObject,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  type PlainDocument,
  sameDocumentState,
  stripNulls,
  withoutStorageFields,
} from './values.js';
