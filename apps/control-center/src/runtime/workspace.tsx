// The signed-in workspace: paints the shell (router, sidebar, header) at once, and meanwhile loads the data layer's
// chunk, opens the tenant's local database (IndexedDB) and starts replication with the sync server; the parts that
// read the database show as soon as it is open (see WhenOpen). Everything reads the local database, so the workspace
// works offline from then on. Where the previous app left its customers on the device, their import runs in the
// background too.

import { Button, EmptyState } from '@syncline/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { LEGACY_CUSTOMERS_KEY } from '../lib/legacy-customers';
import type { Session } from '../session/session';
import { type OpenedWorkspace, OpenedWorkspaceContext, WhenOpen } from './opened-workspace';
import { AppRoutes } from './router';
import { SessionContext } from './session-context';

/** Loaded only on a device where the previous app left its customers. */
const LegacyCustomersImport = lazy(() =>
  import('../components/legacy-customers-import').then((module) => ({ default: module.LegacyCustomersImport })),
);

export function Workspace({
  session,
  onSessionChange,
  onSignOut,
}: {
  session: Session;
  onSessionChange: (session: Session) => void;
  onSignOut: () => void;
}) {
  const [opened, setOpened] = useState<OpenedWorkspace | undefined>();
  const [error, setError] = useState<string | undefined>();

  // The workspace is keyed by server and tenant (see App); a new token is read through the token function.
  const { serverUrl, tenant } = session;
  useEffect(() => {
    let cancelled = false;
    let current: OpenedWorkspace | undefined;
    (async () => {
      const parts = await import('./workspace-data');
      current = { ...(await parts.openWorkspaceData({ serverUrl, tenant })), parts };
      if (cancelled) await current.parts.closeWorkspaceData(current);
      else setOpened(current);
    })().catch((cause: unknown) => {
      if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause));
    });
    return () => {
      cancelled = true;
      if (current) void current.parts.closeWorkspaceData(current);
    };
  }, [serverUrl, tenant]);

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
  return (
    <SessionContext value={{ session, onSessionChange, onSignOut }}>
      <OpenedWorkspaceContext value={opened}>
        <AppRoutes />
        {localStorage.getItem(LEGACY_CUSTOMERS_KEY) === null ? null : (
          <WhenOpen>
            {() => (
              <Suspense fallback={null}>
                <LegacyCustomersImport tenant={session.tenant} />
              </Suspense>
            )}
          </WhenOpen>
        )}
      </OpenedWorkspaceContext>
    </SessionContext>
  );
}
