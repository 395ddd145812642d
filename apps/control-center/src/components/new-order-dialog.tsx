// Create an order: customer, a line from the service catalogue (its active services), priority and notes, checked
// before anything is written.
// With its own "New order" button (the orders page), or opened from elsewhere (the command palette) when `open` is
// given.

import { useLiveQuery } from '@syncline/data';
import { type Customer, type OrderItem, type OrderPriority, orderLine, type Service } from '@syncline/domain';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  FormField,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Textarea,
} from '@syncline/ui';
import { useState } from 'react';
import { formatCents } from '../lib/format';
import { createOrder, totalsOf } from '../lib/orders';
import { formatServicePrice } from '../lib/services';
import { useWriteContext } from '../lib/use-write-context';
import { PriorityField } from './priority-field';

type Errors = Partial<Record<'customer' | 'service' | 'quantity', string>>;

const activeServices = { selector: { active: true }, sort: [{ name: 'asc' as const }] };

export interface NewOrderDialogProps {
  /** Opened from elsewhere: no button of its own. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function NewOrderDialog({ open: openProp, onOpenChange }: NewOrderDialogProps) {
  const write = useWriteContext();
  const { docs: customers } = useLiveQuery<Customer>('customers', { sort: [{ name: 'asc' }] });
  const { docs: services } = useLiveQuery<Service>('services', activeServices);
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [customerId, setCustomerId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [priority, setPriority] = useState<OrderPriority>('normal');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  // the first service until the person picks one (the catalogue may still be arriving when the dialog opens)
  const service = services.find((entry) => entry.id === serviceId) ?? services[0];
  const count = Number(quantity);
  const items: OrderItem[] = service && Number.isInteger(count) && count > 0 ? [orderLine(service, count)] : [];

  const reset = () => {
    setCustomerId('');
    setServiceId('');
    setQuantity('1');
    setPriority('normal');
    setNotes('');
    setErrors({});
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const customer = customers.find((c) => c.id === customerId);
    const found: Errors = {};
    if (!customer) found.customer = 'Choose the customer the order is for.';
    if (!service) found.service = 'No service is on offer yet: a manager adds them on the Services page.';
    if (!Number.isInteger(count) || count < 1 || count > 999) found.quantity = 'Enter a whole quantity from 1 to 999.';
    setErrors(found);
    if (!customer || Object.keys(found).length > 0) return;
    await createOrder(write, { customerId: customer.id, customerName: customer.name, priority, items, notes });
    reset();
    setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      {openProp === undefined ? (
        <DialogTrigger asChild>
          <Button>New order</Button>
        </DialogTrigger>
      ) : null}
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New order</DialogTitle>
          <DialogDescription>
            It is saved on this device at once and syncs when the server can be reached.
          </DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <Select value={customerId} onValueChange={setCustomerId}>
            <FormField label="Customer" error={errors.customer} required>
              <SelectTrigger>
                <SelectValue placeholder="Choose a customer" />
              </SelectTrigger>
            </FormField>
            <SelectContent>
              {customers.map((customer) => (
                <SelectItem key={customer.id} value={customer.id}>
                  {customer.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <div className="grid grid-cols-[minmax(0,1fr)_6rem] gap-3">
            <Select value={service?.id ?? ''} onValueChange={setServiceId}>
              <FormField label="Service" error={errors.service} required>
                <SelectTrigger>
                  <SelectValue placeholder="No services yet" />
                </SelectTrigger>
              </FormField>
              <SelectContent>
                {services.map((entry) => (
                  <SelectItem key={entry.id} value={entry.id}>
                    {entry.name} · {formatServicePrice(entry)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <FormField label="Quantity" error={errors.quantity} required>
              <Input inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
            </FormField>
          </div>
          <PriorityField value={priority} onChange={setPriority} />
          <FormField label="Notes">
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
          </FormField>
          <p className="text-foreground-muted text-sm">Total {formatCents(totalsOf(items).total)} incl. tax</p>
          <DialogFooter>
            <Button type="submit">Create order</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
