// The three-way merge: one-sided changes merge by themselves, both-sided ones follow their rule, and every value
// that loses is either dropped by the rule's own definition or handed to a person. Nothing vanishes silently.
import {
  createRandom,
  type MergeRules,
  newOrderLine,
  type Order,
  orderLineId,
  orderMergeRules,
  orderStatusFlow,
  storedTotals,
} from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { type FieldDecision, jsonEqual, mergeDocuments } from '../src';

const base = {
  id: 'ord-1',
  status: 'washing',
  priority: 'normal',
  notes: 'Two buttons loose.',
  tags: ['stain'],
  labelPrints: 1,
  editedAt: 100,
  updatedAt: 5,
  _deleted: false,
};

describe('mergeDocuments with the order rules', () => {
  it('merges fields changed on one side only, whatever their rule', () => {
    const local = { ...base, notes: 'Call before delivery.', editedAt: 200 };
    const server = { ...base, priority: 'urgent', updatedAt: 9 };
    const { merged, manualFields, decisions } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(merged).toMatchObject({ notes: 'Call before delivery.', priority: 'urgent', updatedAt: 9 });
    expect(manualFields).toEqual([]);
    expect(decisions.map((d) => d.field)).toEqual([]);
  });

  it('settles both-sided changes by rule: progression, max, union, latest; notes go to a person', () => {
    const local = {
      ...base,
      status: 'drying',
      priority: 'high',
      notes: 'Local words',
      tags: ['stain', 'express'],
      labelPrints: 3,
      editedAt: 300,
    };
    const server = {
      ...base,
      status: 'folding',
      priority: 'low',
      notes: 'Server words',
      tags: ['delicate'],
      labelPrints: 2,
      editedAt: 200,
      updatedAt: 12,
    };
    const { merged, manualFields } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(merged.status).toBe('folding');
    expect(merged.labelPrints).toBe(3);
    expect(merged.tags).toEqual(['delicate', 'express']);
    expect(merged.priority).toBe('high');
    expect(merged.notes).toBe('Server words');
    expect(manualFields).toEqual(['notes']);
    expect(merged.updatedAt).toBe(12);
  });

  it('treats delete versus edit as a decision for a person, keeping the server state meanwhile', () => {
    const local = { ...base, _deleted: true };
    const server = { ...base, notes: 'Edited on the server', updatedAt: 8 };
    const result = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(result.merged._deleted).toBe(false);
    expect(result.merged.notes).toBe('Edited on the server');
    expect(result.manualFields).toEqual(['_deleted']);
  });

  it('lets a deletion through when the other side changed nothing', () => {
    const local = { ...base, _deleted: true };
    const server = { ...base, updatedAt: 8 };
    expect(mergeDocuments({ base, local, server }, orderMergeRules).merged._deleted).toBe(true);
  });

  it('does not see a conflict in a stale updatedAt alone', () => {
    const local = { ...base, updatedAt: 1 };
    const server = { ...base, updatedAt: 9 };
    const result = mergeDocuments({ base: { ...base, updatedAt: 1 }, local, server }, orderMergeRules);
    expect(result.decisions).toEqual([]);
    expect(result.merged.updatedAt).toBe(9);
  });
});

// --- property: across many random three-way merges, every losing value is accounted for

const rules: MergeRules = {
  fields: {
    s: 'server',
    l: 'local',
    t: 'latest',
    mx: 'max',
    mn: 'min',
    st: { rule: 'progression', order: orderStatusFlow },
    u: 'union',
    m: 'manual',
  },
};

function randomDocument(random: () => number, from?: Record<string, unknown>) {
  const vary = <T>(key: string, make: () => T): T | unknown => (from && random() < 0.5 ? from[key] : make());
  const int = () => Math.floor(random() * 5);
  const set = () => ['a', 'b', 'c', 'd', { id: 'x', v: int() }].filter(() => random() < 0.5);
  return {
    id: 'doc',
    s: vary('s', int),
    l: vary('l', int),
    t: vary('t', int),
    mx: vary('mx', int),
    mn: vary('mn', int),
    st: vary('st', () => orderStatusFlow[int()]),
    u: vary('u', set),
    m: vary('m', () => `text ${int()}`),
    editedAt: Math.floor(random() * 1000),
    _deleted: false,
  };
}

/** Why the value that lost was allowed to lose, per the rule's own definition. */
function explains(decision: FieldDecision, local: Record<string, unknown>, server: Record<string, unknown>) {
  const { field, rule, kept, discarded } = decision;
  const l = local[field];
  const s = server[field];
  if (typeof rule === 'object' && rule.rule === 'progression') {
    const rank = (v: unknown) => rule.order.indexOf(v as string);
    return rank(kept) >= rank(discarded[0]);
  }
  switch (rule) {
    case 'server':
    case 'manual':
      return jsonEqual(kept, s) && jsonEqual(discarded, [l]);
    case 'local':
      return jsonEqual(kept, l) && jsonEqual(discarded, [s]);
    case 'latest':
      return jsonEqual(kept, Number(local.editedAt) > Number(server.editedAt) ? l : s);
    case 'max':
      return Number(kept) >= Number(discarded[0]);
    case 'min':
      return Number(kept) <= Number(discarded[0]);
    case 'union':
      return true; // checked member by member below
  }
}

