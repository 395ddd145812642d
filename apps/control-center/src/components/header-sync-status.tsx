// The header's sync status, the offline banner and the conflict toast: the kit's connected views, with the lists
// linked to pages and "Review" opening the conflict. All of them show the one phase the kit times per store.
import { useSyncStatus } from '@syncline/data';
import { Badge, Button } from '@syncline/ui';
import { ConnectedConflictToast, ConnectedOfflineBanner, ConnectedSyncStatusWidget } from '@syncline/ui/connected';
import { RefreshCwIcon } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';

const listRoutes = { pending: '/sync', failed: '/sync', conflicts: '/conflicts' } as const;

export function HeaderSyncStatus() {
  const navigate = useNavigate();
  return (
    <>
      {/* on a phone the pill keeps its icon and colour; its words stay in the live region for screen readers */}
      <ConnectedSyncStatusWidget
        showLastSynced
        className="max-sm:[&_[data-slot=sync-status-label]]:sr-only"
        onShowList={(list) => navigate(listRoutes[list])}
      />
      <ConnectedConflictToast onReview={(id) => navigate(`/conflicts/${encodeURIComponent(id)}`)} />
    </>
  );
}

export function ConnectivityBanner() {
  return (
    <>
      <AppUpdateNotice />
      <ConnectedOfflineBanner />
    </>
  );
}

/** How long a reload waits for the service worker to take the new version before it reloads anyway. */
const UPDATE_WAIT_MS = 10_000;

/**
 * Reloads the control center as its server now serves it. The service worker answers the reload from its cache, so
 * it is asked for the new version first, and the page reloads once the new one has taken over.
 */
async function reloadUpdated() {
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (registration) {
    await registration.update().catch(() => undefined);
    if (registration.installing ?? registration.waiting) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, UPDATE_WAIT_MS);
      });
    }
  }
  window.location.reload();
}

/**
 * The server syncs a newer version of a collection than this copy of the app knows: nothing of it syncs until the
 * app is reloaded (which the server serves new), so the notice says so and offers the reload. The changes made
 * here wait in the device's database, which moves them up to the new version as it opens.
 */
export function AppUpdateNotice() {
  const mustUpdate = useSyncStatus((s) => s.lastError?.kind === 'outdated' && s.lastError.update === 'app');
  const [reloading, setReloading] = useState(false);
  if (!mustUpdate) return null;
  return (
    <div
      role="alert"
      data-slot="app-update-notice"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-border bg-warning-subtle px-4 py-2 text-sm text-foreground"
    >
      <p>
        <span className="font-medium">A newer control center is on the server.</span> Reload to update and sync again;
        changes made on this device are kept and sent after the reload.
      </p>
      <Button
        size="sm"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void reloadUpdated();
        }}
      >
        <RefreshCwIcon aria-hidden="true" />
        {reloading ? 'Reloading…' : 'Reload to update'}
      </Button>
    </div>
  );
}

/** The number of open conflicts beside "Conflicts" in the navigation; nothing while there are none. */
export function ConflictCountBadge() {
  const count = useSyncStatus((s) => s.conflictCount);
  if (count === 0) return null;
  return (
    <Badge variant="conflict">
      {count}
      <span className="sr-only"> {count === 1 ? 'needs' : 'need'} review</span>
    </Badge>
  );
}
