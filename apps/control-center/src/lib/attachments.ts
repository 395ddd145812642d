// Photo writes the order and machine pages share: a captured photo named in its document (so the name and size sync
// with it), and a photo taken off again. Both are ordinary local writes; the bytes travel through the file queue.
import type { AttachmentRef } from '@syncline/data';
import { toast } from '@syncline/ui';
import type { ControlCenterDatabase } from '../runtime/database';

/** The collections whose documents carry photos. */
export type PhotoCollection = 'orders' | 'machines';

/** What these writes need of an order or a machine: its photos field, changed in one local write. */
interface PhotoDocument {
  incrementalModify(
    change: (doc: { attachments?: AttachmentRef[] }) => { attachments?: AttachmentRef[] },
  ): Promise<unknown>;
}

async function photoDocument(database: ControlCenterDatabase, collection: PhotoCollection, id: string) {
  const doc =
    collection === 'orders' ? await database.orders.findOne(id).exec() : await database.machines.findOne(id).exec();
  return doc as unknown as PhotoDocument | null;
}

export async function addAttachment(
  database: ControlCenterDatabase,
  collection: PhotoCollection,
  documentId: string,
  ref: AttachmentRef,
) {
  const doc = await photoDocument(database, collection, documentId);
  if (!doc) throw new Error(`this ${collection === 'orders' ? 'order' : 'machine'} is no longer on this device.`);
  await doc.incrementalModify((current) => ({ ...current, attachments: [...(current.attachments ?? []), ref] }));
}

/** Takes a photo off its document, with an Undo that puts it back. */
export async function removeAttachment(
  database: ControlCenterDatabase,
  collection: PhotoCollection,
  documentId: string,
  photo: AttachmentRef,
) {
  const doc = await photoDocument(database, collection, documentId);
  if (!doc) return;
  await doc.incrementalModify((current) => ({
    ...current,
    attachments: (current.attachments ?? []).filter((kept) => kept.id !== photo.id),
  }));
  toast(`${photo.name} removed`, {
    action: { label: 'Undo', onClick: () => void addAttachment(database, collection, documentId, photo) },
  });
}
