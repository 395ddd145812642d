// The order forms' customer field: a picker that finds a customer among hundreds by name or by phone as the counter
// types, and, when the customer is new, adds them on the spot (a name, a phone if they give one) and picks them.
// Adding works offline: the customer is written on this device and syncs with the order.
import { useLiveQuery } from '@syncline/data';
import type { Customer } from '@syncline/domain';
import { Button, Combobox, FormField, Input } from '@syncline/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  addCustomer,
  checkNewCustomer,
  customerOption,
  looksLikePhone,
  type NewCustomer,
  type NewCustomerErrors,
} from '../lib/customers';
import { useWriteContext } from '../lib/use-write-context';

const byName = { sort: [{ name: 'asc' as const }] };

export interface CustomerFieldProps {
  value: Customer | undefined;
  onChange: (customer: Customer | undefined) => void;
  error?: string;
}

export function CustomerField({ value, onChange, error }: CustomerFieldProps) {
  const write = useWriteContext();
  const { docs: customers } = useLiveQuery<Customer>('customers', byName);
  // a customer just added is listed before the database's answer includes them
  const options = useMemo(() => {
    const listed = value && !customers.some((customer) => customer.id === value.id) ? [...customers, value] : customers;
    return listed.map(customerOption);
  }, [customers, value]);
  const pickerRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<NewCustomer | null>(null);

  const save = async (fields: NewCustomer) => {
    const customer = await addCustomer(write, fields);
    setDraft(null);
    onChange(customer);
    pickerRef.current?.focus();
  };

  return (
    <div className="grid gap-3">
      <FormField label="Customer" error={draft ? undefined : error} required>
        <Combobox
          ref={pickerRef}
          options={options}
          value={value?.id ?? ''}
          onValueChange={(id) => onChange(customers.find((customer) => customer.id === id))}
          onCreate={(text) => setDraft(looksLikePhone(text) ? { name: '', phone: text } : { name: text, phone: '' })}
          createLabel={(text) => `Add customer “${text}”`}
          listLabel="Customers"
          emptyText="No customer has that name or phone."
          placeholder="Name or phone"
        />
      </FormField>
      {draft ? (
        <NewCustomerFields
          initial={draft}
          onSave={save}
          onCancel={() => {
            setDraft(null);
            pickerRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * The new customer's name and phone, inside the order's form (so not a form of its own): Enter in either field adds
 * the customer rather than creating the order.
 */
function NewCustomerFields({
  initial,
  onSave,
  onCancel,
}: {
  initial: NewCustomer;
  onSave: (fields: NewCustomer) => Promise<void>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<NewCustomerErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  // the field still to fill takes focus: the phone after a name was typed in the picker, the name after a phone
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the fields appear
  useEffect(() => {
    (initial.name ? phoneRef : nameRef).current?.focus();
  }, []);

  const save = () => {
    const found = checkNewCustomer(fields);
    setErrors(found);
    if (Object.keys(found).length === 0) void onSave(fields);
  };
  const saveOnEnter = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save();
  };

  return (
    <fieldset data-slot="new-customer" className="grid gap-3 rounded-md border border-border bg-background-muted p-3">
      <legend className="float-left font-medium text-sm">New customer</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Name" error={errors.name} required>
          <Input
            ref={nameRef}
            value={fields.name}
            autoComplete="off"
            onChange={(event) => setFields({ ...fields, name: event.target.value })}
            onKeyDown={saveOnEnter}
          />
        </FormField>
        <FormField label="Phone" error={errors.phone}>
          <Input
            ref={phoneRef}
            type="tel"
            value={fields.phone}
            autoComplete="off"
            onChange={(event) => setFields({ ...fields, phone: event.target.value })}
            onKeyDown={saveOnEnter}
          />
        </FormField>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="button" variant="secondary" onClick={save}>
          Add customer
        </Button>
      </div>
    </fieldset>
  );
}
