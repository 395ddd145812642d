// Create an order at the counter: the customer (found by name or phone, or added on the spot), one line or several
// from the service catalogue (its active services) with their quantities, each line's amount and the order's
// subtotal, tax and total as they are typed, when it is due, its priority and notes; checked before anything is
// written, with what is wrong beside the field it concerns.
// With its own "New order" button (the orders page), or opened from elsewhere (the command palette) when `open` is
// given.

import { useLiveQuery, useSyncStatus } from '@syncline/data';
import type { Customer, OrderPriority, Service } from '@syncline/domain';
import {
  Button,
  DatePicker,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  FormField,
  Input,
  Textarea,
} from '@syncline/ui';
import { PlusIcon, XIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { formatCents } from '../lib/format';
import {
  checkDue,
  checkLines,
  defaultDueAt,
  draftTotals,
  type LineDraft,
  type LineErrors,
  newLineDraft,
  noServicesMessage,
} from '../lib/order-entry';
import { createOrder } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { CustomerField } from './customer-field';
import { PriorityField } from './priority-field';
import { ServiceFinder } from './service-finder';

type Errors = Partial<Record<'customer' | 'lines' | 'due', string>>;

const activeServices = { selector: { active: true }, sort: [{ name: 'asc' as const }] };
const noLineErrors = new Map<number, LineErrors>();
/** Moves focus to a field as it appears (a line just added, the line that took a removed one's place). */
const focusNow = (element: HTMLElement | null) => element?.focus();

export interface NewOrderDialogProps {
  /** Opened from elsewhere: no button of its own. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

export function NewOrderDialog({ open: openProp, onOpenChange }: NewOrderDialogProps) {
  const write = useWriteContext();
  const { docs: services } = useLiveQuery<Service>('services', activeServices);
  const progress = useSyncStatus((status) => status.progress);
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const [customer, setCustomer] = useState<Customer>();
  const [typedLines, setLines] = useState(() => [newLineDraft()]);
  const [focusKey, setFocusKey] = useState<number>();
  // null until the person changes it: two days from when the dialog shows, however long the page has been open
  const [chosenDue, setDue] = useState<Date | undefined | null>(null);
  const due = chosenDue === null ? new Date(defaultDueAt(Date.now())) : chosenDue;
  const [priority, setPriority] = useState<OrderPriority>('normal');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const linesErrorId = useId();
  const [lineErrors, setLineErrors] = useState(noLineErrors);

  // the first line is of the first service until the person picks one (the catalogue may still be arriving)
  const lines = typedLines.map((line, index) =>
    index === 0 && line.serviceId === '' && services[0] ? { ...line, serviceId: services[0].id } : line,
  );
  const totals = draftTotals(lines, services);

  const reset = () => {
    setCustomer(undefined);
    setLines([newLineDraft()]);
    setFocusKey(undefined);
    setDue(null);
    setPriority('normal');
    setNotes('');
    setErrors({});
    setLineErrors(noLineErrors);
  };
  // a line's errors go as the person changes it; what is still wrong is said again on the next try
  const changeLine = (key: number, change: Partial<LineDraft>) => {
    setLines(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
    if (lineErrors.has(key)) setLineErrors(new Map([...lineErrors].filter(([errorKey]) => errorKey !== key)));
  };
  const addLine = () => {
    const line = newLineDraft();
    setLines([...lines, line]);
    setFocusKey(line.key);
  };
  const removeLine = (key: number) => {
    const at = lines.findIndex((line) => line.key === key);
    const rest = lines.filter((line) => line.key !== key);
    setLines(rest);
    setFocusKey((rest[at] ?? rest[at - 1])?.key);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!customer) found.customer = 'Choose the customer the order is for.';
    if (services.length === 0) found.lines = noServicesMessage(progress);
    const checked = checkLines(lines, services);
    const dueAt = checkDue(due, Date.now());
    if ('error' in dueAt) found.due = dueAt.error;
    setErrors(found);
    setLineErrors(checked.errors);
    if (!customer || 'error' in dueAt || Object.keys(found).length > 0 || checked.errors.size > 0) return;
    await createOrder(write, {
      customerId: customer.id,
      customerName: customer.name,
      priority,
      items: checked.items,
      notes,
      dueAt: dueAt.dueAt,
    });
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
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>New order</DialogTitle>
          <DialogDescription>
            It is saved on this device at once and syncs when the server can be reached.
          </DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <CustomerField value={customer} onChange={setCustomer} error={errors.customer} />
          <fieldset
            data-slot="order-lines"
            className="grid gap-3"
            aria-describedby={errors.lines ? linesErrorId : undefined}
          >
            <legend className="mb-2 font-medium text-sm">Services</legend>
            {lines.map((line, index) => (
              <OrderLineFields
                key={line.key}
                line={line}
                number={index + 1}
                services={services}
                amount={totals.lines[index]}
                errors={lineErrors.get(line.key)}
                focus={line.key === focusKey}
                onChange={(change) => changeLine(line.key, change)}
                onRemove={lines.length > 1 ? () => removeLine(line.key) : undefined}
              />
            ))}
            {errors.lines ? (
              <p id={linesErrorId} className="font-medium text-error-text text-xs">
                {errors.lines}
              </p>
            ) : null}
            <div>
              <Button type="button" variant="secondary" size="sm" onClick={addLine}>
                <PlusIcon aria-hidden="true" />
                Add line
              </Button>
            </div>
          </fieldset>
          <dl data-slot="order-totals" className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm tabular-nums">
            <dt className="text-foreground-muted">Subtotal</dt>
            <dd className="text-right">{formatCents(totals.subtotal)}</dd>
            <dt className="text-foreground-muted">Tax</dt>
            <dd className="text-right">{formatCents(totals.tax)}</dd>
            <dt className="font-medium">Total</dt>
            <dd className="text-right font-medium">{formatCents(totals.total)}</dd>
          </dl>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Due" error={errors.due} required>
              <DatePicker
                value={due}
                min={new Date()}
                timeLabel="Due time"
                calendarLabel="Choose the due day from a calendar"
                onValueChange={(next) => {
                  setDue(next);
                  setErrors({ ...errors, due: undefined });
                }}
              />
            </FormField>
            <PriorityField value={priority} onChange={setPriority} />
          </div>
          <FormField label="Notes">
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
          </FormField>
          <DialogFooter>
            <Button type="submit">Create order</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

interface OrderLineFieldsProps {
  line: LineDraft;
  /** the line's place in the order, from 1: its name ("Line 2") */
  number: number;
  services: readonly Service[];
  /** the line's amount before tax; undefined while it is incomplete */
  amount: number | undefined;
  errors: LineErrors | undefined;
  /** take focus when it appears */
  focus: boolean;
  onChange: (change: Partial<LineDraft>) => void;
  /** absent for an order's only line */
  onRemove: (() => void) | undefined;
}

/** One line of the order: its service (type-ahead over the catalogue), quantity, amount and a button removing it. */
function OrderLineFields({ line, number, services, amount, errors, focus, onChange, onRemove }: OrderLineFieldsProps) {
  return (
    <fieldset
      data-slot="order-line"
      className="grid grid-cols-[5rem_1fr_auto] items-start gap-2 sm:grid-cols-[minmax(0,1fr)_5rem_6rem_auto]"
    >
      <legend className="sr-only">Line {number}</legend>
      <FormField label="Service" error={errors?.service} required className="col-span-3 sm:col-span-1">
        <ServiceFinder
          ref={focus ? focusNow : undefined}
          services={services}
          value={line.serviceId}
          onValueChange={(serviceId) => onChange({ serviceId })}
        />
      </FormField>
      <FormField label="Quantity" error={errors?.quantity} required>
        <Input
          inputMode="numeric"
          className="text-right tabular-nums"
          value={line.quantity}
          onChange={(event) => onChange({ quantity: event.target.value })}
        />
      </FormField>
      <div className="grid gap-1.5">
        <span aria-hidden="true" className="font-medium text-sm">
          Amount
        </span>
        <output data-slot="line-amount" className="flex h-9 items-center justify-end text-sm tabular-nums">
          {amount === undefined ? '—' : formatCents(amount)}
        </output>
      </div>
      <div className="grid gap-1.5">
        <span aria-hidden="true" className="text-sm">
          &nbsp;
        </span>
        {onRemove ? (
          <Button type="button" variant="ghost" size="icon" aria-label={`Remove line ${number}`} onClick={onRemove}>
            <XIcon aria-hidden="true" />
          </Button>
        ) : (
          <span className="size-9" />
        )}
      </div>
    </fieldset>
  );
}
