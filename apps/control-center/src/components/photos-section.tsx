// The photos an order or a machine carries: "Add photo" (a phone opens its camera), then a tile per photo saying
// where its upload stands. A photo is kept on this device and listed at once, online or not; its bytes go to the
// server through the workspace's own queue, never in the way of the document's sync. A file the collection would not
// take (a PDF, one over the size limit) is refused on the device with the reason, and nothing is kept. Previews come
// from this device's copy when it has one, otherwise from the server's small thumbnail (pressing one opens the whole
// photo in a new tab); a photo not there yet says why (the other device has not uploaded it, offline, a pause the
// server asked for, sign in again, not allowed) while the queue asks again.
import { type AttachmentRef, AttachmentRejectedError, type FileWait, useAttachmentState, useCan } from '@syncline/data';
import { controlCenterSchemas } from '@syncline/domain';
import { filesOf } from '@syncline/protocol';
import { AttachmentTile, buttonVariants, cn, distinctFileNames } from '@syncline/ui';
import { useEffect, useId, useState } from 'react';
import {
  addAttachment,
  type PhotoCollection,
  type PhotoWrite,
  photoTileView,
  removeAttachment,
} from '../lib/attachments';
import { useWriteContext } from '../lib/use-write-context';
import { useAttachmentQueue } from '../runtime/opened-workspace';

const NO_PHOTOS: readonly AttachmentRef[] = [];

/**
 * The file's thumbnail address, while the tile shows: the device's copy, else the server's, once there (the queue
 * asks again until it is, saying why it waits); undefined until then.
 */
function usePreviewUrl(collection: PhotoCollection, ref: AttachmentRef, uploaded: boolean) {
  const files = useAttachmentQueue();
  const [preview, setPreview] = useState<{ url?: string; wait?: FileWait }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again once this device's upload is done
  useEffect(() => {
    let url: string | undefined;
    const reading = new AbortController();
    files
      .read(collection, ref.id, {
        size: 'thumbnail',
        signal: reading.signal,
        onWait: (wait) => setPreview({ wait }),
      })
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setPreview({ url });
      })
      .catch(() => undefined);
    return () => {
      reading.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [files, collection, ref.id, uploaded]);
  return preview;
}

/** Who writes the photos, and the workspace's queue that carries them. */
function usePhotoWrite(): PhotoWrite {
  const { database, actor } = useWriteContext();
  return { database, actor, files: useAttachmentQueue() };
}

/** How long a photo opened in a tab keeps its address (the tab has loaded it long before). */
const OPENED_URL_MS = 60_000;

/** Opens the whole photo in a new tab: the tab opens at once (a browser allows it only on the press), the photo follows. */
async function openWhole(read: () => Promise<Blob>) {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await read());
    if (tab) tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), OPENED_URL_MS);
  } catch (error) {
    // the tab says what went wrong; the photo stays on its order
    if (tab) {
      tab.document.title = 'Photo not opened';
      tab.document.body.textContent = `The photo could not be fetched (${error instanceof Error ? error.message : String(error)}). Close this tab and try again.`;
    }
  }
}

function PhotoTile({
  collection,
  documentId,
  photo,
  name,
  canEdit,
}: {
  collection: PhotoCollection;
  documentId: string;
  photo: AttachmentRef;
  /** the name the tile is told apart by ("stain.jpg (2)" for a second stain.jpg) */
  name: string;
  canEdit: boolean;
}) {
  const write = usePhotoWrite();
  const { files } = write;
  const upload = useAttachmentState(files, collection, photo.id);
  const preview = usePreviewUrl(collection, photo, upload?.status === 'uploaded');
  const { state, reason } = photoTileView(upload, preview);
  return (
    <li>
      <AttachmentTile
        name={name}
        type={photo.type}
        size={photo.size}
        state={state}
        progress={upload && 'progress' in upload ? upload.progress : 0}
        reason={reason}
        previewUrl={preview.url}
        onOpen={preview.url ? () => void openWhole(() => files.read(collection, photo.id)) : undefined}
        onRetry={upload?.status === 'failed' ? () => void files.retry(collection, photo.id) : undefined}
        onRemove={canEdit ? () => void removeAttachment(write, collection, documentId, photo) : undefined}
      />
    </li>
  );
}

export function PhotosSection({
  collection,
  documentId,
  photos = NO_PHOTOS,
}: {
  collection: PhotoCollection;
  documentId: string;
  photos?: readonly AttachmentRef[];
}) {
  const write = usePhotoWrite();
  const { files } = write;
  const canEdit = useCan(collection)('update');
  const [refusal, setRefusal] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const inputId = useId();
  const types = filesOf(controlCenterSchemas[collection])?.types ?? [];
  const names = distinctFileNames(photos.map((photo) => photo.name));

  const add = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    setRefusal(undefined);
    setAdding(true);
    const refused: string[] = [];
    const failed: string[] = [];
    try {
      for (const file of chosen) {
        try {
          const ref = await files.capture(collection, file, file.name);
          await addAttachment(write, collection, documentId, ref);
        } catch (error) {
          if (error instanceof AttachmentRejectedError) refused.push(`${file.name}: ${error.message}`);
          else failed.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      setAdding(false);
    }
    const said = [
      refused.length > 0 ? `Not added, nothing was kept. ${refused.join(' ')}` : '',
      failed.length > 0 ? `Could not add ${failed.join(' ')} Try again.` : '',
    ].filter(Boolean);
    if (said.length > 0) setRefusal(said.join(' '));
  };

  return (
    <div className="flex flex-col gap-3">
      {photos.length === 0 ? (
        <p className="text-foreground-muted text-sm">No photos yet.</p>
      ) : (
        <ul aria-label="Photos" className="flex flex-col gap-2">
          {photos.map((photo, index) => (
            <PhotoTile
              key={photo.id}
              collection={collection}
              documentId={documentId}
              photo={photo}
              name={names[index] ?? photo.name}
              canEdit={canEdit}
            />
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="flex flex-col gap-2">
          {/* the input itself takes focus and the keyboard (visually hidden); its label is what a person sees */}
          <label
            htmlFor={inputId}
            className={cn(
              buttonVariants({ variant: 'outline', size: 'sm' }),
              'self-start has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring has-[:focus-visible]:ring-offset-2',
            )}
          >
            {adding ? 'Adding photo…' : 'Add photo'}
            <input
              id={inputId}
              type="file"
              accept={types.join(',')}
              capture="environment"
              multiple
              className="sr-only"
              disabled={adding}
              onChange={(event) => void add(event)}
            />
          </label>
          {refusal ? (
            <p role="alert" className="text-error-text text-sm">
              {refusal}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
