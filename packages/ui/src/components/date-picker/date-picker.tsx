'use client';
// A day and a time of day, keyboard first: the day is typed ("4 dec", "2026-12-04") or picked from a calendar
// (react-day-picker: arrows move by day and week, Page Up/Down by month, Enter picks), Up/Down in the day field move
// it a day at a time, Alt+Down opens the calendar; the time is the browser's time field. FormField gives the day
// field its label, description and invalid state; the time field and the calendar button carry names of their own.
import { addDays, startOfDay } from 'date-fns';
import { CalendarIcon, ChevronLeftIcon, ChevronRightIcon } from 'lucide-react';
import { Popover as PopoverPrimitive } from 'radix-ui';
import { useState } from 'react';
import { type ClassNames, DayPicker } from 'react-day-picker';
import { cn } from '../../lib/cn';
import { buttonVariants } from '../button/button-variants';
import { inputClasses } from '../input/input';
import { atTime, formatDay, formatLongDay, formatTime, readDay } from './read-day';

export type DatePickerProps = Omit<React.ComponentProps<'div'>, 'onChange' | 'defaultValue'> & {
  /** The chosen day and time; undefined while none is (or what is typed is not a day and time). */
  value: Date | undefined;
  /** Called with each change: undefined while the typing is not a day and time yet. */
  onValueChange: (value: Date | undefined) => void;
  /** Show a time of day beside the day (default); without it the value is the day at midnight. */
  withTime?: boolean;
  /** The time field's accessible name ("Due time"). */
  timeLabel?: string;
  /** The calendar button's accessible name. */
  calendarLabel?: string;
  /** The earliest day the calendar offers; a day typed before it still reaches `onValueChange` for the form to judge. */
  min?: Date;
  /** The time a day picked before any time is set takes (default 09:00). */
  defaultTime?: string;
  disabled?: boolean;
  /** Open the calendar when first shown (a story of the open calendar). */
  defaultOpen?: boolean;
  /** Given to the day field (with `aria-label`, `aria-describedby`, `aria-invalid`): FormField sets it, with the
   * label's `for`. */
  id?: string;
};

/** What the fields show while the person types; `emitted` is what that typing gave the form. */
interface Draft {
  day: string;
  time: string;
  emitted: number | undefined;
}

const weekStartsOn = 1;

