// @syncline/server: the GraphQL Yoga sync endpoint (RxDB's GraphQL replication protocol) on embedded SQLite, or
// on PostgreSQL with Redis fan-out across instances.

/** A Yoga plugin for `createSyncServer({ plugins })`, typed against the server's own graphql-yoga. */
export type { Plugin as SyncServerPlugin } from 'graphql-yoga';
export { type AuditOptions, DEFAULT_AUDIT_RETENTION_DAYS } from './audit-retention.js';
export {
  AuthError,
  type AuthOptions,
  type HmacAlgorithm,
  type Principal,
  parseDuration,
  type SignTokenOptions,
  signToken,
} from './auth.js';
export { CollectionConfigError, type CollectionSchemas, DELETED, UPDATED_AT } from './collections.js';
export { DiskFileStore } from './disk-file-store.js';
export { DEFAULT_DEV_ORIGINS, GRAPHQL_PATH, SCHEMAS_PATH } from './endpoints.js';
export {
  FileCheckError,
  type FileKey,
  type FileStatus,
  type FileStore,
  FileStoreUnavailable,
  type StoredFile,
} from './file-store.js';
export type { SyncServerLimits } from './limits.js';
export { PostgresFileStore, type PostgresFileStoreOptions } from './postgres-file-store.js';
export {
  type ChangeEvent,
  createEventTargetPubSub,
  createInMemoryPubSub,
  type EventTargetPubSub,
  type SyncPubSub,
} from './pubsub.js';
export { createRedisPubSub, RESYNC_CHANNEL, type RedisPubSub, type RedisPubSubOptions } from './redis-pubsub.js';
export { S3FileStore, type S3FileStoreOptions } from './s3-file-store.js';
export {
  createSyncServer,
  type ListenAddress,
  type SyncSchemas,
  type SyncServer,
  type SyncServerOptions,
} from './server.js';
export { KyselySyncStorage, type KyselySyncStorageOptions, type SyncDatabase } from './storage/kysely-storage.js';
export { createPostgresStorage, type PostgresStorageOptions } from './storage/postgres.js';
export { createSqliteStorage, type SqliteStorageOptions, type SqliteSynchronous } from './storage/sqlite.js';
export type {
  AuditRecord,
  AuditRequest,
  AuditWrite,
  Checkpoint,
  PullRequest,
  StoredDocument,
  SyncStorage,
  SyncTransaction,
} from './storage/types.js';
