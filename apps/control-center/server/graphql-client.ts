// A minimal client of the replication protocol for server-side actors (the seeder, the machine
// simulator): pull every document of a collection and push rows, over plain HTTP with a bearer token.

export interface PushRow<T> {
  assumedMasterState: T | null;
  newDocumentState: T;
}

type Doc = Record<string, unknown>;

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** GraphQL answers null for absent optional fields; documents must not carry them. */
function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripNulls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, stripNulls(v)]),
    ) as T;
  }
  return value;
}

/** The selection set of a JSON schema's properties, nested objects included (arrays select their items' fields). */
export function selectionOf(schema: { properties?: Record<string, unknown> }): string {
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const node = property as {
      type?: string | string[];
      properties?: Record<string, unknown>;
      items?: { properties?: Record<string, unknown> };
    };
    const nested = node.properties ? node : node.items?.properties ? node.items : undefined;
    return nested ? `${name} { ${selectionOf(nested)} }` : name;
  });
  return fields.join(' ');
}

export class SyncClient {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

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
    schema: { properties?: Record<string, unknown> },
    checkpoint: unknown,
    limit = 500,
  ): Promise<{ documents: Array<T & { _deleted?: boolean }>; checkpoint: unknown }> {
    const name = upperFirst(collection);
    const query = `query Pull($checkpoint: ${name}InputCheckpoint, $limit: Int!) {
      pull${name}(checkpoint: $checkpoint, limit: $limit) { documents { ${selectionOf(schema)} _deleted } checkpoint { id updatedAt } }
    }`;
    const data = await this.request<Record<string, { documents: T[]; checkpoint: unknown }>>(query, {
      checkpoint,
      limit,
    });
    const page = data[`pull${name}`];
    return { documents: (page?.documents ?? []).map(stripNulls), checkpoint: page?.checkpoint ?? checkpoint };
  }

  /** Every live document of a collection, following checkpoints until the server has no more. */
  async pullAll<T extends Doc>(
    collection: string,
    schema: { properties?: Record<string, unknown> },
    batch = 500,
  ): Promise<T[]> {
    const name = upperFirst(collection);
    const query = `query Pull($checkpoint: ${name}InputCheckpoint, $limit: Int!) {
      pull${name}(checkpoint: $checkpoint, limit: $limit) { documents { ${selectionOf(schema)} _deleted } checkpoint { id updatedAt } }
    }`;
    const documents: T[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const data = await this.request<Record<string, { documents: T[]; checkpoint: unknown }>>(query, {
        checkpoint,
        limit: batch,
      });
      const page = data[`pull${name}`];
      if (!page || page.documents.length === 0) break;
      for (const doc of page.documents) if (!doc._deleted) documents.push(stripNulls(doc));
      checkpoint = page.checkpoint;
      if (page.documents.length < batch) break;
    }
    return documents;
  }

  /** Pushes rows in one request; returns the server's master state for each row that conflicted. */
  async push<T extends Doc>(
    collection: string,
    schema: { properties?: Record<string, unknown> },
    rows: PushRow<T>[],
  ): Promise<T[]> {
    if (rows.length === 0) return [];
    const name = upperFirst(collection);
    const mutation = `mutation Push($rows: [${name}InputPushRow]) { push${name}(${collection}PushRow: $rows) { ${selectionOf(schema)} _deleted } }`;
    const data = await this.request<Record<string, T[]>>(mutation, { rows });
    return (data[`push${name}`] ?? []).map(stripNulls);
  }
}
