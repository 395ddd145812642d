// Syncline's own synced collection: the fields a merge rule settled on some device (which rule, which value won,
// which lost), shared with the tenant's other devices, so the person whose value lost sees it too and can reverse
// it. The server replicates it beside the app's collections; a client opened with @syncline/data adds it itself.
import type { CollectionSchemaLike } from './operations.js';

/** The collection's name on the server and on every device; an app's own collection cannot take it. */
export const SETTLEMENTS_COLLECTION = 'syncline_settlements';

/**
 * One field a rule settled in one merge on one device. Written once, never edited. Flat (no arrays), so the
 * queries a stock RxDB client builds from `GET /sync/schemas` read it too.
 */
export interface SettlementRecord {
  /** `${collectionName}|${documentId}|${settledAt}-${random}|${field}` */
  id: string;
  collectionName: string;
  documentId: string;
  field: string;
  /** `latest`, `server`, `local`, `max`, `min` or `progression` */
  rule: string;
  /** the side whose value the merged document carries, seen from the device that merged */
  winner: 'local' | 'server';
  /** `JSON.stringify` of the value kept (values may be of any type); absent when the winning side had none */
  wonJson?: string;
  /** `JSON.stringify` of the value the rule dropped; absent when the losing side had none */
  lostJson?: string;
  /** when the device merged (its clock) */
  settledAt: number;
  /** the merging device's database token: on that device the sides read "this device" and "server" */
  device: string;
  /** assigned by the server */
  updatedAt?: number;
}

const timestamp = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 } as const;

/** The collection's RxDB JSON schema, the same on the server and on every device. */
export const settlementSchema = {
  title: 'Settled automatically',
  description: "Fields a merge rule settled on some device, shared with the tenant's other devices (Syncline's own)",
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 500 },
    collectionName: { type: 'string', maxLength: 100 },
    documentId: { type: 'string', maxLength: 200 },
    field: { type: 'string', maxLength: 100 },
    rule: { type: 'string', maxLength: 20 },
    winner: { type: 'string', enum: ['local', 'server'], maxLength: 10 },
    wonJson: { type: 'string' },
    lostJson: { type: 'string' },
    settledAt: timestamp,
    device: { type: 'string', maxLength: 100 },
    updatedAt: timestamp,
  },
  required: ['id', 'collectionName', 'documentId', 'field', 'rule', 'winner', 'settledAt', 'device'],
  additionalProperties: false,
} as const;

// the contract reads it like any collection's schema
settlementSchema satisfies CollectionSchemaLike;
