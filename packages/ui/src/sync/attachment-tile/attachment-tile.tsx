// One file a document carries, as a tile: its preview (or its kind), name and size, and where its upload stands:
// waiting on the device (with why, when the network is away), uploading with its progress, uploaded, or failed with
// the server's reason and a Retry. The words say the state, so colour is never the only signal.
import { FileTextIcon } from 'lucide-react';
import { Button } from '../../components/button/button';
import { Progress } from '../../components/progress/progress';
import { cn } from '../../lib/cn';
import { SyncDot, type SyncState } from '../sync-dot/sync-dot';

export type AttachmentUploadState = 'pending' | 'uploading' | 'uploaded' | 'failed';

export type AttachmentTileProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  name: string;
  /** the media type, such as `image/jpeg` */
  type: string;
  /** bytes */
  size: number;
  state: AttachmentUploadState;
  /** 0-1: how much the server holds */
  progress?: number;
  /** pending: why it waits ("The sync server is not reachable…"); failed: why the server refused it */
  reason?: string;
  /** an image's address (an object URL of the device's copy, or the server's) */
  previewUrl?: string;
  onRetry?: () => void;
};

const dotState: Record<AttachmentUploadState, SyncState> = {
  pending: 'pending',
  uploading: 'pending',
  uploaded: 'synced',
  failed: 'failed',
};

/** "840 KB", "2.4 MB" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function stateText(state: AttachmentUploadState, percent: number): string {
  if (state === 'pending') return percent > 0 ? `Waiting to upload (${percent}% sent)` : 'Waiting to upload';
  if (state === 'uploading') return `Uploading ${percent}%`;
  return state === 'uploaded' ? 'Uploaded' : 'Upload failed';
}

export function AttachmentTile({
  name,
  type,
  size,
  state,
  progress = 0,
  reason,
  previewUrl,
  onRetry,
  className,
  ...props
}: AttachmentTileProps) {
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div
      data-slot="attachment-tile"
      data-state={state}
      className={cn(
        'flex w-full max-w-sm items-start gap-3 rounded-md border border-border bg-background p-2 text-foreground text-sm',
        state === 'failed' && 'bg-error-subtle/40',
        className,
      )}
      {...props}
    >
      <div
        data-slot="attachment-tile-preview"
        className="flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-sm bg-background-muted"
      >
        {previewUrl && type.startsWith('image/') ? (
          <img src={previewUrl} alt="" className="size-full object-cover" />
        ) : (
          <FileTextIcon aria-hidden="true" className="size-5 text-foreground-muted" />
        )}
      </div>
      <div className="grid min-w-0 flex-1 gap-1">
        <span data-slot="attachment-tile-name" className="truncate font-medium" title={name}>
          {name}
        </span>
        <span data-slot="attachment-tile-state" className="flex items-center gap-2 text-foreground-muted text-xs">
          <SyncDot state={dotState[state]} aria-hidden="true" />
          <span>
            {stateText(state, percent)} · {formatFileSize(size)}
          </span>
        </span>
        {state === 'uploading' ? <Progress value={percent} aria-label={`Uploading ${name}`} /> : null}
        {reason && (state === 'pending' || state === 'failed') ? (
          <span
            data-slot="attachment-tile-reason"
            className={cn('text-xs', state === 'failed' ? 'text-error' : 'text-foreground-muted')}
          >
            {reason}
          </span>
        ) : null}
      </div>
      {state === 'failed' && onRetry ? (
        <Button size="sm" variant="outline" onClick={onRetry} aria-label={`Retry ${name}`}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}