export function DatePicker({
  value,
  onValueChange,
  withTime = true,
  timeLabel = 'Time',
  calendarLabel = 'Choose the day from a calendar',
  min,
  defaultTime = '09:00',
  disabled,
  defaultOpen = false,
  id,
  className,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
  'aria-required': required,
  'aria-label': label,
  'aria-labelledby': labelledBy,
  ...props
}: DatePickerProps) {
  const [open, setOpen] = useState(defaultOpen && !disabled);
  const [draft, setDraft] = useState<Draft | null>(null);
  // the typing is shown while the form holds what it gave; a value set from outside (a reset) shows instead
  const typing = draft && draft.emitted === value?.getTime() ? draft : null;
  const shownDay = typing?.day ?? (value ? formatDay(value) : '');
  const shownTime = typing?.time ?? (value && withTime ? formatTime(value) : withTime ? '' : '00:00');

  const change = (day: string, time: string) => {
    const read = readDay(day, value ?? new Date(), min ? startOfDay(min) : undefined);
    const next = read && atTime(read, withTime ? time : '00:00');
    setDraft({ day, time, emitted: next?.getTime() });
    onValueChange(next);
  };
  /** A day picked (calendar, arrows): shown the field's way at once, at the time already set. */
  const pick = (day: Date) => {
    const next = atTime(day, shownTime === '' ? defaultTime : shownTime);
    setDraft(null);
    onValueChange(next);
  };

  return (
    <PopoverPrimitive.Root open={open} onOpenChange={(next) => setOpen(next && !disabled)}>
      <div data-slot="date-picker" className={cn('flex w-full gap-2', className)} {...props}>
        <PopoverPrimitive.Anchor asChild>
          <div className="relative min-w-0 flex-1">
            <input
              data-slot="date-picker-day"
              id={id}
              aria-label={label}
              aria-labelledby={labelledBy}
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder="4 Dec 2026"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-required={required}
              disabled={disabled}
              value={shownDay}
              onChange={(event) => change(event.target.value, shownTime)}
              // the typing settles into the field's own shape once it is a day
              onBlur={() => {
                if (typing && typing.emitted !== undefined) setDraft(null);
              }}
              onKeyDown={(event) => {
                if (event.altKey && event.key === 'ArrowDown') {
                  event.preventDefault();
                  setOpen(true);
                } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey) {
                  event.preventDefault();
                  const from = value ?? readDay(shownDay, new Date()) ?? startOfDay(new Date());
                  pick(addDays(from, event.key === 'ArrowUp' ? 1 : -1));
                }
              }}
              className={cn(inputClasses, 'h-9 py-1 pr-10 tabular-nums')}
            />
            <PopoverPrimitive.Trigger
              data-slot="date-picker-calendar-button"
              aria-label={calendarLabel}
              disabled={disabled}
              className={cn(
                buttonVariants({ variant: 'ghost', size: 'icon' }),
                'absolute top-1/2 right-0.5 size-8 -translate-y-1/2 text-foreground-muted',
              )}
            >
              <CalendarIcon aria-hidden="true" />
            </PopoverPrimitive.Trigger>
          </div>
        </PopoverPrimitive.Anchor>
        {withTime ? (
          <input
            data-slot="date-picker-time"
            type="time"
            aria-label={timeLabel}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required={required === true || required === 'true'}
            disabled={disabled}
            value={shownTime}
            onChange={(event) => change(shownDay, event.target.value)}
            className={cn(inputClasses, 'h-9 w-32 shrink-0 py-1 tabular-nums')}
          />
        ) : null}
      </div>
      {/* Not portalled: inside a dialog the calendar stays in the dialog's layer and takes its clicks. */}
      <PopoverPrimitive.Content
        data-slot="date-picker-calendar"
        aria-label={calendarLabel}
        align="start"
        sideOffset={4}
        // the calendar puts focus on the chosen day (or today) itself
        onOpenAutoFocus={(event) => event.preventDefault()}
        className="z-50 rounded-md border border-border bg-surface-overlay text-foreground shadow-lg outline-none"
      >
        <DayPicker
          mode="single"
          autoFocus
          required
          weekStartsOn={weekStartsOn}
          showOutsideDays
          selected={value}
          defaultMonth={value ?? min}
          disabled={min ? { before: startOfDay(min) } : undefined}
          onSelect={(day: Date | undefined) => {
            if (!day) return;
            pick(day);
            setOpen(false);
          }}
          classNames={calendarClasses}
          labels={calendarLabels}
          components={{ Chevron }}
        />
      </PopoverPrimitive.Content>
    </PopoverPrimitive.Root>
  );
}

function Chevron({ orientation, className }: { orientation?: 'up' | 'down' | 'left' | 'right'; className?: string }) {
  const Icon = orientation === 'left' ? ChevronLeftIcon : ChevronRightIcon;
  return <Icon aria-hidden="true" className={cn('size-4', className)} />;
}

// each day button's name holds its visible number as a word ("Thursday 14 March 2030", not "March 14th")
const calendarLabels = {
  labelDayButton: (day: Date, modifiers: { today?: boolean; selected?: boolean }) =>
    `${modifiers.today ? 'Today, ' : ''}${formatLongDay(day)}${modifiers.selected ? ', chosen' : ''}`,
};

const navButton = cn(buttonVariants({ variant: 'ghost', size: 'icon' }), 'size-8');

// react-day-picker's parts on the tokens; state classes go on the day cell, so they style the button inside it
const calendarClasses: Partial<ClassNames> = {
  root: 'p-3',
  months: 'relative flex flex-col gap-4',
  month: 'flex flex-col gap-3',
  nav: 'absolute inset-x-0 top-0 flex items-center justify-between',
  button_previous: navButton,
  button_next: navButton,
  month_caption: 'flex h-8 items-center justify-center',
  caption_label: 'font-medium text-sm',
  month_grid: 'border-collapse',
  weekdays: 'flex',
  weekday: 'w-9 font-normal text-foreground-muted text-xs',
  week: 'mt-1 flex',
  day: 'size-9 p-0 text-center text-sm',
  day_button: cn(
    'inline-flex size-9 cursor-pointer items-center justify-center rounded-md tabular-nums outline-none',
    'hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring',
    'disabled:cursor-not-allowed disabled:hover:bg-transparent',
  ),
  selected: '[&>button]:bg-primary [&>button]:text-primary-foreground [&>button]:hover:bg-primary-hover',
  today: '[&>button]:font-semibold [&>button]:underline [&>button]:underline-offset-4',
  outside: 'text-foreground-muted',
  disabled: 'text-foreground-disabled',
  hidden: 'invisible',
};
