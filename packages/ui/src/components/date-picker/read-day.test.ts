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
