// Starts everything an operator needs on one port: the sync server on embedded SQLite, the built
// control center, first-run demo data, the machine simulator, and, for demos only, development sign-in for the
// demo tenants (never in production).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { controlCenterSchemas } from '@syncline/domain';
import { createSqliteStorage, createSyncServer, type SyncServerPlugin, signToken } from '@syncline/server';
import type { DevAccount } from '../src/session/session';
import { SyncClient } from './graphql-client';
import { seedTenant } from './seed';
import { type MachineSimulator, startMachineSimulator } from './simulator';
import { isAppPath, serveApp } from './static-app';
import { type DemoTenant, demoTenants, peopleOf } from './tenants';

export interface ControlCenterOptions {
  /** Where the SQLite file, the photos documents carry (`files/`) and the development secret live. */
  dataDir: string;
  /** The built app (apps/control-center/dist). */
  appDir: string;
  port?: number;
  host?: string;
  /** Seed demo data into empty tenants. Default true. */
  seed?: boolean;
  /** Run the machine simulator. Default true. */
  simulate?: boolean;
  /** Milliseconds between simulator ticks. */
  simulatorInterval?: number;
  /** The chance, each tick, that a running machine with no open alarm raises one by itself (default 0.002). */
  simulatorAlarmChance?: number;
  tenants?: DemoTenant[];
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Extra browser origins allowed to call the server (a Vite dev server). */
  corsOrigins?: string[];
  /**
   * Development sign-in: `GET /dev/tokens` hands 30-day tokens for every demo tenant to whoever asks, and the
   * sign-in screen lists them. For demos and tests only; refused in production. Default false (404).
   */
  devSignIn?: boolean;
  /** Default: `NODE_ENV === 'production'`. */
  production?: boolean;
}

export interface RunningControlCenter {
  /** Where the app is served, e.g. http://127.0.0.1:4000/ */
  url: string;
  graphqlUrl: string;
  /** The demo tenants' development sign-ins; empty without `devSignIn`. */
  accounts: DevAccount[];
  secret: string;
  /** The machine simulator of each tenant (when simulating). */
  simulators: Record<string, MachineSimulator>;
  close(): Promise<void>;
}

/** Why a production control center refuses development sign-in, and what to do instead. */
export const DEV_SIGN_IN_IN_PRODUCTION =
  'Development sign-in (--dev-sign-in) is on and NODE_ENV=production: refusing to start, since /dev/tokens would ' +
  'hand 30-day tokens for every demo tenant to anyone who asks. Drop --dev-sign-in and sign people in with tokens ' +
  'minted for each of them (`pnpm -s syncline-server token --tenant T --sub U --role R` with the same SYNCLINE_JWT_SECRET), ' +
  'or run the demo without NODE_ENV=production.';

/** The JWT secret: SYNCLINE_JWT_SECRET, or a development secret kept beside the database. */
async function developmentSecret(dataDir: string): Promise<string> {
  if (process.env.SYNCLINE_JWT_SECRET) return process.env.SYNCLINE_JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const { randomBytes } = await import('node:crypto');
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function startControlCenter(options: ControlCenterOptions): Promise<RunningControlCenter> {
  const { dataDir, appDir, tenants = demoTenants, devSignIn = false } = options;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  if (devSignIn && production) throw new Error(DEV_SIGN_IN_IN_PRODUCTION);
  await mkdir(dataDir, { recursive: true });
  const secret = await developmentSecret(dataDir);
  // one person per role of each tenant, the owner first; none without development sign-in
  const accounts: DevAccount[] = devSignIn
    ? await Promise.all(
        tenants.flatMap((demo) =>
          peopleOf(demo).map(async ({ user, role }) => ({
            tenant: demo.tenant,
            tenantName: demo.tenantName,
            user,
            role,
            token: await signToken({ secret, tenant: demo.tenant, sub: user, role, ttl: '30d' }),
          })),
        ),
      )
    : [];

  const app: SyncServerPlugin = {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/dev/tokens') {
        // off: a plain 404, not the app's index.html, so the sign-in screen knows there is none
        endResponse(
          devSignIn
            ? Response.json(accounts, { headers: { 'cache-control': 'no-store' } })
            : Response.json({ error: 'This server offers no development sign-in.' }, { status: 404 }),
        );
        return;
      }
      if (isAppPath(url.pathname)) return serveApp(appDir, url.pathname).then(endResponse);
    },
  };

  const server = createSyncServer({
    collections: controlCenterSchemas,
    storage: createSqliteStorage({ path: join(dataDir, 'syncline.sqlite') }),
    // the photos orders and machines carry, beside the database
    files: { directory: join(dataDir, 'files') },
    auth: { secret },
    plugins: [app],
    corsOrigins: options.corsOrigins,
    production,
    logger: options.logLevel ?? 'warn',
  });
  const address = await server.listen(options.port ?? 4000, options.host ?? '127.0.0.1');

  const simulators: Record<string, MachineSimulator> = {};
  for (const [index, tenant] of tenants.entries()) {
    const token = await signToken({ secret, tenant: tenant.tenant, sub: 'machine-simulator', ttl: '365d' });
    const client = new SyncClient(address.url, token);
    if (options.seed ?? true) await seedTenant(client, tenant);
    if (options.simulate ?? true) {
      simulators[tenant.tenant] = await startMachineSimulator({
        client,
        interval: options.simulatorInterval ?? 2_000 + index * 250,
        ...(options.simulatorAlarmChance === undefined ? {} : { alarmChance: options.simulatorAlarmChance }),
        onError: (error) => server.logger.warn({ err: error, tenant: tenant.tenant }, 'machine simulator push failed'),
      });
    }
  }

  return {
    url: `${address.origin}/`,
    graphqlUrl: address.url,
    accounts,
    secret,
    simulators,
    async close() {
      for (const simulator of Object.values(simulators)) simulator.stop();
      await server.close();
    },
  };
}
