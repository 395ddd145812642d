// Photo writes the order and machine pages share: a captured photo named in its document (so the name and size sync
// with it), and a photo taken off again, its upload dropped and the device's copy freed. Both are ordinary local
// writes, recorded in an order's history; the bytes travel through the file queue.
import type { AttachmentQueue, AttachmentRef, AttachmentState, FileWait, FileWaitReason } from '@syncline/data';
import type { Order } from '@syncline/domain';
import { type AttachmentUploadState, distinctFileNames, toast } from '@syncline/ui';
import { historyEntry, type WriteContext, withHistoryEntry } from './orders';

/** The collections whose documents carry photos. */
export type PhotoCollection = 'orders' | 'machines';

/** What these writes need of an order or a machine: its photos field (and an order's history), in one local write. */
type PhotoFields = Pick<Order, 'attachments' | 'history'>;
interface PhotoDocument {
  incrementalModify(change: (doc: PhotoFields) => PhotoFields): Promise<unknown>;
}

/** A photo write: where, by whom, and the queue carrying the bytes. */
export interface PhotoWrite extends Pick<WriteContext, 'database' | 'actor'> {
  files: AttachmentQueue;
}

async function photoDocument({ database }: PhotoWrite, collection: PhotoCollection, id: string) {
  const doc =
    collection === 'orders' ? await database.orders.findOne(id).exec() : await database.machines.findOne(id).exec();
  return doc as unknown as PhotoDocument | null;
}

/** The photos as the history lists them, named as their tiles are ("stain.jpg, stain.jpg (2)"). */
const photoNames = (photos: readonly AttachmentRef[]) =>
  distinctFileNames(photos.map((photo) => photo.name)).join(', ') || '—';

/**
 * The document with its photos changed to `photos`; an order records it in its history ("Removed photo stain.jpg"),
 * with its photos before and after.
 */
function withPhotos(
  actor: string,
  collection: PhotoCollection,
  doc: PhotoFields,
  photos: AttachmentRef[],
  summary: string,
): PhotoFields {
  if (collection !== 'orders') return { ...doc, attachments: photos };
  const change = { field: 'attachments', from: photoNames(doc.attachments ?? []), to: photoNames(photos) };
  return { ...doc, attachments: photos, history: withHistoryEntry(doc, historyEntry(actor, summary, [change])) };
}

export async function addAttachment(
  write: PhotoWrite,
  collection: PhotoCollection,
  documentId: string,
  ref: AttachmentRef,
) {
  const doc = await photoDocument(write, collection, documentId);
  if (!doc) throw new Error(`this ${collection === 'orders' ? 'order' : 'machine'} is no longer on this device.`);
  await doc.incrementalModify((current) =>
    withPhotos(write.actor, collection, current, [...(current.attachments ?? []), ref], `Added photo ${ref.name}`),
  );
}

/**
 * Takes a photo off its document and off this device: an upload not finished is dropped, never sent, and the
 * device's copy freed. The toast's Undo puts it back: the same photo when the server has it, else the kept bytes
 * captured again.
 */
export async function removeAttachment(
  write: PhotoWrite,
  collection: PhotoCollection,
  documentId: string,
  photo: AttachmentRef,
) {
  const doc = await photoDocument(write, collection, documentId);
  if (!doc) return;
  const { files } = write;
  await doc.incrementalModify((current) => {
    const photos = (current.attachments ?? []).filter((kept) => kept.id !== photo.id);
    return withPhotos(write.actor, collection, current, photos, `Removed photo ${photo.name}`);
  });
  const upload = files.state(collection, photo.id)?.status;
  // uploaded, or another device's to send: Undo names it again; otherwise it keeps this device's bytes anew
  const onServer = upload === undefined || upload === 'uploaded';
  const bytes = await files.discard(collection, photo.id);
  const putBack = async () => {
    const ref = onServer || !bytes ? photo : await files.capture(collection, bytes, photo.name);
    await addAttachment(write, collection, documentId, ref);
  };
  toast(`${photo.name} removed`, { action: { label: 'Undo', onClick: () => void putBack() } });
}

/** Waits a person must act on: sign in again, or a role that may not see the file. */
const ACTION_NEEDED: ReadonlySet<FileWaitReason> = new Set(['signed-out', 'not-allowed']);

/**
 * What a photo's tile says: this device's upload when it has one; else a photo another device took, shown once the
 * server's copy could be read, and otherwise why not (in red when the person must act: sign in again, not allowed).
 */
export function photoTileView(
  upload: AttachmentState | undefined,
  preview: { url?: string; wait?: FileWait },
): { state: AttachmentUploadState; reason?: string } {
  if (upload) {
    const reason =
      upload.status === 'failed' ? upload.reason : upload.status === 'pending' ? upload.problem : undefined;
    return { state: upload.status, reason };
  }
  if (preview.url) return { state: 'uploaded' };
  if (preview.wait && ACTION_NEEDED.has(preview.wait.reason))
    return { state: 'unavailable', reason: preview.wait.message };
  return { state: 'waiting', reason: preview.wait?.message ?? 'Looking for it…' };
}
