// One file a document carries, as a tile: its preview (or its kind), name and size, and where its upload stands:
// waiting on the device (with why, when the network is away), uploading with its progress, uploaded, or failed with
// the server's reason and a Retry; for a file another device took, not here yet (with why) or not to be shown here
// (sign in again, a role that may not). The words say the state, so colour is never the only signal, and they are a polite
// live region, the reason included, so a screen reader hears the upload move on, and why it waits or failed, without
// leaving what it reads.
import { cva } from 'class-variance-authority';
import { FileTextIcon, XIcon } from 'lucide-react';
import { Button } from '../../components/button/button';
import { Progress } from '../../components/progress/progress';
import { cn } from '../../lib/cn';
import { SyncDot, type SyncState } from '../sync-dot/sync-dot';

/**
 * Where a file stands: this device's upload (`pending`, `uploading`, `uploaded`, `failed`), or, for a file another
 * device took, `waiting` (not here yet: that device has not uploaded it, the network is away, the server asked for a
 * pause) and `unavailable` (a person must act: sign in again, or a role that may not see it).
 */
export type AttachmentUploadState = 'pending' | 'uploading' | 'uploaded' | 'failed' | 'waiting' | 'unavailable';

export type AttachmentTileProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  name: string;
  /** the media type, such as `image/jpeg` */
  type: string;
  /** bytes */
  size: number;
  state: AttachmentUploadState;
  /** 0-1: how much the server holds */
  progress?: number;
  /**
   * pending and waiting: why it waits ("The sync server is not reachable…", "Waiting for the other device…");
   * failed and unavailable: why the server refused it
   */
  reason?: string;
  /** an image's address (an object URL of the device's copy, or the server's) */
  previewUrl?: string;
  /** the preview becomes a button ("Open <name>") that shows the whole file */
  onOpen?: () => void;
  /** shown on a failed file: sends it again */
  onRetry?: () => void;
  /** shown in every state: takes the file off its document */
  onRemove?: () => void;
};

const attachmentTile = cva(
  'flex w-full max-w-sm items-start gap-3 rounded-md border bg-background p-2 text-foreground text-sm',
  {
    variants: {
      state: {
        pending: 'border-border',
        uploading: 'border-border',
        uploaded: 'border-border',
        failed: 'border-error/60 bg-error-subtle/40',
        waiting: 'border-border',
        unavailable: 'border-error/60 bg-error-subtle/40',
      } satisfies Record<AttachmentUploadState, string>,
    },
  },
);

const previewBox = 'flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-sm bg-background-muted';

const dotState: Record<AttachmentUploadState, SyncState> = {
  pending: 'pending',
  uploading: 'pending',
  uploaded: 'synced',
  failed: 'failed',
  waiting: 'pending',
  unavailable: 'failed',
};

const stateWords: Record<Exclude<AttachmentUploadState, 'pending' | 'uploading'>, string> = {
  uploaded: 'Uploaded',
  failed: 'Upload failed',
  waiting: 'Not on this device yet',
  unavailable: 'Cannot be shown',
};

/** "840 KB", "2.4 MB" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Names a list of tiles can be told apart by: a name met again gets its count ("stain.jpg", "stain.jpg (2)"), never
 * one another file already has, so a screen reader user hears which photo each tile and its buttons are.
 */
export function distinctFileNames(names: readonly string[]): string[] {
  const given = new Set(names);
  const shown = new Set<string>();
  return names.map((name) => {
    let distinct = name;
    for (let count = 2; shown.has(distinct); count++) {
      distinct = `${name} (${count})`;
      if (given.has(distinct)) distinct = name;
    }
    shown.add(distinct);
    return distinct;
  });
}

function stateText(state: AttachmentUploadState, percent: number): string {
  if (state === 'pending') return percent > 0 ? `Waiting to upload (${percent}% sent)` : 'Waiting to upload';
  if (state === 'uploading') return `Uploading ${percent}%`;
  return stateWords[state];
}

export function AttachmentTile({
  name,
  type,
  size,
  state,
  progress = 0,
  reason,
  previewUrl,
  onOpen,
  onRetry,
  onRemove,
  className,
  ...props
}: AttachmentTileProps) {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const shownReason = state === 'uploading' || state === 'uploaded' ? undefined : reason;
  const trouble = state === 'failed' || state === 'unavailable';
  const preview =
    previewUrl && type.startsWith('image/') ? (
      <img src={previewUrl} alt="" className="size-full object-cover" />
    ) : (
      <FileTextIcon aria-hidden="true" className="size-5 text-foreground-muted" />
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a tile naming its file for its buttons, not a form's fieldset
    <div
      data-slot="attachment-tile"
      data-state={state}
      role="group"
      aria-label={name}
      className={cn(attachmentTile({ state }), className)}
      {...props}
    >
      {onOpen ? (
        <button
          type="button"
          data-slot="attachment-tile-preview"
          onClick={onOpen}
          aria-label={`Open ${name}`}
          title={`Open ${name}`}
          className={cn(
            previewBox,
            'cursor-zoom-in outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background',
          )}
        >
          {preview}
        </button>
      ) : (
        <div data-slot="attachment-tile-preview" className={previewBox}>
          {preview}
        </div>
      )}
      <div className="grid min-w-0 flex-1 gap-1">
        <span data-slot="attachment-tile-name" className="truncate font-medium" title={name}>
          {name}
        </span>
        {/* the state and its reason are one polite live region: a failure is heard with why, not only seen */}
        <div role="status" className="grid gap-1">
          <span data-slot="attachment-tile-state" className="flex items-center gap-2 text-foreground-muted text-xs">
            <SyncDot state={dotState[state]} aria-hidden="true" />
            <span>
              {stateText(state, percent)} · {formatFileSize(size)}
            </span>
          </span>
          {shownReason ? (
            <>
              {/* a space between the two, so the words read apart (whitespace is no grid item) */}{' '}
              <span
                data-slot="attachment-tile-reason"
                className={cn('block text-xs', trouble ? 'text-error-text' : 'text-foreground-muted')}
              >
                {shownReason}
              </span>
            </>
          ) : null}
        </div>
        {state === 'uploading' ? <Progress value={percent} aria-label={`Uploading ${name}`} /> : null}
      </div>
      {(state === 'failed' && onRetry) || onRemove ? (
        <div data-slot="attachment-tile-actions" className="flex shrink-0 items-center gap-1">
          {state === 'failed' && onRetry ? (
            <Button size="xs" variant="outline" onClick={onRetry} aria-label={`Retry ${name}`}>
              Retry
            </Button>
          ) : null}
          {onRemove ? (
            <Button size="xs" variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`} title="Remove">
              <XIcon aria-hidden="true" />
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
