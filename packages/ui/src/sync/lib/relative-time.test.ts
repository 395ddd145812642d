import { afterEach, describe, expect, it } from 'vitest';
import { formatClockTime, setClockLocale } from './relative-time';

// 14:05 on the machine's own clock, as a viewer reads it
const fivePastTwo = new Date(2026, 0, 5, 14, 5).getTime();

describe('formatClockTime', () => {
  afterEach(() => setClockLocale(undefined));

  it('writes the 24-hour clock until an app names a locale', () => {
    expect(formatClockTime(fivePastTwo)).toBe('14:05');
  });

  it("follows the locale the app's people chose", () => {
    setClockLocale('en-US');
    expect(formatClockTime(fivePastTwo)).toMatch(/^02:05\sPM$/);
    setClockLocale('de-DE');
    expect(formatClockTime(fivePastTwo)).toBe('14:05');
    setClockLocale(undefined);
    expect(formatClockTime(fivePastTwo)).toBe('14:05');
  });

  it('refuses a locale Intl does not know and keeps the one it had', () => {
    setClockLocale('en-US');
    expect(() => setClockLocale('not a locale!')).toThrow(RangeError);
    expect(formatClockTime(fivePastTwo)).toMatch(/PM$/);
  });
});
