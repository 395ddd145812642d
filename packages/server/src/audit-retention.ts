// How long the audit trail keeps its entries: entries older than the retention are removed when the server starts
// and then periodically, on a timer that never keeps the process alive.
import type { Logger } from 'pino';
import { periodic } from './periodic.js';
import type { SyncStorage } from './storage/types.js';

export interface AuditOptions {
  /** Days an audit entry is kept. Default 365. */
  retentionDays?: number;
  /** How often old entries are removed while the server runs, in ms. Default one hour. */
  pruneEveryMs?: number;
}

export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditRetention {
  /** Removes what is past the retention now, then keeps doing so every `pruneEveryMs`. */
  start(): Promise<void>;
  stop(): void;
}

export function auditRetention(storage: SyncStorage, logger: Logger, options: AuditOptions = {}): AuditRetention {
  const days = options.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  const every = options.pruneEveryMs ?? 60 * 60 * 1000;
  if (!(days > 0) || !Number.isFinite(days)) throw new Error('audit.retentionDays must be a positive number of days.');
  if (!Number.isInteger(every) || every < 1) throw new Error('audit.pruneEveryMs must be a positive whole number.');
  const prune = async () => {
    const removed = await storage.pruneAudit(days * DAY_MS);
    if (removed > 0) logger.info({ removed, retentionDays: days }, 'audit entries past their retention removed');
  };
  return periodic(prune, {
    everyMs: every,
    onError: (error) => logger.warn({ err: error }, 'removing old audit entries failed'),
  });
}
