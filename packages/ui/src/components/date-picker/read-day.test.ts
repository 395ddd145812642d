// The date picker's reading of a typed day and time: the shapes a person types at a counter, and what is no day.
import { describe, expect, it } from 'vitest';
import { atTime, formatDay, formatTime, readDay } from './read-day';

const reference = new Date(2026, 11, 2, 9, 50);
const day = (typed: string) => readDay(typed, reference)?.getTime();

describe('readDay', () => {
  it('reads back the day it shows', () => {
    const friday = new Date(2026, 11, 4);
    expect(formatDay(friday)).toBe('Fri 4 Dec 2026');
    expect(day(formatDay(friday))).toBe(friday.getTime());
  });

  it('reads the shapes people type, with or without the year', () => {
    const expected = new Date(2026, 11, 4).getTime();
    for (const typed of [
      '4 Dec 2026',
      '4 dec',
      '4 December',
      '2026-12-04',
      '4/12/2026',
      '4.12.2026',
      ' 4  Dec, 2026 ',
    ]) {
      expect(day(typed), typed).toBe(expected);
    }
  });

  it('takes a day typed without a year from the first day allowed on, so late in December "2 jan" is next January', () => {
    const lateDecember = new Date(2026, 11, 30, 16, 0);
    const firstAllowed = new Date(2026, 11, 30);
    expect(readDay('2 jan', lateDecember, firstAllowed)?.getTime()).toBe(new Date(2027, 0, 2).getTime());
    expect(readDay('31 dec', lateDecember, firstAllowed)?.getTime()).toBe(new Date(2026, 11, 31).getTime());
    // a year typed is kept, even in the past (the form says it is too early)
    expect(readDay('2 jan 2026', lateDecember, firstAllowed)?.getTime()).toBe(new Date(2026, 0, 2).getTime());
  });

  it('finds no day in a blank, an impossible date or words', () => {
    for (const typed of ['', '   ', '30 Feb 2026', '2026-02-30', 'tomorrow', '13/13/2026']) {
      expect(day(typed), typed).toBeUndefined();
    }
  });
});

describe('atTime', () => {
  it('sets the time of day on the day, to the minute', () => {
    const at = atTime(new Date(2026, 11, 4), '17:05');
    expect(at?.getTime()).toBe(new Date(2026, 11, 4, 17, 5).getTime());
    expect(at && formatTime(at)).toBe('17:05');
  });

  it('finds no time in a blank or an impossible one', () => {
    for (const typed of ['', '24:00', '12:60', 'noon']) expect(atTime(new Date(2026, 11, 4), typed)).toBeUndefined();
  });
});
