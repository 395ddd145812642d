// The photos an order or a machine carries: "Add photo" (a phone opens its camera), then a tile per photo saying
// where its upload stands. A photo is kept on this device and listed at once, online or not; its bytes go to the
// server through the workspace's own queue, never in the way of the document's sync. A file the collection would not
// take (a PDF, one over the size limit) is refused on the device with the reason, and nothing is kept. Previews come
// from this device's copy when it has one, otherwise from the server's small thumbnail; pressing one opens the whole
// photo in a new tab.
import { type AttachmentRef, AttachmentRejectedError, useAttachmentState, useCan } from '@syncline/data';
import { controlCenterSchemas } from '@syncline/domain';
import { filesOf } from '@syncline/protocol';
import { AttachmentTile, type AttachmentUploadState, buttonVariants, cn } from '@syncline/ui';
import { useEffect, useId, useState } from 'react';
import { addAttachment, type PhotoCollection, removeAttachment } from '../lib/attachments';
import { useDatabase } from '../runtime/database';
import { useAttachmentQueue } from '../runtime/opened-workspace';

const NO_PHOTOS: readonly AttachmentRef[] = [];

/** How often a photo another device took is asked for again, until that device has uploaded it. */
const MISSING_RETRY_MS = 5_000;

/**
 * The file's thumbnail address, while the tile shows: the device's copy, else the server's; undefined until read.
 * `checked` once the first read has settled (until then nobody knows where the file is).
 */
function usePreviewUrl(collection: PhotoCollection, ref: AttachmentRef, uploaded: boolean) {
  const files = useAttachmentQueue();
  const [preview, setPreview] = useState<{ url?: string; missing: boolean; checked: boolean }>({
    missing: false,
    checked: false,
  });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again once this device's upload is done, and while the server does not have it yet
  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    let again: ReturnType<typeof setTimeout> | undefined;
    files
      .read(collection, ref.id, { size: 'thumbnail' })
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setPreview({ url, missing: false, checked: true });
      })
      .catch(() => {
        if (cancelled) return;
        setPreview({ missing: true, checked: true });
        again = setTimeout(() => setAttempt((n) => n + 1), MISSING_RETRY_MS);
      });
    return () => {
      cancelled = true;
      clearTimeout(again);
      if (url) URL.revokeObjectURL(url);
    };
  }, [files, collection, ref.id, uploaded, attempt]);
  return preview;
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
  canEdit,
}: {
  collection: PhotoCollection;
  documentId: string;
  photo: AttachmentRef;
  canEdit: boolean;
}) {
  const files = useAttachmentQueue();
  const database = useDatabase();
  const upload = useAttachmentState(files, collection, photo.id);
  const preview = usePreviewUrl(collection, photo, upload?.status === 'uploaded');
  // a photo another device took: on the server once it can be read from there (never said before the first read)
  const state: AttachmentUploadState = upload
    ? upload.status
    : preview.missing || !preview.checked
      ? 'pending'
      : 'uploaded';
  const reason =
    upload?.status === 'failed'
      ? upload.reason
      : upload?.status === 'pending'
        ? upload.problem
        : !upload && preview.missing
          ? 'Taken on another device; it shows here once that device has uploaded it.'
          : !upload && !preview.checked
            ? 'Looking for it…'
            : undefined;
  return (
    <li>
      <AttachmentTile
        name={photo.name}
        type={photo.type}
        size={photo.size}
        state={state}
        progress={upload && 'progress' in upload ? upload.progress : 0}
        reason={reason}
        previewUrl={preview.url}
        onOpen={preview.url ? () => void openWhole(() => files.read(collection, photo.id)) : undefined}
        onRetry={upload?.status === 'failed' ? () => void files.retry(collection, photo.id) : undefined}
        onRemove={canEdit ? () => void removeAttachment(database, collection, documentId, photo) : undefined}
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
  const files = useAttachmentQueue();
  const database = useDatabase();
  const canEdit = useCan(collection)('update');
  const [refusal, setRefusal] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const inputId = useId();
  const types = filesOf(controlCenterSchemas[collection])?.types ?? [];

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
          await addAttachment(database, collection, documentId, ref);
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
          {photos.map((photo) => (
            <PhotoTile key={photo.id} collection={collection} documentId={documentId} photo={photo} canEdit={canEdit} />
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
