// The signed-in workspace: opens the tenant's local database (IndexedDB), starts replication with the
// sync server, and renders the app inside the Syncline provider. Everything reads the local database,
// so the workspace works offline from the first render on. Where the previous app left its customers on the device,
// their import runs in the background too.

import {
  createSynclineDatabase,
  roleOfToken,
  SynclineProvider,
  type SynclineReplication,
  startReplication,
} from '@syncline/data';
import { controlCenterMergeRules, controlCenterMigrations, controlCenterSchemas } from '@syncline/domain';
import { Button, EmptyState } from '@syncline/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { LEGACY_CUSTOMERS_KEY } from '../lib/legacy-customers';
import type { Session } from '../session/session';
import type { ControlCenterDatabase } from './database';
import { OpeningWorkspace } from './opening-workspace';
import { AppRoutes } from './router';
import { SessionContext } from './session-context';

/** Loaded only on a device where the previous app left its customers. */
const LegacyCustomersImport = lazy(() =>
  import('../components/legacy-customers-import').then((module) => ({ default: module.LegacyCustomersImport })),
);

type Opened = {
  database: ControlCenterDatabase;
  replication: SynclineReplication;
};

export function Workspace({
  session,
  onSessionChange,
  onSignOut,
}: {
  session: Session;
  onSessionChange: (session: Session) => void;
  onSignOut: () => void;
}) {
  const [opened, setOpened] = useState<Opened | undefined>();
  const [error, setError] = useState<string | undefined>();

  // The workspace is keyed by server and tenant (see App); a new token is read through the token function.
  useEffect(() => {
    let cancelled = false;
    let current: Opened | undefined;
    (async () => {
      const database = (await createSynclineDatabase({
        name: `syncline-cc-${session.tenant}`,
        collections: controlCenterSchemas,
        mergeRules: controlCenterMergeRules,
        migrationStrategies: controlCenterMigrations,
      })) as unknown as ControlCenterDatabase;
      const replication = startReplication({ database, url: session.serverUrl, token: () => currentToken() });
      current = { database, replication };
      if (cancelled) await close(current);
      else setOpened(current);
    })().catch((cause: unknown) => {
      if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause));
    });
    return () => {
      cancelled = true;
      if (current) void close(current);
    };
  }, [session.serverUrl, session.tenant]);

  if (error) {
    return (
      <main className="grid min-h-svh place-items-center p-6">
        <EmptyState
          title="The local database could not open"
          description={`${error} Nothing was deleted. Reload to try again, or sign out to pick another tenant.`}
          action={<Button onClick={onSignOut}>Sign out</Button>}
        />
      </main>
    );
  }
  if (!opened) return <OpeningWorkspace tenantName={session.tenantName} />;
  return (
    <SessionContext value={{ session, onSessionChange, onSignOut }}>
      <SynclineProvider database={opened.database} replication={opened.replication} role={roleOfToken(session.token)}>
        <AppRoutes />
        {localStorage.getItem(LEGACY_CUSTOMERS_KEY) === null ? null : (
          <Suspense fallback={null}>
            <LegacyCustomersImport tenant={session.tenant} />
          </Suspense>
        )}
      </SynclineProvider>
    </SessionContext>
  );
}

/** The token is read from storage on every request, so a token changed on the Sync page applies at once. */
function currentToken(): string {
  const raw = localStorage.getItem('syncline:session');
  return raw ? ((JSON.parse(raw) as Session).token ?? '') : '';
}

async function close({ database, replication }: Opened) {
  await replication.stop();
  await database.close();
}
