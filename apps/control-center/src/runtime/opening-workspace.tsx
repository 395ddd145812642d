// What the operator sees while the workspace opens: first while its code loads, then while the local database opens.
// One screen for both, so the wait reads as one step.
import { Spinner } from '@syncline/ui';

export function OpeningWorkspace({ tenantName }: { tenantName: string }) {
  return (
    <main className="grid min-h-svh place-items-center p-6" aria-busy="true">
      <p className="flex items-center gap-2 text-foreground-muted text-sm">
        <Spinner /> Opening {tenantName}…
      </p>
    </main>
  );
}
