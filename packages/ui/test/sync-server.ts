// Vitest global setup for the kit: one real sync server for the connected views' tests, started here in Node
// because their jsdom environment replaces the globals the server needs (EventTarget). Each test uses a tenant of
// its own, so tests share the server but never each other's data.
import { startTestServer } from '@syncline/server/testing';
import type { TestProject } from 'vitest/node';
import { serverTicketSchema } from './tickets';

/** Enough tenants for the tests of one run; a test takes the next one. */
const tenants = Array.from({ length: 12 }, (_, i) => `desk-${i + 1}`);

declare module 'vitest' {
  export interface ProvidedContext {
    syncServer: { url: string; wsUrl: string; tokens: Record<string, string> };
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer({ collections: { tickets: serverTicketSchema } });
  const tokens: Record<string, string> = {};
  for (const tenant of tenants) tokens[tenant] = await server.token(tenant, 'tester', '6h');
  project.provide('syncServer', { url: server.url, wsUrl: server.wsUrl, tokens });
  return () => server.close();
}
