// The combobox's matching: what a person typing a name or part of a phone number finds.
import { describe, expect, it } from 'vitest';
import { activeRow, exactOption, matchOptions } from './match-options';

const customers = [
  { value: 'c1', label: 'Ana López', description: '+351 912 345 678' },
  { value: 'c2', label: 'Ana Lopes', description: '+351 934 000 111' },
  { value: 'c3', label: 'João Silva', description: '+351 961-222-333', keywords: ['vip'] },
  { value: 'c4', label: 'Björn Olsen' },
];
const found = (query: string) => matchOptions(customers, query).map((option) => option.value);

describe('matchOptions', () => {
  it('finds every option for a blank query, in the given order', () => {
    expect(found('')).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(found('   ')).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('finds names whatever the case and accents', () => {
    expect(found('lopez')).toEqual(['c1']);
    expect(found('LÓPEZ')).toEqual(['c1']);
    expect(found('joao')).toEqual(['c3']);
    expect(found('bjorn')).toEqual(['c4']);
    expect(found('ana')).toEqual(['c1', 'c2']);
  });

  it('finds words in any order, and across spaces', () => {
    expect(found('silva joão')).toEqual(['c3']);
    expect(found('analo')).toEqual(['c1', 'c2']);
    expect(found('ana 934')).toEqual(['c2']);
  });

  it('finds a phone number by any part, ignoring spaces, dashes and the country code', () => {
    expect(found('912345')).toEqual(['c1']);
    expect(found('912 34')).toEqual(['c1']);
    expect(found('345 678')).toEqual(['c1']);
    expect(found('222333')).toEqual(['c3']);
    expect(found('961-222')).toEqual(['c3']);
  });

  it('finds by keywords, and nothing for text no option has', () => {
    expect(found('VIP')).toEqual(['c3']);
    expect(found('zed')).toEqual([]);
    expect(found('ana 999')).toEqual([]);
  });
});

describe('exactOption', () => {
  it('is the option named as typed, ignoring case, accents and spacing', () => {
    expect(exactOption(customers, ' ana lopez ')?.value).toBe('c1');
    expect(exactOption(customers, 'Ana')).toBeUndefined();
    expect(exactOption(customers, '')).toBeUndefined();
  });
});

describe('activeRow', () => {
  it('keeps the row the person moved to while it is shown, and falls back to the first row the typing shows', () => {
    expect(activeRow(['c1', 'c2', 'create'], 'c2')).toBe('c2');
    expect(activeRow(['c3', 'create'], 'c2')).toBe('c3');
    expect(activeRow(['create'], '')).toBe('create');
    expect(activeRow([], 'c1')).toBe('');
  });
});
