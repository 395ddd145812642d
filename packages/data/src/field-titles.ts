// What a person calls each field: the JSON Schema `title` of each property, by path ("notes", "customer.name").
// The titles are read from the schemas an app gives and left out of the schemas RxDB stores, so adding or
// rewording a title never changes a collection's stored schema (RxDB would refuse to open it without a migration).
import type { RxJsonSchema } from 'rxdb';
import { findInternals } from './internals';

/** Field path (dot-joined) -> title, for the fields whose schema has one. */
export type FieldTitles = Readonly<Record<string, string>>;

type SchemaNode = { title?: unknown; properties?: Record<string, SchemaNode>; items?: SchemaNode | SchemaNode[] };

function collect(properties: Record<string, SchemaNode> | undefined, prefix: string, into: Record<string, string>) {
  for (const [name, node] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof node.title === 'string' && node.title.trim()) into[path] = node.title;
    collect(node.properties, path, into);
    if (node.items && !Array.isArray(node.items)) collect(node.items.properties, path, into);
  }
  return into;
}

/** The titles of a schema's properties, nested ones by dotted path. */
export function fieldTitlesOf(schema: object): FieldTitles {
  return collect((schema as SchemaNode).properties, '', {});
}

function withoutTitles(node: SchemaNode): SchemaNode {
  const { title: _title, properties, items, ...rest } = node;
  return {
    ...rest,
    ...(properties
      ? {
          properties: Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, withoutTitles(value)])),
        }
      : {}),
    ...(items ? { items: Array.isArray(items) ? items.map(withoutTitles) : withoutTitles(items) } : {}),
  };
}

/** The schema RxDB stores: the same, without the titles of its properties (the collection's own title stays). */
export function storedSchema<T>(schema: RxJsonSchema<T>): RxJsonSchema<T> {
  const { properties, ...rest } = schema as RxJsonSchema<T> & SchemaNode;
  return { ...rest, properties: withoutTitles({ properties } as SchemaNode).properties } as RxJsonSchema<T>;
}

const none: FieldTitles = Object.freeze({});

/** The field titles of one of a Syncline database's collections (none for another database or collection). */
export function fieldTitles(database: object, collectionName: string): FieldTitles {
  return findInternals(database)?.fieldTitles[collectionName] ?? none;
}

/** A field's title, or its path when the schema gives none. */
export function titleOf(titles: FieldTitles, path: string): string {
  return titles[path] ?? path;
}
