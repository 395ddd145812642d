// A sync scope judged the same way on the server (pull and stream) and on the device (what time took out of it).
import { describe, expect, it } from 'vitest';
import { inSyncScope, outOfScopeSelector, type SyncScope, scopeClaimsKey } from '../src/index.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1);
const scope: SyncScope = {
  keep: [{ field: 'status', in: ['open', 'ready'] }, { changedWithinDays: 30 }],
  claims: { site: 'site' },
};

describe('a sync scope', () => {
  it('keeps what any keep condition holds for, of the device’s claim', () => {
    const north = { now, claims: { site: 'north' } };
    expect(inSyncScope(scope, { status: 'open', site: 'north', updatedAt: now - 400 * DAY }, north)).toBe(true);
    expect(inSyncScope(scope, { status: 'done', site: 'north', updatedAt: now - 29 * DAY }, north)).toBe(true);
    expect(inSyncScope(scope, { status: 'done', site: 'north', updatedAt: now - 31 * DAY }, north)).toBe(false);
    expect(inSyncScope(scope, { status: 'open', site: 'south', updatedAt: now }, north)).toBe(false);
    // a token without the claim keeps every site
    expect(inSyncScope(scope, { status: 'open', site: 'south', updatedAt: now }, { now })).toBe(true);
    // no keep conditions: everything of the claim
    expect(inSyncScope({ claims: { site: 'site' } }, { site: 'north' }, north)).toBe(true);
  });

  it('selects, as a Mango query, what time and the document’s own fields took out of it', () => {
    expect(outOfScopeSelector(scope, now)).toEqual({
      $and: [{ status: { $nin: ['open', 'ready'] } }, { updatedAt: { $lt: now - 30 * DAY } }],
    });
    expect(outOfScopeSelector({ claims: { site: 'site' } }, now)).toBeUndefined();
  });

  it('selects what is of another claim than the device’s token holds', () => {
    expect(outOfScopeSelector({ claims: { site: 'site' } }, now, { site: 'south' })).toEqual({
      site: { $ne: 'south' },
    });
    expect(outOfScopeSelector(scope, now, { site: 'south' })).toEqual({
      $or: [
        { $and: [{ status: { $nin: ['open', 'ready'] } }, { updatedAt: { $lt: now - 30 * DAY } }] },
        { site: { $ne: 'south' } },
      ],
    });
    // a token without the claim keeps every site
    expect(outOfScopeSelector({ claims: { site: 'site' } }, now, { role: 'staff' })).toBeUndefined();
  });

  it('groups devices by the claims it names', () => {
    expect(scopeClaimsKey(scope, { site: 'north', role: 'staff' })).toBe('site="north"');
    expect(scopeClaimsKey(scope, {})).toBe('site=null');
  });
});
