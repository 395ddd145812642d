// RxDB database, GraphQL replication, conflict pipeline, sync store and React hooks.
// the replication contract, for apps that talk to the server or compare documents themselves
export {
  type AttachmentRef,
  type AuditEntry,
  type AuditFieldChange,
  type AuditOperation,
  attachmentsProperty,
  type ByIdMergeRule,
  type CollectionOperations,
  collectionOperations,
  EDITED_AT,
  type FieldMergeRule,
  jsonEqual,
  type MergeRules,
  type PlainDocument,
  SERVER_MANAGED_FIELDS,
  SETTLEMENTS_COLLECTION,
  type SettlementRecord,
  sameDocumentState,
  selectionSet,
  stripNulls,
  UPDATED_AT,
} from '@syncline/protocol';
export type { FileReadOptions, FileWait, FileWaitReason } from './attachments/file-read';
export {
  type AttachmentQueue,
  type AttachmentQueueOptions,
  AttachmentRejectedError,
  type AttachmentState,
  createAttachmentQueue,
} from './attachments/upload-queue';
export { Backoff, type BackoffOptions } from './backoff';
export {
  type ConflictChoice,
  type ConflictRecord,
  conflictMigrations,
  conflictSchema,
  conflictsCollectionName,
  createConflictHandler,
  pruneResolvedConflicts,
  type ResolveConflictOptions,
  type ReverseSettledFieldOptions,
  resolveConflict,
  reverseSettledField,
} from './conflicts';
export {
  type CreateSynclineDatabaseOptions,
  createSynclineDatabase,
  type SynclineCollections,
  type SynclineDatabase,
  type SynclineLocalCollections,
  withEditClockRequired,
} from './database';
export {
  type AppliedDraft,
  applyDraft,
  changedElsewhere,
  type Draft,
  type DraftAction,
  type DraftEdit,
  draftPatch,
  draftReducer,
  draftValues,
  type FieldChangedElsewhere,
  startDraft,
  touchedFields,
} from './draft';
export { type FieldTitles, fieldTitles, fieldTitlesOf, titleOf } from './field-titles';
export type { TokenSource } from './graphql-transport';
export type { ImportMap } from './import/batch';
export { type ImportRecordsOptions, importRecords } from './import/import-records';
export {
  type ImportedRecordNote,
  type ImportReport,
  type ImportState,
  importReport$,
  readImportReport,
} from './import/report';
export { type ImportSource, localStorageSource, type SourceRecords } from './import/source';
export { liveFirst, liveWindow, type RowRange, type WindowQuery, type WindowRows } from './live-window';
export { InvalidDocumentError } from './local-validation';
export { LOOKUP_OFFLINE, type Lookup, lookupDocuments } from './lookup';
export { getMemoryStorage, MEMORY_STORAGE_NAME } from './memory-storage';
export { type FieldDecision, type MergeInput, type MergeResult, mergeDocuments } from './merge';
export { SynclineContext, type SynclineContextValue, useSyncline, useSynclineDatabase } from './react/context';
export {
  type PendingWrite,
  useConflict,
  useConflicts,
  useDocSyncState,
  useDocument,
  useFieldTitles,
  useLiveQuery,
  usePending,
  usePendingWrites,
  useResolveConflict,
  useReverseSettledField,
  useSettledDocuments,
  useSettledFields,
  useSyncControls,
  useSyncRecord,
  useSyncStatus,
} from './react/hooks';
export { SynclineProvider, type SynclineProviderProps } from './react/syncline-provider';
export { useAttachmentState } from './react/use-attachment';
export { type Can, roleOfToken, useCan } from './react/use-can';
export {
  type DocumentDraft,
  type DraftSaveOptions,
  type DraftSaveResult,
  useDocumentDraft,
} from './react/use-document-draft';
export { type KeptDocument, useKeptDocument } from './react/use-kept-document';
export {
  type UseLiveWindowOptions,
  useLiveCount,
  useLiveCounts,
  useLiveFirst,
  useLiveWindow,
} from './react/use-live-window';
export { type ImportReportView, useImportReport, useRecordImport } from './react/use-record-import';
export { type ServerHistoryView, useServerHistory } from './react/use-server-history';
export { type StartReplicationOptions, type SynclineReplication, startReplication } from './replication';
export { tokenClaims } from './replication/scope-claims';
export { type DocumentOf, type DocumentsOf, defineSchemas, type SchemaMap, type TypedSchema } from './schema';
export { readServerHistory, type ServerHistory, type ServerHistoryPage } from './server-history';
export type { ServerQueryFailure, ServerQuerySource } from './server-query';
export { fetchServerSchemas, type ServerSchemas, serverBaseOf } from './server-schemas';
export {
  type SettledDocument,
  type SettledField,
  type SettledFieldEntry,
  type SettledFieldState,
  type SettledRecord,
  type SettledRule,
  type SettledSide,
  settledByRules,
  settledDocuments,
  settledFieldEntries,
  settledFieldState,
  settledRecordOf,
} from './settled';
export {
  type DocSyncState,
  type LocalWrite,
  type PendingOperation,
  pendingChange,
  type SyncStateRecord,
  syncStateCollectionName,
  syncStateSchema,
} from './sync-state';
export {
  bindSyncCounts,
  type ConnectionState,
  createSyncStore,
  type InitialSyncProgress,
  initialSyncStatus,
  prioritySynced,
  type SyncActivity,
  type SyncErrorInfo,
  type SyncStatus,
  type SyncStore,
} from './sync-store';
export type { DiscardTarget } from './tabs';
