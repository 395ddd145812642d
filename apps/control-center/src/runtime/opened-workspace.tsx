// The workspace's data layer as the shell sees it: nothing while its chunk loads and the database opens, then the
// database, its replication and the parts that read them. `WhenOpen` renders a part of the shell inside the
// provider once they are there, and its fallback until then.
import { type AttachmentQueue, roleOfToken } from '@syncline/data';
import { createContext, type ReactNode, useContext } from 'react';
import { useSession } from './session-context';
import type * as WorkspaceData from './workspace-data';

export type WorkspaceParts = typeof WorkspaceData;

export interface OpenedWorkspace extends WorkspaceData.OpenedData {
  parts: WorkspaceParts;
}

export const OpenedWorkspaceContext = createContext<OpenedWorkspace | undefined>(undefined);

/** The queue carrying this workspace's photos to the server; for parts rendered inside WhenOpen. */
export function useAttachmentQueue(): AttachmentQueue {
  const opened = useContext(OpenedWorkspaceContext);
  if (!opened) throw new Error('useAttachmentQueue() needs the opened workspace (render it inside WhenOpen)');
  return opened.files;
}

export function WhenOpen({
  fallback = null,
  children,
}: {
  fallback?: ReactNode;
  children: (parts: WorkspaceParts) => ReactNode;
}) {
  const opened = useContext(OpenedWorkspaceContext);
  const { session } = useSession();
  if (!opened) return fallback;
  const { SynclineProvider } = opened.parts;
  return (
    <SynclineProvider database={opened.database} replication={opened.replication} role={roleOfToken(session.token)}>
      {children(opened.parts)}
    </SynclineProvider>
  );
}
