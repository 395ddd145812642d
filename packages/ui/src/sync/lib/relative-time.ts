// Human times for sync and machine views: "2 min ago", "4:05 left". Every function takes `now`, so a story or a
// screenshot renders the same text every time.

/** A moment as epoch milliseconds, a Date, or an ISO string. */
export type Moment = number | Date | string;

export function toMillis(moment: Moment): number {
  if (typeof moment === 'number') return moment;
  if (moment instanceof Date) return moment.getTime();
  return Date.parse(moment);
}

/** "just now", "2 min ago", "3 h ago", "5 d ago"; a future moment reads "just now" (clocks drift). */
export function formatRelativeTime(moment: Moment, now: Moment): string {
  const seconds = Math.floor((toMillis(now) - toMillis(moment)) / 1000);
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

// The kit writes times of day on the 24-hour clock ("09:05") until the app names the locale its people chose.
const defaultClockLocale = 'en-GB';
const clockFormats = new Map<string, Intl.DateTimeFormat>();
let clockLocale = defaultClockLocale;

/**
 * The locale the kit's times of day follow ("as of 09:05", "last seen at 14:20"): an app with a format setting calls
 * it when the setting changes (and re-renders); `undefined` restores the kit's 24-hour default. A locale Intl does not
 * know throws a RangeError naming it, and the previous locale stays.
 */
export function setClockLocale(locale: string | undefined): void {
  const next = locale ?? defaultClockLocale;
  clockFormatFor(next);
  clockLocale = next;
}

function clockFormatFor(locale: string): Intl.DateTimeFormat {
  let format = clockFormats.get(locale);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
    format = new Intl.DateTimeFormat(
      locale,
      locale === defaultClockLocale ? { ...options, hourCycle: 'h23' } : options,
    );
    clockFormats.set(locale, format);
  }
  return format;
}

/** A time of day in the viewer's time zone, written as the clock locale does: "09:05" (the default), "09:05 AM". */
export function formatClockTime(moment: Moment): string {
  return clockFormatFor(clockLocale).format(toMillis(moment));
}

/** A span of time for labels: "45 s", "3 min", "1 h 20 min", "2 d 4 h". */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A countdown clock: "4:05", "1:02:09"; never negative. */
export function formatCountdown(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** A countdown for screen readers: "4 minutes 5 seconds". */
export function describeCountdown(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  return (
    [part(hours, 'hour'), part(minutes, 'minute'), part(seconds, 'second')].filter(Boolean).join(' ') || '0 seconds'
  );
}
