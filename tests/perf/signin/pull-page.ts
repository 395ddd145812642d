// One pull of a collection over HTTP as the replication sends it, for the sign-in benchmark's Node side and its
// in-page storage limits alike: `fresh` marks it part of a pass from nothing (`x-syncline-fresh`), so a scoped
// collection sends only what a device keeps. A refusal says so rather than reading as an empty page.

export interface PulledPage {
  documents: Record<string, unknown>[];
  checkpoint: unknown;
  remaining?: number;
  serverTime?: number;
}

export async function pullPage(
  url: string,
  token: string,
  operation: { query: string; field: string },
  variables: { checkpoint: unknown; limit: number },
  fresh?: string,
): Promise<PulledPage> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(fresh ? { 'x-syncline-fresh': fresh } : {}),
    },
    body: JSON.stringify({ query: operation.query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, PulledPage>; errors?: { message: string }[] };
  const page = body.data?.[operation.field];
  if (!page) throw new Error(`The sync server refused a pull: ${body.errors?.[0]?.message ?? response.status}`);
  return page;
}
