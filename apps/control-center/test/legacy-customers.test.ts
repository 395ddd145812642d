// The previous app's customers as Syncline customers: each old record becomes the same customer every time, a
// record that cannot be one says why in the shop's words, and the old list goes to one shop's workspace only.
import { describe, expect, it } from 'vitest';
import {
  claimLegacyCustomers,
  customerFromLegacy,
  importPace,
  LEGACY_CUSTOMERS_KEY,
  LEGACY_CUSTOMERS_TENANT_KEY,
  LEGACY_IMPORT_PACE_KEY,
  legacyCustomersHere,
  legacyNumberOf,
} from '../src/lib/legacy-customers';

const storage = (entries: Record<string, string>) => {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
};

describe('customerFromLegacy', () => {
  it('makes a customer of an old record, the same one every time', () => {
    const old = {
      id: 17,
      name: ' Ana Lima ',
      phone: 912345678,
      email: 'ana@example.com',
      notes: '',
      vip: true,
      visits: 12,
      since: '2019-03-02',
    };
    const customer = customerFromLegacy(old);
    expect(customer).toEqual({
      id: 'legacy-17',
      name: 'Ana Lima',
      phone: '912345678',
      email: 'ana@example.com',
      tags: ['vip'],
      orderCount: 12,
      createdAt: Date.UTC(2019, 2, 2),
    });
    expect(customerFromLegacy(old)).toEqual(customer);
    expect(legacyNumberOf(customer.id as string)).toBe('17');
  });

  it('says what is wrong with a record that cannot be a customer', () => {
    const since = '2020-01-01';
    expect(() => customerFromLegacy('Ana')).toThrow('It is not a customer record.');
    expect(() => customerFromLegacy({ name: 'Ana', since })).toThrow('It has no customer number.');
    expect(() => customerFromLegacy({ id: 3, name: ' ', since })).toThrow('It has no name.');
    expect(() => customerFromLegacy({ id: 3, name: 'Ana', since, visits: -1 })).toThrow(
      'Its number of visits (-1) is not a whole number of 0 or more.',
    );
    expect(() => customerFromLegacy({ id: 3, name: 'Ana', since: 'last spring' })).toThrow(
      'Its first visit ("last spring") is not a date.',
    );
  });
});

describe('which workspace takes the old list', () => {
  it('is the first shop opened with it on the device; another shop leaves it', () => {
    const device = storage({ [LEGACY_CUSTOMERS_KEY]: '[]' });
    expect(legacyCustomersHere('northwind', device)).toEqual({ kind: 'import' });
    expect(claimLegacyCustomers('northwind', device)).toEqual({ kind: 'import' });
    expect(device.map.get(LEGACY_CUSTOMERS_TENANT_KEY)).toBe('northwind');
    expect(claimLegacyCustomers('harbor', device)).toEqual({ kind: 'elsewhere', tenant: 'northwind' });
    expect(claimLegacyCustomers('northwind', device)).toEqual({ kind: 'import' });
  });

  it('is none on a device without the old list', () => {
    const device = storage({});
    expect(claimLegacyCustomers('northwind', device)).toEqual({ kind: 'none' });
    expect(device.map.has(LEGACY_CUSTOMERS_TENANT_KEY)).toBe(false);
  });
});

it('reads the import pace, or the default for anything else', () => {
  expect(importPace(storage({}))).toEqual({ batchSize: 100, pauseMs: 0 });
  expect(importPace(storage({ [LEGACY_IMPORT_PACE_KEY]: '{"batchSize":10,"pauseMs":250}' }))).toEqual({
    batchSize: 10,
    pauseMs: 250,
  });
  expect(importPace(storage({ [LEGACY_IMPORT_PACE_KEY]: '{"batchSize":-1' }))).toEqual({ batchSize: 100, pauseMs: 0 });
});
