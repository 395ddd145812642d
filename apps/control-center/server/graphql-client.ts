// A minimal client of the replication protocol for server-side actors (the seeder, the machine
// simulator): pull every document of a collection and push rows, over plain HTTP with a bearer token.
// The operations and the null rule come from the replication contract (@syncline/protocol).
import { type CollectionSchemaLike, collectionOperations, stripNulls } from '@syncline/protocol';

export interface PushRow<T> {
  assumedMasterState: T | null;
  newDocumentState: T;
}

type Doc = Record<string, unknown>;

interface PullBulk<T> {
  documents: Array<T & { _deleted?: boolean }>;
  checkpoint: unknown;
}

export class SyncClient {
  private readonly url: string;
  private readonly token: string;

  constructor(url: string, token: string) {
    this.url = url;
    this.token = token;
  }

  async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length)
      throw new Error(`Sync server refused the request: ${body.errors.map((e) => e.message).join('; ')}`);
    if (!response.ok || !body.data) throw new Error(`Sync server answered HTTP ${response.status}`);
    return body.data;
  }

  /** One page of documents after a checkpoint (null: from the start), deleted ones included. */
  async pullSince<T extends Doc>(
    collection: string,
    schema: CollectionSchemaLike,
    checkpoint: unknown,
    limit = 500,
  ): Promise<PullBulk<T>> {
    const operations = collectionOperations(collection, schema);
    const data = await this.request<Record<string, PullBulk<T>>>(operations.pull, { checkpoint, limit });
    const page = data[operations.pullField];
    return { documents: (page?.documents ?? []).map(stripNulls), checkpoint: page?.checkpoint ?? checkpoint };
  }

  /** Every live document of a collection, following checkpoints until the server has no more. */
  async pullAll<T extends Doc>(collection: string, schema: CollectionSchemaLike, batch = 500): Promise<T[]> {
    const documents: T[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const page = await this.pullSince<T>(collection, schema, checkpoint, batch);
      for (const doc of page.documents) if (!doc._deleted) documents.push(doc);
      if (page.documents.length === 0) break;
      checkpoint = page.checkpoint;
      if (page.documents.length < batch) break;
    }
    return documents;
  }

  /** Pushes rows in one request; returns the server's master state for each row that conflicted. */
  async push<T extends Doc>(collection: string, schema: CollectionSchemaLike, rows: PushRow<T>[]): Promise<T[]> {
    if (rows.length === 0) return [];
    const operations = collectionOperations(collection, schema);
    const data = await this.request<Record<string, T[]>>(operations.push, { [operations.pushVariable]: rows });
    return (data[operations.pushField] ?? []).map(stripNulls);
  }
}
