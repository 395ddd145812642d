// Where one captured file stands, for a tile or a list row: pending (with what the server held last), uploading
// with its progress, uploaded, or failed with the server's reason. Undefined for a file this device did not capture.
import { useCallback, useSyncExternalStore } from 'react';
import type { AttachmentQueue, AttachmentState } from '../attachments/upload-queue';

export function useAttachmentState(
  queue: AttachmentQueue,
  collection: string,
  id: string,
): AttachmentState | undefined {
  const read = useCallback(() => queue.state(collection, id), [queue, collection, id]);
  return useSyncExternalStore(queue.subscribe, read, read);
}
