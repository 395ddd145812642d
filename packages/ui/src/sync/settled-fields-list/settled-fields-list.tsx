// The fields of one document a merge rule settled by itself, each in words: "Priority settled automatically ·
// latest edit won: Urgent (server) over High (this device)", with Reverse to bring back the value that lost while
// the document still carries the winner. Reversed and later-changed fields say so instead of offering Reverse.
import { Undo2Icon } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/button/button';
import { cn } from '../../lib/cn';
import { describeFieldValue } from '../field-changed-notice/field-changed-notice';

/** The rules that settle a field by picking one side (the data layer's `SettledRule`). */
export type SettledFieldRule = 'latest' | 'server' | 'local' | 'max' | 'min' | 'progression';

/**
 * Where a value came from: this device's edit, the server's state the merge ran into, or the edit of the other
 * device that merged (when the list shows a field settled elsewhere).
 */
export type SettledFieldSide = 'local' | 'server' | 'other';

/** `kept`: the winner stands; `reversed`: the loser is back; `changed`: someone wrote another value since. */
export type SettledFieldItemState = 'kept' | 'reversed' | 'changed';

export interface SettledFieldItem {
  /** unique in the list (say, the record's id and the field) */
  id: string;
  /** the field's key in the document (`priority`), for an app's own formatting */
  field: string;
  /** the field as a person calls it ("Priority") */
  label: string;
  rule: SettledFieldRule;
  winner: SettledFieldSide;
  /** the side that lost; the other of `local` and `server` when left out */
  loser?: SettledFieldSide;
  won?: unknown;
  lost?: unknown;
  state: SettledFieldItemState;
}

const sideWords: Record<SettledFieldSide, string> = {
  local: 'this device',
  server: 'server',
  other: 'another device',
};

const ruleWords: Record<Exclude<SettledFieldRule, 'local'>, string> = {
  latest: 'latest edit won',
  server: "the server's value won",
  max: 'the larger value won',
  min: 'the smaller value won',
  progression: 'the furthest step won',
};

/** The rule in words; `local` names the device that merged ("this device's value won" only where it did). */
const ruleWordsOf = (item: SettledFieldItem) =>
  item.rule === 'local' ? `${sideWords[item.winner]}'s value won` : ruleWords[item.rule];

const loserOf = (item: SettledFieldItem): SettledFieldSide =>
  item.loser ?? (item.winner === 'server' ? 'local' : 'server');

export type SettledFieldsListProps = Omit<React.ComponentProps<'section'>, 'children'> & {
  items: readonly SettledFieldItem[];
  /** Values in the app's words (say, "Urgent" for `urgent`); `describeFieldValue` when left out. */
  format?: (value: unknown, item: SettledFieldItem) => string;
  /** Writes the value that lost back (shown only while the document still carries the winner). */
  onReverse: (item: SettledFieldItem) => void;
  /** The heading above the list. */
  title?: string;
};

export function SettledFieldsList({
  items,
  format = describeFieldValue,
  onReverse,
  title = 'Settled automatically',
  className,
  ...props
}: SettledFieldsListProps) {
  const titleId = useId();
  return (
    <section
      data-slot="settled-fields-list"
      aria-labelledby={titleId}
      className={cn('flex min-w-0 flex-col gap-2 text-sm', className)}
      {...props}
    >
      <h3 id={titleId} data-slot="settled-fields-list-title" className="font-medium">
        {title}
      </h3>
      <ul className="flex flex-col gap-2">
        {items.map((item) => {
          const [won, lost] = [format(item.won, item), format(item.lost, item)];
          return (
            <li
              key={item.id}
              data-slot="settled-field"
              data-state={item.state}
              className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-md border border-border p-2"
            >
              <p data-slot="settled-field-message" className="min-w-0 break-words">
                <span className="font-medium">{item.label}</span> settled automatically · {ruleWordsOf(item)}:{' '}
                <span className="font-medium">{won}</span> ({sideWords[item.winner]}) over{' '}
                <span className="font-medium">{lost}</span> ({sideWords[loserOf(item)]})
              </p>
              {item.state === 'kept' ? (
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  aria-label={`Reverse ${item.label} to ${lost}`}
                  onClick={() => onReverse(item)}
                >
                  <Undo2Icon aria-hidden="true" />
                  Reverse
                </Button>
              ) : (
                <span data-slot="settled-field-state" className="text-foreground-muted text-xs">
                  {item.state === 'reversed' ? `Reversed: ${lost} is back` : 'Changed since'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
