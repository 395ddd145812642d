// Collection schemas defined once, typed for the app and read by the server: `defineSchemas` keeps the literal
// schemas as they are (the object the server's `--schema` module exports) and gives each the document type RxDB
// derives from it, so a wrong enum value or an unknown field is a type error. No runtime dependency: a schema
// module imports only this file (`@syncline/data/schema`), so the server can load it without RxDB or React.
import type { ExtractDocumentTypeFromTypedRxJsonSchema, RxJsonSchema } from 'rxdb';

/** Where a schema from `defineSchemas` carries its document type; it exists in types only, never at run time. */
declare const documentType: unique symbol;

/** A schema that knows its document type (what `defineSchemas` returns for each collection). */
export type TypedSchema<S, D> = S & { readonly [documentType]?: D };

/** Collection name -> RxDB JSON schema of the collections that sync with the server. */
// biome-ignore lint/suspicious/noExplicitAny: a schema map holds schemas of different document types
export type SchemaMap = Record<string, RxJsonSchema<any>>;

/**
 * The document type of a schema: the one `defineSchemas` derived, or `T` of an `RxJsonSchema<T>` written by hand.
 */
export type DocumentOf<S> = S extends { readonly [documentType]?: infer D }
  ? unknown extends D
    ? HandTyped<S>
    : Exclude<D, undefined>
  : HandTyped<S>;

type HandTyped<S> = S extends RxJsonSchema<infer T> ? T : never;

/** Collection name -> document type, for a map of schemas. */
export type DocumentsOf<S extends SchemaMap> = { [K in keyof S]: DocumentOf<S[K]> };

/**
 * Types a map of collection schemas from their literal text: write the schemas inline (no `as const` needed),
 * and each collection's documents get the type RxDB derives from its schema.
 *
 * ```ts
 * export const schemas = defineSchemas({ tickets: { version: 0, primaryKey: 'id', type: 'object', properties: {…}, required: [ 'id' ] } });
 * export type Ticket = DocumentOf<typeof schemas.tickets>;
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: the literal's own type is kept; any schema is accepted
export function defineSchemas<const S extends Record<string, RxJsonSchema<any>>>(
  schemas: S,
): { [K in keyof S]: TypedSchema<S[K], ExtractDocumentTypeFromTypedRxJsonSchema<S[K]>> } {
  return schemas;
}
