// What the app shows when a page (or the frame around it) fails to render: what happened, that nothing stored was
// touched, and a way on.
import { Button, EmptyState } from '@syncline/ui';
import { Component } from 'react';

export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
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

/** Shows RouteError in place of its children when they throw while rendering (a page whose chunk failed to load too). */
export class RouteErrorBoundary extends Component<{ children: React.ReactNode }, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
