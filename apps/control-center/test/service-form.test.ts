// The service form's pure parts: what a manager types (a price in euros, a tax rate in per cent, a code) becomes a
// service, or a sentence beside each field that says what to type instead; and how a rate and a price read.
import { type Service, standardTaxRate } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import {
  checkServiceForm,
  formatServicePrice,
  formatTaxRate,
  type ServiceForm,
  serviceForm,
} from '../src/lib/services';

const shirt: Service = {
  id: 'svc-shirt',
  sku: 'SHIRT',
  name: 'Shirt, washed and pressed',
  unitPrice: 350,
  taxRate: 0.23,
  unit: 'item',
  active: true,
  createdAt: 0,
};

const typed = (overrides: Partial<ServiceForm>): ServiceForm => ({ ...serviceForm(), ...overrides });

describe('the service form', () => {
  it('starts a new service at the standard tax rate, offered at once, and an edit from the service as it is', () => {
    expect(serviceForm()).toEqual({
      name: '',
      sku: '',
      price: '',
      unit: 'item',
      taxPercent: String(standardTaxRate * 100),
      active: true,
    });
    expect(serviceForm({ ...shirt, taxRate: 0.065 })).toMatchObject({ price: '3.50', taxPercent: '6.5' });
  });

  it('takes a price in euros with a point or a comma, and a rate in per cent, into cents and a fraction', () => {
    const checked = checkServiceForm(
      typed({ name: '  Ironing only ', sku: 'iron-1', price: '€ 1,8', taxPercent: '13 %', unit: 'kg' }),
      [shirt],
    );
    expect(checked).toEqual({
      fields: { name: 'Ironing only', sku: 'IRON-1', unitPrice: 180, taxRate: 0.13, unit: 'kg', active: true },
    });
    expect(checkServiceForm(typed({ name: 'Rug', sku: 'RUG', price: '12', taxPercent: '0' }), [])).toMatchObject({
      fields: { unitPrice: 1200, taxRate: 0 },
    });
  });

  it('says what is wrong with each field, and writes nothing', () => {
    expect(checkServiceForm(typed({ price: '3.505', taxPercent: '120' }), [])).toEqual({
      errors: {
        name: 'Enter the name the counter and the receipt show.',
        sku: 'Enter a short code for order lines, such as SHIRT.',
        price: 'Enter the price in euros, such as 3.50.',
        taxPercent: 'Enter a tax rate from 0 to 100 %, such as 23.',
      },
    });
    expect(checkServiceForm(typed({ name: 'Rug', sku: 'RUG 2', price: '-4', taxPercent: 'x' }), [])).toEqual({
      errors: {
        sku: 'Use up to 20 letters, digits and dashes, such as DUVET-S.',
        price: 'Enter the price in euros, such as 3.50.',
        taxPercent: 'Enter a tax rate from 0 to 100 %, such as 23.',
      },
    });
  });

  it('refuses a name or a code another service has, whatever the case', () => {
    const checked = checkServiceForm(typed({ name: 'shirt, WASHED and pressed', sku: 'shirt', price: '4' }), [shirt]);
    expect(checked).toEqual({
      errors: {
        name: 'There is already a service called "Shirt, washed and pressed".',
        sku: 'SHIRT is already the code of "Shirt, washed and pressed".',
      },
    });
  });
});

describe('a service in words', () => {
  it('reads a rate in per cent, without binary noise, and a price with what it is per', () => {
    expect(formatTaxRate(0.23)).toBe('23 %');
    expect(formatTaxRate(0.07)).toBe('7 %');
    expect(formatTaxRate(0.065)).toBe('6.5 %');
    expect(formatServicePrice(shirt)).toBe('€3.50 per item');
  });
});
