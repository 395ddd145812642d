// What a page shows when it fails to render: what happened, that nothing stored was touched, and a way on.
import { Button, EmptyState } from '@syncline/ui';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main className="grid min-h-svh place-items-center p-6">
      <EmptyState
        title="This page could not be shown"
        description={`${message}. Your data on this device is untouched; pending changes still sync.`}
        action={<Button onClick={() => window.location.assign('/')}>Back to the dashboard</Button>}
      />
    </main>
  );
}
