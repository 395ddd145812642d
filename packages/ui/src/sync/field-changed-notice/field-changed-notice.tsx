// The notice under a form field that another device changed while the person was editing it: "Changed on another
// device: High → Low", what the person has, and a choice to keep theirs (the other device's) or mine. It says what
// happened in words, not colour alone, and names its field in each button so two notices in one form never share
// a name.
import { cva, type VariantProps } from 'class-variance-authority';
import { MonitorSmartphoneIcon } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/button/button';
import { cn } from '../../lib/cn';

const notice = cva(
  'grid min-w-0 grid-cols-[auto_1fr] items-start rounded-md border border-warning bg-warning-subtle text-foreground',
  {
    variants: {
      size: {
        md: 'gap-x-2 gap-y-2 p-3 text-sm',
        sm: 'gap-x-1.5 gap-y-1 px-2 py-1.5 text-xs',
      },
    },
    defaultVariants: { size: 'md' },
  },
);

/** A field's value in words: empty values read as "empty", lists as their items, everything else as itself. */
export function describeFieldValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'empty' : value.map(describeFieldValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type FieldChangedNoticeProps = Omit<React.ComponentProps<'fieldset'>, 'children'> &
  VariantProps<typeof notice> & {
    /** The field as the form labels it ("Priority"). */
    label: string;
    /** The value the person started from. */
    from: unknown;
    /** The value the other device wrote. */
    to: unknown;
    /** The person's own value; shown as "Yours: …" when given. */
    mine?: unknown;
    /** Values in the form's words (say, "High" for `high`); `describeFieldValue` when left out. */
    format?: (value: unknown) => string;
    onKeepTheirs: () => void;
    onKeepMine: () => void;
  };

export function FieldChangedNotice({
  label,
  from,
  to,
  mine,
  format = describeFieldValue,
  onKeepTheirs,
  onKeepMine,
  size,
  className,
  ...props
}: FieldChangedNoticeProps) {
  const messageId = useId();
  return (
    <fieldset
      data-slot="field-changed-notice"
      aria-label={`${label} changed on another device`}
      aria-describedby={messageId}
      className={cn(notice({ size }), className)}
      {...props}
    >
      <MonitorSmartphoneIcon aria-hidden="true" className="mt-0.5 size-4 text-warning-text" />
      <div className="flex min-w-0 flex-col gap-0.5">
        <p id={messageId} data-slot="field-changed-notice-message" role="status" className="break-words">
          Changed on another device: <span className="font-medium">{format(from)}</span> →{' '}
          <span className="font-medium">{format(to)}</span>
        </p>
        {mine === undefined ? null : (
          <p data-slot="field-changed-notice-mine" className="break-words text-foreground-muted">
            Yours: {format(mine)}
          </p>
        )}
      </div>
      <div data-slot="field-changed-notice-actions" className="col-start-2 flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant="outline"
          aria-label={`Keep theirs for ${label}`}
          onClick={onKeepTheirs}
        >
          Keep theirs
        </Button>
        <Button type="button" size="sm" variant="outline" aria-label={`Keep mine for ${label}`} onClick={onKeepMine}>
          Keep mine
        </Button>
      </div>
    </fieldset>
  );
}
