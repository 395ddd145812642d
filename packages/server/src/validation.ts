// Validates pushed documents against their collection's RxDB JSON schema with ajv, compiled once per
// collection. RxDB-only keywords (primaryKey, indexes, final, ref...) are ignored, standard ones enforced.

import type { PlainDocument } from '@syncline/protocol';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SyncCollection } from './collections.js';
import { DELETED } from './collections.js';

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface ValidationProblem {
  /** JSON pointer of the failing value inside the document (`''` for the document itself). */
  readonly path: string;
  readonly message: string;
}

export type DocumentValidator = (doc: PlainDocument) => ValidationProblem | null;

function describe(error: ErrorObject): ValidationProblem {
  let path = error.instancePath;
  // "must have required property 'x'" reads better pointing at the missing property.
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    path = `${path}/${error.params.missingProperty}`;
  }
  if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
    path = `${path}/${error.params.additionalProperty}`;
  }
  return { path, message: error.message ?? 'is invalid' };
}

export function createValidators(collections: readonly SyncCollection[]): Map<string, DocumentValidator> {
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  const validators = new Map<string, DocumentValidator>();
  for (const collection of collections) {
    const { schema } = collection;
    const properties = { ...(schema.properties as Record<string, unknown>) };
    // RxDB keeps its internal fields out of user schemas; the replication protocol adds `_deleted`.
    for (const key of Object.keys(properties)) if (key.startsWith('_')) delete properties[key];
    properties[DELETED] = { type: 'boolean' };
    const validate: ValidateFunction = ajv.compile({
      type: 'object',
      properties,
      required: [...new Set([...(schema.required ?? []), collection.primaryKey, DELETED])],
      additionalProperties: schema.additionalProperties ?? false,
    });
    validators.set(collection.name, (doc) => {
      if (!validate(doc)) {
        const first = validate.errors?.[0];
        return first ? describe(first) : { path: '', message: 'is invalid' };
      }
      // PostgreSQL's text cannot hold NUL, and an id must be storable on every engine alike.
      const id = doc[collection.primaryKey];
      if (typeof id === 'string' && id.includes('\u0000')) {
        return { path: `/${collection.primaryKey}`, message: 'must not contain a NUL character' };
      }
      return null;
    });
  }
  return validators;
}
