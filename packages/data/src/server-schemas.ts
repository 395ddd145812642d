// Reads a Syncline server's collections (`GET /sync/schemas`), so a client can open its database with exactly
// the schemas the server replicates, with no copy of them in the app.
import {
  type CollectionFiles,
  type CollectionPermissions,
  type CollectionSyncOptions,
  FILES_KEY,
  PERMISSIONS_KEY,
  SETTLEMENTS_COLLECTION,
  SYNC_KEY,
} from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import type { SchemaMap } from './schema';

export interface ServerSchemas {
  /** the GraphQL endpoint to pass to startReplication */
  url: string;
  /**
   * collection name -> RxDB JSON schema with its permissions, ready for createSynclineDatabase (which adds
   * Syncline's own collections itself, and keeps the permissions out of what RxDB stores)
   */
  collections: SchemaMap;
}

interface SchemasAnswer {
  graphqlPath: string;
  collections: Record<
    string,
    {
      schema: RxJsonSchema<unknown>;
      permissions?: CollectionPermissions;
      sync?: CollectionSyncOptions;
      files?: CollectionFiles;
    }
  >;
}

/**
 * The sync server's base address from the address a client was given: its GraphQL endpoint
 * (`https://host/sync-api/graphql`) or the base itself (`https://host/sync-api/`), either way without the trailing
 * slash (`https://host/sync-api`). A path prefix the server is mounted under is kept, so its other routes
 * (`/sync/schemas`, `/sync/files/…`) are found beside the endpoint.
 */
export function serverBaseOf(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/graphql$/, '');
}

/** `origin` is the server's base address, e.g. `https://sync.example.com` (or its GraphQL endpoint). */
export async function fetchServerSchemas(origin: string, init: { fetch?: typeof fetch } = {}): Promise<ServerSchemas> {
  const base = serverBaseOf(origin);
  const response = await (init.fetch ?? fetch)(`${base}/sync/schemas`);
  if (!response.ok) {
    throw new Error(
      `The sync server at ${base} did not list its schemas (HTTP ${response.status}); check the address.`,
    );
  }
  const answer = (await response.json()) as SchemasAnswer;
  return {
    url: `${base}${answer.graphqlPath}`,
    collections: Object.fromEntries(
      Object.entries(answer.collections)
        .filter(([name]) => name !== SETTLEMENTS_COLLECTION)
        // the permissions, sync options and file rules come beside each schema; createSynclineDatabase reads them from inside
        // it (for useCan, and the order collections sync in)
        .map(([name, c]) => [
          name,
          {
            ...c.schema,
            ...(c.permissions ? { [PERMISSIONS_KEY]: c.permissions } : {}),
            ...(c.sync ? { [SYNC_KEY]: c.sync } : {}),
            ...(c.files ? { [FILES_KEY]: c.files } : {}),
          },
        ]),
    ),
  };
}