describe('nothing vanishes silently', () => {
  it('holds for 2,000 random three-way merges', () => {
    const random = createRandom(2026);
    for (let run = 0; run < 2_000; run++) {
      const baseDoc = randomDocument(random);
      const local = randomDocument(random, baseDoc);
      const server = randomDocument(random, baseDoc);
      const { merged, manualFields, decisions } = mergeDocuments({ base: baseDoc, local, server }, rules);
      const decided = new Map(decisions.map((d) => [d.field, d]));
      for (const field of Object.keys(rules.fields)) {
        const [b, l, s] = [
          baseDoc[field as keyof typeof baseDoc],
          local[field as keyof typeof local],
          server[field as keyof typeof server],
        ];
        if (jsonEqual(l, s)) {
          expect(merged[field]).toEqual(s);
        } else if (jsonEqual(l, b)) {
          expect(merged[field], `${field}: server-only change`).toEqual(s);
        } else if (jsonEqual(s, b)) {
          expect(merged[field], `${field}: local-only change`).toEqual(l);
        } else {
          const decision = decided.get(field);
          expect(decision, `${field}: both sides changed, so a rule decided`).toBeDefined();
          if (!decision) continue;
          expect(merged[field]).toEqual(decision.kept);
          expect(explains(decision, local, server), `${field} under ${JSON.stringify(decision.rule)}`).toBe(true);
          if (decision.rule === 'manual') {
            // the person deciding later sees the value that did not win
            expect(manualFields).toContain(field);
            expect(decision.discarded).toEqual([l]);
          }
          if (decision.rule === 'union') {
            const keyOf = (item: unknown) =>
              JSON.stringify(typeof item === 'object' ? (item as { id: string }).id : item);
            const inBase = new Set((b as unknown[]).map(keyOf));
            const keptKeys = new Set((decision.kept as unknown[]).map(keyOf));
            for (const item of [...(l as unknown[]), ...(s as unknown[])]) {
              // added on a side: must be kept; dropped only when the other side removed it from base
              if (!inBase.has(keyOf(item))) expect(keptKeys.has(keyOf(item)), `added ${keyOf(item)}`).toBe(true);
            }
            for (const item of decision.discarded)
              expect(inBase.has(keyOf(item)) || typeof item === 'object').toBe(true);
          }
        }
      }
    }
  });
});

describe('the null rule', () => {
  it('sees no change, and no conflict, in a field set to null on one side and absent on the other', () => {
    const base = { id: 'o1', notes: 'fragile', priority: 'normal' };
    const local = { id: 'o1', notes: null, priority: 'high' };
    const server = { id: 'o1', priority: 'normal' };
    const { merged, manualFields, decisions } = mergeDocuments(
      { base, local, server },
      { fields: { notes: 'manual' } },
    );
    expect(manualFields).toEqual([]);
    expect(decisions).toEqual([]);
    expect(merged).toEqual({ id: 'o1', priority: 'high', _deleted: false });
  });
});

describe('union keeps every member a side added, and asks about a member both sides changed', () => {
  const rules: MergeRules = { fields: { history: 'union', tags: 'union' } };
  const entry = (id: string, note: string) => ({ id, note });

  it('records a conflict when both sides edited the same item, keeping the server’s edit meanwhile', () => {
    const base = { id: 'o', history: [entry('h1', 'received')], tags: [] };
    const local = { id: 'o', history: [entry('h1', 'received, two stains'), entry('h2', 'local')], tags: [] };
    const server = { id: 'o', history: [entry('h1', 'received, torn'), entry('h3', 'server')], tags: [] };
    const { merged, manualFields, decisions } = mergeDocuments({ base, local, server }, rules);
    expect(merged.history).toEqual([entry('h1', 'received, torn'), entry('h3', 'server'), entry('h2', 'local')]);
    expect(manualFields).toEqual(['history']);
    expect(decisions[0]).toMatchObject({
      rule: 'union',
      review: true,
      discarded: [entry('h1', 'received, two stains')],
    });
  });

  it('keeps an item edited on one side and removed on the other, and asks a person', () => {
    const base = { id: 'o', history: [entry('h1', 'a'), entry('h2', 'b')] };
    const local = { id: 'o', history: [entry('h1', 'a, edited')] };
    const server = { id: 'o', history: [entry('h1', 'a'), entry('h2', 'b'), entry('h3', 'c')] };
    const removedOnServer = { id: 'o', history: [entry('h2', 'b')] };
    const first = mergeDocuments({ base, local, server: removedOnServer }, rules);
    // h1: edited here, removed on the server: the edit stays and a person is asked; h2: removed here
    expect(first.merged.history).toEqual([entry('h1', 'a, edited')]);
    expect(first.manualFields).toEqual(['history']);
    // edited locally while the server only added: no question
    const second = mergeDocuments({ base, local, server }, rules);
    expect(second.merged.history).toEqual([entry('h1', 'a, edited'), entry('h3', 'c')]);
    expect(second.manualFields).toEqual([]);
  });

  it('keeps duplicates an array holds, and a set stays a set', () => {
    const base = { id: 'o', tags: ['a', 'a'] };
    const local = { id: 'o', tags: ['a', 'a', 'a'] };
    const server = { id: 'o', tags: ['a', 'a', 'b'] };
    expect(mergeDocuments({ base, local, server }, rules).merged.tags).toEqual(['a', 'a', 'a', 'b']);

    const setBase = { id: 'o', tags: ['x'] };
    const both = mergeDocuments(
      { base: setBase, local: { id: 'o', tags: ['x', 'y'] }, server: { id: 'o', tags: ['y', 'x', 'z'] } },
      rules,
    );
    expect(both.merged.tags).toEqual(['y', 'x', 'z']);
    expect(both.manualFields).toEqual([]);
  });
});

