// A customer added at the counter: how the picker lists customers, where the typed text goes (a name or a phone),
// and the words for what is wrong before anything is written.
import { describe, expect, it } from 'vitest';
import { checkNewCustomer, customerOption, looksLikePhone } from '../src/lib/customers';

describe('customerOption', () => {
  it('lists a customer by name with the phone that tells two of one name apart', () => {
    expect(customerOption({ id: 'c1', name: 'Ada Almeida', phone: '+351 912 345 678' })).toEqual({
      value: 'c1',
      label: 'Ada Almeida',
      description: '+351 912 345 678',
    });
    expect(customerOption({ id: 'c2', name: 'Zé Lopes' })).toEqual({ value: 'c2', label: 'Zé Lopes' });
  });
});

describe('looksLikePhone', () => {
  it('tells a phone number from a name', () => {
    expect(looksLikePhone('+351 912 345 678')).toBe(true);
    expect(looksLikePhone('912-345')).toBe(true);
    expect(looksLikePhone('(21) 555 0101')).toBe(true);
    expect(looksLikePhone('Ada')).toBe(false);
    expect(looksLikePhone('Ada 912')).toBe(false);
    expect(looksLikePhone('12')).toBe(false);
  });
});

describe('checkNewCustomer', () => {
  it('needs a name; a phone is optional but must be one', () => {
    expect(checkNewCustomer({ name: 'Ada', phone: '' })).toEqual({});
    expect(checkNewCustomer({ name: 'Ada', phone: '+351 912 345 678' })).toEqual({});
    expect(checkNewCustomer({ name: '  ', phone: 'call me' })).toEqual({
      name: 'Enter the name the customer gives.',
      phone: 'Enter a phone number, such as +351 912 345 678.',
    });
    expect(checkNewCustomer({ name: 'x'.repeat(201), phone: '' }).name).toBe('Keep the name to 200 characters.');
  });
});
