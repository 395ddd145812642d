// Starts the control center (sync server + built app + demo tenants, with their development sign-in) on a free
// loopback port with a throwaway data directory, as `pnpm start` would, for end-to-end tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ControlCenterOptions,
  type RunningControlCenter,
  startControlCenter,
} from '../../apps/control-center/server/control-center';
import type { DemoTenant } from '../../apps/control-center/server/tenants';

export const appDist = join(import.meta.dirname, '../../apps/control-center/dist');

/** Small shops, so a test seeds in a moment. */
export const testTenants: DemoTenant[] = [
  {
    tenant: 'northwind-laundry',
    tenantName: 'Northwind Laundry',
    user: 'ana',
    team: [
      { user: 'carla', role: 'operator' },
      { user: 'dev', role: 'viewer' },
    ],
    seed: 7,
    orders: 120,
    machines: 8,
    customers: 30,
  },
  {
    tenant: 'harbor-linen',
    tenantName: 'Harbor Linen Services',
    user: 'marco',
    seed: 11,
    orders: 60,
    machines: 6,
    customers: 20,
  },
];

export async function startTestControlCenter(
  options: Partial<ControlCenterOptions> = {},
): Promise<RunningControlCenter & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'syncline-cc-'));
  const running = await startControlCenter({
    dataDir,
    appDir: appDist,
    port: 0,
    tenants: testTenants,
    simulate: false,
    logLevel: 'silent',
    devSignIn: true,
    ...options,
  });
  return {
    ...running,
    dataDir,
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