describe('progression', () => {
  const rules: MergeRules = { fields: { status: { rule: 'progression', order: ['received', 'washing', 'ready'] } } };

  it('lets the furthest state win', () => {
    const { merged, manualFields } = mergeDocuments(
      {
        base: { id: 'o', status: 'received' },
        local: { id: 'o', status: 'ready' },
        server: { id: 'o', status: 'washing' },
      },
      rules,
    );
    expect(merged.status).toBe('ready');
    expect(manualFields).toEqual([]);
  });

  it('asks a person about a value outside the order instead of ranking it lowest', () => {
    for (const [local, server] of [
      ['lost', 'washing'],
      ['washing', 'lost'],
    ]) {
      const { merged, manualFields, decisions } = mergeDocuments(
        {
          base: { id: 'o', status: 'received' },
          local: { id: 'o', status: local },
          server: { id: 'o', status: server },
        },
        rules,
      );
      expect(merged.status).toBe(server);
      expect(manualFields).toEqual(['status']);
      expect(decisions[0]?.discarded).toEqual([local]);
    }
  });
});

describe('order lines merge by line id', () => {
  type Line = Order['items'][number];
  // as version 3 stored them: no ids
  const shirtsV3: Line = { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23, quantity: 3 };
  const duvetsV3: Line = { sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1800, taxRate: 0.23, quantity: 1 };
  const shirts = { ...shirtsV3, id: orderLineId('ord-m', 0) };
  const duvets = { ...duvetsV3, id: orderLineId('ord-m', 1) };
  const withLines = (items: Line[]) => ({ id: 'ord-m', status: 'received', items, totals: storedTotals(items) });
  const base = withLines([shirts, duvets]);
  const duvet = { sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1800, taxRate: 0.23 };

  it('keeps both devices’ edits to different lines, with totals from the merged lines', () => {
    const local = withLines([{ ...shirts, quantity: 5 }, duvets]);
    const server = withLines([shirts, { ...duvets, quantity: 2 }]);
    const { merged, manualFields } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(merged.items).toEqual([
      { ...shirts, quantity: 5 },
      { ...duvets, quantity: 2 },
    ]);
    // 5 x 3.50 + 2 x 18.00 = 53.50, 23 % tax
    expect(merged.totals).toEqual({ subtotal: 5350, tax: 1231, total: 6581 });
    expect(manualFields).toEqual([]);
  });

  it('keeps a line added on each side and removes a line removed on one side and unchanged on the other', () => {
    const added = newOrderLine(duvet, 1);
    const local = withLines([shirts, duvets, added]);
    const server = withLines([duvets]);
    const { merged, manualFields } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(merged.items).toEqual([duvets, added]);
    expect(merged.totals).toEqual(storedTotals([duvets, added]));
    expect(manualFields).toEqual([]);
  });

  it('sends the same line changed on both sides to a person, keeping the server’s meanwhile', () => {
    const local = withLines([{ ...shirts, quantity: 4 }, duvets]);
    const server = withLines([{ ...shirts, quantity: 6 }, duvets]);
    const { merged, manualFields, decisions } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(manualFields).toEqual(['items']);
    expect(merged.items).toEqual([{ ...shirts, quantity: 6 }, duvets]);
    expect(merged.totals).toEqual(storedTotals(merged.items as Line[]));
    expect(decisions.find((d) => d.field === 'items')?.discarded).toEqual([{ ...shirts, quantity: 4 }]);
  });

  it('matches the server’s lines of version 3 shape (no ids) to the migrated lines of this device', () => {
    // the server's copy as version 3 stored it, its second line edited by another device (of version 3) since
    const server = withLines([shirtsV3, { ...duvetsV3, quantity: 2 }]);
    const local = withLines([{ ...shirts, quantity: 5 }, duvets]);
    const { merged, manualFields } = mergeDocuments({ base, local, server }, orderMergeRules);
    expect(manualFields).toEqual([]);
    expect(merged.items).toEqual([
      { ...shirts, quantity: 5 },
      { ...duvets, quantity: 2 },
    ]);
    expect(merged.totals).toEqual(storedTotals(merged.items as Line[]));
  });
});
