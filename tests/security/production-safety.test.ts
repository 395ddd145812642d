// Production safety, as an attacker or a misconfigured deployment meets it: the control center's development
// sign-in is off unless asked for, and production refuses to be asked; production allows no browser origin but
// its own; the stream's Origin check knows https (a TLS socket, or a trusted proxy's forwarded headers) and ignores
// forged forwarded headers when no proxy is trusted; and one tenant flooding the server gets 429 with Retry-After
// while another tenant is served. Real processes (`syncline-server`, the control center's `main.ts`) on loopback.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlCenterSchemas } from '@syncline/domain';
import { startTestServer, type TestServer, upgradeFrom } from '@syncline/server/testing';
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process';

const collections = { customers: controlCenterSchemas.customers };
const repo = join(import.meta.dirname, '../..');
const PULL = JSON.stringify({
  query: 'query { pullCustomers(checkpoint: null, limit: 5) { documents { id } checkpoint { id updatedAt } } }',
});

/** The origin a CORS preflight from `origin` is allowed for (null: refused). */
async function corsAllows(url: string, origin: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', ...headers },
  });
  return response.headers.get('access-control-allow-origin');
}

// four control centers that share nothing: started side by side
describe.concurrent('development sign-in', () => {
  /** `apps/control-center/server/main.ts` as `pnpm start` runs it, in its own process with its own data folder. */
  async function controlCenter(env: Record<string, string>, args: string[]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'syncline-cc-security-'));
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        'apps/control-center/server/main.ts',
        '--no-seed',
        '--no-simulator',
        ...args,
      ],
      {
        cwd: repo,
        env: { ...process.env, ...env, PORT: String(port), SYNCLINE_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = (async () => {
      for (;;) {
        const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (response) => response.ok,
          () => false,
        );
        if (up) return 'ready' as const;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const outcome = await Promise.race([ready, exited.then((code) => ({ exitCode: code }))]);
    return {
      origin: `http://127.0.0.1:${port}`,
      outcome,
      output: () => output,
      async close() {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const productionSecret = {
    NODE_ENV: 'production',
    SYNCLINE_JWT_SECRET: 'a-real-production-secret-of-enough-length-0123',
  };

  it('production with a real secret and no flag: /dev/tokens is 404 and hands out no token', async ({ expect }) => {
    const center = await controlCenter(productionSecret, []);
    try {
      expect(center.outcome, center.output()).toBe('ready');
      const answer = await fetch(`${center.origin}/dev/tokens`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toMatch(/eyJ/);
    } finally {
      await center.close();
    }
  });

  it('development without the flag: /dev/tokens is 404 too', async ({ expect }) => {
    const center = await controlCenter({ NODE_ENV: 'development' }, []);
    try {
      expect(center.outcome, center.output()).toBe('ready');
      expect((await fetch(`${center.origin}/dev/tokens`)).status).toBe(404);
    } finally {
      await center.close();
    }
  });

  it('production refuses to start with --dev-sign-in, saying what was wrong and what to do', async ({ expect }) => {
    const center = await controlCenter(productionSecret, ['--dev-sign-in']);
    try {
      expect(center.outcome).toEqual({ exitCode: 1 });
      expect(center.output()).toMatch(/--dev-sign-in.*NODE_ENV=production: refusing to start/);
      expect(center.output()).toMatch(/Drop --dev-sign-in/);
    } finally {
      await center.close();
    }
  });

  it('a demo with --dev-sign-in lists the demo tenants with their tokens', async ({ expect }) => {
    const center = await controlCenter({ NODE_ENV: 'development' }, ['--dev-sign-in']);
    try {
      expect(center.outcome, center.output()).toBe('ready');
      const accounts = (await (await fetch(`${center.origin}/dev/tokens`)).json()) as Array<{ tenant: string }>;
      expect(accounts.map((account) => account.tenant)).toContain('northwind-laundry');
    } finally {
      await center.close();
    }
  });
});

describe('browser origins', () => {
  let development: ServerProcess;
  let production: ServerProcess;
  let proxied: ServerProcess;

  beforeAll(async () => {
    [development, production, proxied] = await Promise.all([
      startServerProcess({ collections }),
      startServerProcess({ collections, env: { NODE_ENV: 'production' } }),
      startServerProcess({ collections, env: { NODE_ENV: 'production' }, args: ['--trust-proxy'] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([development?.close(), production?.close(), proxied?.close()]);
  });

  it('production allows no localhost dev origin, over HTTP or ws; development does', async () => {
    expect(await corsAllows(production.url, 'http://localhost:5173')).toBeNull();
    expect(await upgradeFrom(production.wsUrl, 'http://localhost:5173')).toBe('401');
    expect(await corsAllows(development.url, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(await upgradeFrom(development.wsUrl, 'http://localhost:5173')).toBe('open');
    // its own origin still may
    expect(await corsAllows(production.url, production.origin)).toBe(production.origin);
    expect(await upgradeFrom(production.wsUrl, production.origin)).toBe('open');
  });

  it('ignores forged forwarded headers when no proxy is trusted', async () => {
    const forged: Record<string, string>[] = [
      { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' },
      { forwarded: 'proto=https;host=evil.example' },
    ];
    for (const headers of forged) {
      expect(await upgradeFrom(production.wsUrl, 'https://evil.example', { headers })).toBe('401');
      expect(await corsAllows(production.url, 'https://evil.example', headers)).toBeNull();
    }
  });

  it("behind a trusted proxy: the public https origin is the server's own, and a foreign one is still refused", async () => {
    const viaProxy: Record<string, string>[] = [
      { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sync.example.com' },
      { forwarded: 'for=203.0.113.7;proto=https;host=sync.example.com' },
    ];
    for (const headers of viaProxy) {
      expect(await upgradeFrom(proxied.wsUrl, 'https://sync.example.com', { headers })).toBe('open');
      expect(await corsAllows(proxied.url, 'https://sync.example.com', headers)).toBe('https://sync.example.com');
      expect(await upgradeFrom(proxied.wsUrl, 'https://evil.example', { headers })).toBe('401');
      expect(await corsAllows(proxied.url, 'https://evil.example', headers)).toBeNull();
      // the proxy says https: the page's plain-http origin is not the server's
      expect(await upgradeFrom(proxied.wsUrl, 'http://sync.example.com', { headers })).toBe('401');
    }
  });

  describe('served over TLS', () => {
    const ca = readFileSync(join(import.meta.dirname, '../support/tls/localhost-cert.pem'), 'utf8');
    let server: TestServer;

    beforeAll(async () => {
      server = await startTestServer({
        collections,
        serverOptions: {
          production: true,
          tls: { cert: ca, key: readFileSync(join(import.meta.dirname, '../support/tls/localhost-key.pem'), 'utf8') },
        },
      });
    });
    afterAll(() => server?.close());

    it("accepts a stream from the page's own https origin and refuses a foreign one", async () => {
      expect(server.wsUrl).toMatch(/^wss:/);
      expect(await upgradeFrom(server.wsUrl, server.origin, { ca })).toBe('open');
      expect(server.origin).toMatch(/^https:/);
      expect(await upgradeFrom(server.wsUrl, 'https://evil.example', { ca })).toBe('401');
      expect(await upgradeFrom(server.wsUrl, server.origin.replace('https:', 'http:'), { ca })).toBe('401');
    });
  });
});

describe('per-tenant rate limits', () => {
  let limited: ServerProcess;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    limited = await startServerProcess({
      collections,
      env: { NODE_ENV: 'production' },
      args: ['--rate-limit', '1', '--rate-burst', '5'],
    });
    [acme, globex] = await Promise.all([limited.token('acme'), limited.token('globex')]);
  });
  afterAll(() => limited?.close());

  const pull = (token: string) =>
    fetch(limited.url, {
      method: 'POST',
      // as a page of the server's own origin: a browser could read the answer and its Retry-After
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: limited.origin },
      body: PULL,
    });

  it('answers a flooding tenant 429 with Retry-After and a GraphQL error, while another tenant is served', async () => {
    const flood = await Promise.all(Array.from({ length: 15 }, () => pull(acme)));
    const refused = flood.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(flood.filter((response) => response.status === 200).length).toBeGreaterThan(0);
    const [first] = refused;
    const retryAfter = Number(first?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(first?.headers.get('access-control-allow-origin')).toBe(limited.origin);
    expect(first?.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
    const body = (await first?.json()) as {
      errors: Array<{ message: string; extensions: { code: string; retryAfterSeconds: number } }>;
    };
    expect(body.errors[0]?.message).toMatch(/Too many requests from this tenant.*Retry after \d+ s/);
    expect(body.errors[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });

    // another shop is not slowed down by the first one's flood
    const other = await pull(globex);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { data: unknown }).data).toMatchObject({ pullCustomers: { documents: [] } });

    // operations over ws (stream subscriptions among them) take from the same bucket: right after the flood, a
    // handful of them at once cannot all fit
    const client = createClient({
      url: limited.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { headers: { Authorization: `Bearer ${acme}` } },
    });
    const overWs = () =>
      new Promise<string>((resolve) => {
        client.subscribe(JSON.parse(PULL) as { query: string }, {
          next: (answer) => resolve(JSON.stringify(answer)),
          error: (error) => resolve(JSON.stringify(error)),
          complete: () => undefined,
        });
      });
    const wsAnswers = await Promise.all(Array.from({ length: 8 }, overWs));
    await Promise.resolve(client.dispose()).catch(() => undefined);
    expect(wsAnswers.join('\n')).toMatch(/Too many requests from this tenant.*"code":"RATE_LIMITED"/);

    // once the wait it was told is over, the same request is served
    await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
    expect((await pull(acme)).status).toBe(200);
  });

  it('is no answer to a bad token: that is still refused as unauthenticated', async () => {
    const response = await pull(`${acme.slice(0, -4)}AAAA`);
    expect(response.status).toBe(401);
  });
});
