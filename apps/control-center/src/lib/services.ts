// The service catalogue's form and writes: what a manager types (a price in euros, a tax rate in per cent) checked
// and turned into a service, each problem in words next to its field; adding, editing and (de)activating a service
// with a toast that says where the write went.
import { type Service, type ServiceUnit, serviceSkuPattern, serviceUnitLabel, standardTaxRate } from '@syncline/domain';
import { toast } from '@syncline/ui';
import { formatCents } from './format';
import { savedWhere, type WriteContext } from './orders';
import { recordId } from './record-id';

/** The form as typed: every field a string, as its input holds it. */
export interface ServiceForm {
  name: string;
  sku: string;
  price: string;
  unit: ServiceUnit;
  taxPercent: string;
  active: boolean;
}

export type ServiceFormErrors = Partial<Record<'name' | 'sku' | 'price' | 'taxPercent', string>>;

/** The fields a form sets; the id, creation time and clocks are the write's. */
export type ServiceFields = Pick<Service, 'name' | 'sku' | 'unitPrice' | 'unit' | 'taxRate' | 'active'>;

/** A rate as people say it: 0.23 is "23 %", 0.065 is "6.5 %". */
export function formatTaxRate(rate: number): string {
  return `${percentOf(rate)} %`;
}

/** A price with what it is per: "€3.50 per item". */
export function formatServicePrice(service: Pick<Service, 'unitPrice' | 'unit'>): string {
  return `${formatCents(service.unitPrice)} ${serviceUnitLabel[service.unit]}`;
}

// a rate has at most two decimals in per cent: rounding drops binary noise (0.07 * 100 is 7.000000000000001)
const percentOf = (rate: number) => String(Math.round(rate * 10_000) / 100);

/** The form for a new service (standard tax, offered at once), or for editing `service` as it is. */
export function serviceForm(service?: Service): ServiceForm {
  if (!service)
    return { name: '', sku: '', price: '', unit: 'item', taxPercent: percentOf(standardTaxRate), active: true };
  return {
    name: service.name,
    sku: service.sku,
    price: (service.unitPrice / 100).toFixed(2),
    unit: service.unit,
    taxPercent: percentOf(service.taxRate),
    active: service.active,
  };
}

/** "3.50", "3,5", "€ 12": cents, or undefined when it is not an amount of euros with at most two decimals. */
function parseCents(text: string): number | undefined {
  const match = /^(?:€\s*)?(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "23", "6,5", "13 %": the rate as a fraction, or undefined when it is not a per cent from 0 to 100. */
function parseRate(text: string): number | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return undefined;
  const percent = Number(`${match[1]}.${match[2] ?? '0'}`);
  return percent > 100 ? undefined : Math.round(percent * 100) / 10_000;
}

/**
 * The form checked against the catalogue (`others`: every other service, for unique names and codes): the fields
 * to write, or what is wrong with each field that is.
 */
export function checkServiceForm(
  form: ServiceForm,
  others: readonly Pick<Service, 'name' | 'sku'>[],
): { fields: ServiceFields } | { errors: ServiceFormErrors } {
  const errors: ServiceFormErrors = {};
  const name = form.name.trim();
  const sku = form.sku.trim().toUpperCase();
  const unitPrice = parseCents(form.price);
  const taxRate = parseRate(form.taxPercent);
  const sameName = others.find((other) => other.name.trim().toLowerCase() === name.toLowerCase());
  const sameSku = others.find((other) => other.sku === sku);
  if (name === '') errors.name = 'Enter the name the counter and the receipt show.';
  else if (name.length > 200) errors.name = 'Keep the name to 200 characters.';
  else if (sameName) errors.name = `There is already a service called "${sameName.name}".`;
  if (sku === '') errors.sku = 'Enter a short code for order lines, such as SHIRT.';
  else if (sku.length > 20 || !new RegExp(serviceSkuPattern).test(sku))
    errors.sku = 'Use up to 20 letters, digits and dashes, such as DUVET-S.';
  else if (sameSku) errors.sku = `${sku} is already the code of "${sameSku.name}".`;
  if (unitPrice === undefined) errors.price = 'Enter the price in euros, such as 3.50.';
  if (taxRate === undefined) errors.taxPercent = 'Enter a tax rate from 0 to 100 %, such as 23.';
  if (Object.keys(errors).length > 0 || unitPrice === undefined || taxRate === undefined) return { errors };
  return { fields: { name, sku, unitPrice, unit: form.unit, taxRate, active: form.active } };
}

/** Adds a service to the catalogue; every device offers it on new orders once it syncs. */
export async function addService({ database, online }: WriteContext, fields: ServiceFields): Promise<Service> {
  const now = Date.now();
  const service: Service = {
    id: recordId('svc', now),
    ...fields,
    createdAt: now,
  };
  await database.services.insert(service);
  toast.success(`${service.name} added`, { description: savedWhere(online) });
  return service;
}

/**
 * Writes the fields a manager changed (from `loaded`, the service as the form showed it) onto the newest version of
 * the service, so another manager's change to any other field stays; with an Undo putting them back. Nothing is
 * written when nothing changed.
 */
export async function updateService(
  { database, online }: WriteContext,
  loaded: Service,
  fields: Partial<ServiceFields>,
  message = `${fields.name ?? loaded.name} saved`,
): Promise<void> {
  const changed = (Object.keys(fields) as (keyof ServiceFields)[]).filter((key) => fields[key] !== loaded[key]);
  const doc = await database.services.findOne(loaded.id).exec();
  if (!doc || changed.length === 0) return;
  const newest = doc.toJSON() as Service;
  const patch = Object.fromEntries(changed.map((key) => [key, fields[key]]));
  const undo = Object.fromEntries(changed.map((key) => [key, newest[key]]));
  await doc.incrementalPatch(patch);
  toast.success(message, {
    description: savedWhere(online),
    action: { label: 'Undo', onClick: () => void doc.getLatest().incrementalPatch(undo) },
  });
}

/** Stops (or starts again) offering a service on new orders; the orders that have it keep it. */
export function setServiceActive(write: WriteContext, service: Service, active: boolean) {
  const message = active ? `${service.name} is offered again` : `${service.name} is no longer offered`;
  return updateService(write, service, { active }, message);
}
