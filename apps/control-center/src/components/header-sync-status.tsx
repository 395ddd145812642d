// The header's sync status and the offline banner: the kit's connected views, with the lists linked to pages.
import { ConnectedOfflineBanner, ConnectedSyncStatusWidget } from '@syncline/ui/connected';
import { useNavigate } from 'react-router';

const listRoutes = { pending: '/sync', failed: '/sync', conflicts: '/conflicts' } as const;

export function HeaderSyncStatus() {
  const navigate = useNavigate();
  return <ConnectedSyncStatusWidget onShowList={(list) => navigate(listRoutes[list])} />;
}

export function ConnectivityBanner() {
  return <ConnectedOfflineBanner />;
}
