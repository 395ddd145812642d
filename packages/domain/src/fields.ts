// JSON-schema fragments every control center collection shares: id, the client edit clock and the server clock.

export const idField = { type: 'string', maxLength: 100 } as const;

/** Milliseconds since the epoch. `number` (GraphQL Float), because GraphQL's Int is 32-bit. */
export const timestampField = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 } as const;

/**
 * `editedAt`: when a client last edited the document (client clock, set by @syncline/data on every local write);
 * the `latest` merge rule compares it. `updatedAt`: assigned by the server inside its write transaction,
 * strictly increasing per tenant, and the replication checkpoint; clients never set it.
 */
export const clockFields = {
  editedAt: timestampField,
  updatedAt: timestampField,
} as const;
