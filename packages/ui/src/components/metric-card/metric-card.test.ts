// A metric card's delta in words and colour: what "up 12 % on yesterday" says, and whether a rise is good news.
import { describe, expect, it } from 'vitest';
import { describeDelta } from './metric-card';

describe('describeDelta', () => {
  it('says the change in whole percent with its direction and the period compared with', () => {
    expect(describeDelta({ change: 0.1234, comparedTo: 'on yesterday' })).toEqual({
      direction: 'up',
      tone: 'positive',
      amount: '12 %',
      text: 'up 12 % on yesterday',
    });
    expect(describeDelta({ change: -0.5, comparedTo: 'on yesterday' }).text).toBe('down 50 % on yesterday');
  });

  it('colours a rise by whether it is good news', () => {
    expect(describeDelta({ change: 0.2, comparedTo: 'on yesterday', rise: 'bad' }).tone).toBe('negative');
    expect(describeDelta({ change: -0.2, comparedTo: 'on yesterday', rise: 'bad' }).tone).toBe('positive');
    expect(describeDelta({ change: -0.2, comparedTo: 'on yesterday' }).tone).toBe('negative');
    expect(describeDelta({ change: 0.2, comparedTo: 'on yesterday', rise: 'neutral' }).tone).toBe('neutral');
  });

  it('says points for a change of shares, and no change when it rounds to nothing', () => {
    expect(describeDelta({ change: 0.125, unit: 'points', comparedTo: 'on the hour before' }).text).toBe(
      'up 13 points on the hour before',
    );
    expect(describeDelta({ change: -0.01, unit: 'points', comparedTo: 'on the hour before' }).amount).toBe('1 point');
    const flat = describeDelta({ change: 0.004, comparedTo: 'on yesterday' });
    expect(flat).toMatchObject({ direction: 'flat', tone: 'neutral', text: 'no change on yesterday' });
  });
});
