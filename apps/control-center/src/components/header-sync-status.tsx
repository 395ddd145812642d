// The header's sync status, the offline banner and the conflict toast: the kit's connected views, with the lists
// linked to pages and "Review" opening the conflict. All of them show the one phase the kit times per store.
import { useSyncStatus } from '@syncline/data';
import { Badge } from '@syncline/ui';
import { ConnectedConflictToast, ConnectedOfflineBanner, ConnectedSyncStatusWidget } from '@syncline/ui/connected';
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
  return <ConnectedOfflineBanner />;
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
