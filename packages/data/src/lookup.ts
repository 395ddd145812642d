// Documents outside what a device keeps (its sync scope), on demand: found on the server by id or by a field's
// prefix (an old order by its number or customer), and kept on the device as the server's while a person has them
// open. The answers are checked against the local schema: a field the app does not know is left out.
import { LOOKUP_FIELD, LOOKUP_QUERY, type LookupRequest, type PlainDocument, stripNulls } from '@syncline/protocol';
import type { RxCollection } from 'rxdb';
import { askServer, type ServerQueryFailure, type ServerQuerySource } from './server-query';

export type Lookup = { status: 'ok'; documents: PlainDocument[] } | ServerQueryFailure;

/** What a lookup says when the server cannot be reached (also while the device knows it is offline). */
export const LOOKUP_OFFLINE = 'Looking beyond what this device keeps needs a connection to the sync server.';

/** Asks the server for documents of `collection`, whatever the device's scope. */
export async function lookupDocuments(
  source: ServerQuerySource,
  collection: RxCollection,
  request: LookupRequest,
): Promise<Lookup> {
  const answer = await askServer<string[]>(source, {
    query: LOOKUP_QUERY,
    variables: { collection: collection.name, ...request },
    field: LOOKUP_FIELD,
    offlineMessage: LOOKUP_OFFLINE,
  });
  if (answer.status !== 'ok') return answer;
  const known = new Set(Object.keys(collection.schema.jsonSchema.properties));
  const documents = answer.value.map((text) => {
    const doc = stripNulls(JSON.parse(text) as PlainDocument);
    return Object.fromEntries(Object.entries(doc).filter(([field]) => known.has(field))) as PlainDocument;
  });
  return { status: 'ok', documents };
}
