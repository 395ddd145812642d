// The date picker's text: a day as it is shown ("Fri 4 Dec 2026") and read back from what a person types ("4 dec",
// "2026-12-04", "4/12/2026"), and a time of day ("17:00") joined to it, in this device's time zone (date-fns).
import { addYears, format, isValid, parse, set } from 'date-fns';

/** How a day is shown in the field. */
export const dayFormat = 'EEE d MMM yyyy';

// the shapes a person types, tried in order: the shown one, ISO, day-month-year with or without a year
const typedFormats = [
  dayFormat,
  'd MMM yyyy',
  'd MMMM yyyy',
  'yyyy-MM-dd',
  'd/M/yyyy',
  'd.M.yyyy',
  'd MMM',
  'd MMMM',
  'd/M',
];

/** A day as the field shows it. */
export function formatDay(day: Date): string {
  return format(day, dayFormat);
}

/** A day as the calendar names its button, the day's number a word of it: "Thursday 14 March 2030". */
export function formatLongDay(day: Date): string {
  return format(day, 'EEEE d MMMM yyyy');
}

/** A time of day as a time field holds it: "17:05". */
export function formatTime(time: Date): string {
  return format(time, 'HH:mm');
}

/** The day a person typed (at midnight, this device's time zone), or undefined when it is not one. A day without a
 * year is in the year of `reference`, or, given `notBefore` (the first day allowed), the first such day from then on:
 * "2 jan" typed in late December is next January's. */
export function readDay(typed: string, reference: Date, notBefore?: Date): Date | undefined {
  const text = typed.trim().replace(/\s+/g, ' ').replace(/,/g, '');
  if (text === '') return undefined;
  for (const shape of typedFormats) {
    const day = parse(text, shape, reference);
    if (!isValid(day)) continue;
    return !shape.includes('y') && notBefore && day < notBefore ? addYears(day, 1) : day;
  }
  return undefined;
}

/** A day at a time of day ("HH:mm"), or undefined when the time is not one. */
export function atTime(day: Date, time: string): Date | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return set(day, { hours, minutes, seconds: 0, milliseconds: 0 });
}
