// An order's lines after it was taken: change a quantity, remove a line, add one from the catalogue's active
// services, with the totals following as typed. Saving writes the edits line by line onto the newest order, so
// another device's change to another line stays; each problem shows beside its field and nothing is written.

import { useLiveQuery } from '@syncline/data';
import { newOrderLine, type Order, type OrderItem, type Service, storedTotals, withLineIds } from '@syncline/domain';
import { Button, FormField, Input } from '@syncline/ui';
import { useState } from 'react';
import { formatCents } from '../lib/format';
import { applyLineEdits, parseQuantity, saveOrderLines } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { ServiceFinder } from './service-finder';

const activeServices = { selector: { active: true }, sort: [{ name: 'asc' as const }] };
const quantityProblem = 'Enter a whole quantity from 1 to 999.';

export function OrderLinesEditor({ order }: { order: Order }) {
  const write = useWriteContext();
  const { docs: services } = useLiveQuery<Service>('services', activeServices);
  // quantities as typed, by line id: a line's field shows the order's quantity until the person types
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [removed, setRemoved] = useState<string[]>([]);
  const [added, setAdded] = useState<OrderItem[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [addQuantity, setAddQuantity] = useState('1');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const stored = withLineIds(order.id, order.items);
  const service = services.find((entry) => entry.id === serviceId) ?? services[0];
  const quantities: Record<string, number> = {};
  for (const [id, text] of Object.entries(typed)) {
    const quantity = parseQuantity(text);
    if (quantity !== undefined) quantities[id] = quantity;
  }
  const edits = { quantities, removed, added };
  const lines = withLineIds(order.id, applyLineEdits(order, edits));
  const edited = Object.keys(typed).length > 0 || removed.length > 0 || added.length > 0;

  const reset = () => {
    setTyped({});
    setRemoved([]);
    setAdded([]);
    setErrors({});
  };

  const remove = (id: string) => {
    if (added.some((line) => line.id === id)) setAdded(added.filter((line) => line.id !== id));
    else setRemoved([...removed, id]);
    setErrors(({ [id]: _, ...rest }) => rest);
  };

  const addLine = () => {
    const quantity = parseQuantity(addQuantity);
    if (!service) return setErrors({ ...errors, service: 'No service is on offer: a manager adds them on Services.' });
    if (quantity === undefined) return setErrors({ ...errors, add: quantityProblem });
    setAdded([...added, newOrderLine(service, quantity)]);
    setAddQuantity('1');
    setErrors(({ add: _, service: __, ...rest }) => rest);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const [id, text] of Object.entries(typed)) {
      const line = stored.find((candidate) => candidate.id === id);
      if (parseQuantity(text) === undefined && !removed.includes(id) && line) {
        found[id] = `${quantityProblem} The line keeps ${line.quantity}; nothing was saved.`;
      }
    }
    if (lines.length === 0) found.lines = 'An order keeps at least one line: add one before removing the last.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await saveOrderLines(write, order.id, edits);
    reset();
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={save} noValidate aria-label="Lines">
      <ul className="flex flex-col gap-3">
        {lines.map((line) => {
          const isNew = added.some((candidate) => candidate.id === line.id);
          return (
            <li key={line.id} data-slot="order-line" className="flex flex-wrap items-end gap-3">
              <FormField
                className="w-28"
                label={
                  <>
                    {line.name}
                    <span className="sr-only"> quantity</span>
                  </>
                }
                description={`${formatCents(line.unitPrice)} each${isNew ? ' · new' : ''}`}
                error={errors[line.id]}
              >
                <Input
                  inputMode="numeric"
                  value={isNew ? String(line.quantity) : (typed[line.id] ?? String(line.quantity))}
                  readOnly={isNew}
                  onChange={(e) => setTyped({ ...typed, [line.id]: e.target.value })}
                />
              </FormField>
              <span className="ms-auto pb-2 font-mono text-sm tabular-nums">
                {formatCents(line.quantity * line.unitPrice)}
              </span>
              <Button type="button" variant="ghost" aria-label={`Remove ${line.name}`} onClick={() => remove(line.id)}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      {errors.lines ? (
        <p role="alert" className="text-error-text text-sm">
          {errors.lines}
        </p>
      ) : null}
      <p className="flex justify-between gap-3 border-border border-t pt-2 font-medium text-sm">
        <span>Total incl. tax</span>
        <span data-slot="order-total" className="font-mono tabular-nums">
          {formatCents(storedTotals(lines).total)}
        </span>
      </p>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Add a line</legend>
        <FormField className="min-w-48 flex-1" label="Add a service" error={errors.service}>
          <ServiceFinder services={services} value={service?.id ?? ''} onValueChange={setServiceId} />
        </FormField>
        <FormField className="w-28" label="Quantity to add" error={errors.add}>
          <Input inputMode="numeric" value={addQuantity} onChange={(e) => setAddQuantity(e.target.value)} />
        </FormField>
        <Button type="button" variant="outline" onClick={addLine}>
          Add line
        </Button>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Save lines</Button>
        {edited ? (
          <Button type="button" variant="ghost" onClick={reset}>
            Discard line edits
          </Button>
        ) : null}
      </div>
    </form>
  );
}
