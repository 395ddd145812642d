// The Reports page's CSV of its days and the words for a day: local dates (not UTC's), oldest first, the money only
// for a role that may read it.
import { dailyReport, type Order } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/lib/format';
import { localIsoDate, reportCsv } from '../src/lib/reports';

const now = new Date(2026, 11, 8, 0, 30).getTime();
const sold = (receivedAt: number, total: number, status: Order['status'] = 'received') => ({
  status,
  receivedAt,
  totals: { subtotal: total, tax: 0, total },
});

describe('reportCsv', () => {
  const days = dailyReport(
    [sold(new Date(2026, 11, 8, 0, 10).getTime(), 1_250), sold(new Date(2026, 11, 6, 23).getTime(), 990, 'cancelled')],
    now,
    3,
  );

  it('writes one row per local day, oldest first, with the revenue in euros', () => {
    expect(reportCsv(days, { withRevenue: true })).toBe(
      'Date,Orders,Revenue (EUR)\r\n2026-12-06,1,0.00\r\n2026-12-07,0,0.00\r\n2026-12-08,1,12.50\r\n',
    );
  });

  it('leaves the money out for a role that may not read it', () => {
    expect(reportCsv(days, { withRevenue: false })).toBe(
      'Date,Orders\r\n2026-12-06,1\r\n2026-12-07,0\r\n2026-12-08,1\r\n',
    );
  });
});

describe('day words', () => {
  it('names a day by the device’s own date, just after midnight too', () => {
    expect(localIsoDate(now)).toBe('2026-12-08');
    expect(formatDay(now)).toBe('Tue 8 Dec');
  });
});
