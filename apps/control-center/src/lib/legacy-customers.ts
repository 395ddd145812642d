// The customer list the laundry's previous app kept in this browser, and how each of its records becomes a Syncline
// customer. The old app stored one JSON array under `laundry.customers.v1`; the control center imports it once into
// the workspace of the first shop signed in on the device, and never changes or removes the old key.
import type { Customer } from '@syncline/domain';

/** Where the previous app kept its customers: a JSON array of `LegacyCustomer`. */
export const LEGACY_CUSTOMERS_KEY = 'laundry.customers.v1';

/** The import's name on the device: once finished, it never runs again. */
export const LEGACY_CUSTOMERS_IMPORT = 'laundry.customers.v1';

/** Which shop the old list went to: it belongs to one shop, so it is imported into one workspace only. */
export const LEGACY_CUSTOMERS_TENANT_KEY = 'syncline:legacy-customers-tenant';

/**
 * How fast the import goes, `{ "batchSize": n, "pauseMs": n }` as JSON: for tests (a reload half-way) and for a
 * device too slow for the defaults. Absent: 100 records a batch, no pause.
 */
export const LEGACY_IMPORT_PACE_KEY = 'syncline:legacy-import-pace';

/** A customer as the previous app kept it. */
export interface LegacyCustomer {
  /** the old app's customer number */
  id: number | string;
  name: string;
  phone?: string | number;
  email?: string;
  address?: string;
  notes?: string;
  /** a regular: becomes the tag `vip` */
  vip?: boolean;
  /** orders placed so far */
  visits?: number;
  /** the first visit, an ISO date ("2019-03-02") */
  since: string;
}

const ID_PREFIX = 'legacy-';

/** The old customer number a customer's id was made from ("legacy-17" -> "17"); any other id as it is. */
export const legacyNumberOf = (id: string) => (id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : id);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The Syncline customer of an old record; throws, in words the shop understands, for one that cannot be. The same
 * record always gives the same customer (its id comes from the old customer number), so an import that goes on
 * after a reload recognises what it wrote.
 */
export function customerFromLegacy(record: unknown): Customer {
  if (!isRecord(record)) throw new Error('It is not a customer record.');
  const number = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id).trim() : '';
  if (!number) throw new Error('It has no customer number.');
  const name = text(record.name);
  if (!name) throw new Error('It has no name.');
  const visits = record.visits ?? 0;
  if (typeof visits !== 'number' || !Number.isInteger(visits) || visits < 0) {
    throw new Error(`Its number of visits (${JSON.stringify(visits)}) is not a whole number of 0 or more.`);
  }
  const since = typeof record.since === 'string' ? Date.parse(record.since) : Number.NaN;
  if (Number.isNaN(since)) throw new Error(`Its first visit (${JSON.stringify(record.since ?? null)}) is not a date.`);
  const phone = typeof record.phone === 'number' ? String(record.phone) : text(record.phone);
  const customer: Customer = {
    id: `${ID_PREFIX}${number}`,
    name,
    orderCount: visits,
    createdAt: since,
    tags: record.vip === true ? ['vip'] : [],
    ...(phone ? { phone } : {}),
    ...(text(record.email) ? { email: text(record.email) } : {}),
    ...(text(record.address) ? { address: text(record.address) } : {}),
    ...(text(record.notes) ? { notes: text(record.notes) } : {}),
  };
  return customer;
}

export interface ImportPace {
  batchSize: number;
  pauseMs: number;
}

const defaultPace: ImportPace = { batchSize: 100, pauseMs: 0 };

/** The pace set under `LEGACY_IMPORT_PACE_KEY`, or the default. */
export function importPace(storage: Pick<Storage, 'getItem'> = localStorage): ImportPace {
  try {
    const set = JSON.parse(storage.getItem(LEGACY_IMPORT_PACE_KEY) ?? '{}') as Partial<ImportPace>;
    return {
      batchSize: Number.isInteger(set.batchSize) && Number(set.batchSize) > 0 ? Number(set.batchSize) : 100,
      pauseMs: Number.isFinite(set.pauseMs) && Number(set.pauseMs) >= 0 ? Number(set.pauseMs) : 0,
    };
  } catch {
    return defaultPace;
  }
}

/** What this workspace does with the old list: nothing (none on the device), import it, or leave it to another shop. */
export type LegacyCustomersHere = { kind: 'none' } | { kind: 'import' } | { kind: 'elsewhere'; tenant: string };

/** Whether `tenant`'s workspace imports the device's old customer list (see `claimLegacyCustomers`). */
export function legacyCustomersHere(
  tenant: string,
  storage: Pick<Storage, 'getItem'> = localStorage,
): LegacyCustomersHere {
  if (storage.getItem(LEGACY_CUSTOMERS_KEY) === null) return { kind: 'none' };
  const owner = storage.getItem(LEGACY_CUSTOMERS_TENANT_KEY);
  return owner && owner !== tenant ? { kind: 'elsewhere', tenant: owner } : { kind: 'import' };
}

/**
 * The first shop whose workspace opens with the old list on the device takes it, and keeps it: any other shop's
 * workspace leaves it alone, so one shop's customers never go to another's server.
 */
export function claimLegacyCustomers(
  tenant: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): LegacyCustomersHere {
  const here = legacyCustomersHere(tenant, storage);
  if (here.kind === 'import' && storage.getItem(LEGACY_CUSTOMERS_TENANT_KEY) === null) {
    storage.setItem(LEGACY_CUSTOMERS_TENANT_KEY, tenant);
  }
  return here;
}
