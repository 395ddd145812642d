// Customers as the counter finds and adds them: an option of the customer picker (the name, with the phone that
// tells two of one name apart), and a customer added while taking an order, written on this device like every
// other write so it works offline, and synced when the server can be reached.
import type { Customer } from '@syncline/domain';
import { type ComboboxOption, toast } from '@syncline/ui';
import { savedWhere, type WriteContext } from './orders';
import { recordId } from './record-id';

/** A customer as the picker lists it: found by name and by phone. */
export function customerOption(customer: Pick<Customer, 'id' | 'name' | 'phone'>): ComboboxOption {
  return { value: customer.id, label: customer.name, ...(customer.phone ? { description: customer.phone } : {}) };
}

/** What the counter knows of a new customer: a name, and a phone when they give one. */
export interface NewCustomer {
  name: string;
  phone: string;
}

export type NewCustomerErrors = Partial<Record<keyof NewCustomer, string>>;

/** "+351 912 345 678", "912-345-678", "(21) 555 0101": digits with the usual spacing and signs. */
const phonePattern = /^\+?[\d\s\-().]{3,30}$/;

/** Whether typed text is a phone number rather than a name (the picker's text goes to the phone field then). */
export const looksLikePhone = (text: string) => phonePattern.test(text.trim()) && /\d{3}/.test(text.replace(/\D/g, ''));

/** The new customer checked: what is wrong with each field, none when it can be written. */
export function checkNewCustomer({ name, phone }: NewCustomer): NewCustomerErrors {
  const errors: NewCustomerErrors = {};
  if (name.trim() === '') errors.name = 'Enter the name the customer gives.';
  else if (name.trim().length > 200) errors.name = 'Keep the name to 200 characters.';
  if (phone.trim() !== '' && !looksLikePhone(phone)) errors.phone = 'Enter a phone number, such as +351 912 345 678.';
  return errors;
}

/** Adds a customer on this device; every device finds them once it syncs. */
export async function addCustomer({ database, online }: WriteContext, input: NewCustomer): Promise<Customer> {
  const now = Date.now();
  const phone = input.phone.trim();
  const customer: Customer = {
    id: recordId('cus', now),
    name: input.name.trim(),
    ...(phone ? { phone } : {}),
    tags: [],
    orderCount: 0,
    createdAt: now,
  };
  await database.customers.insert(customer);
  toast.success(`${customer.name} added`, { description: savedWhere(online) });
  return customer;
}
