// Add a service to the catalogue, or edit one: name, code, unit price, unit, tax rate and whether new orders offer
// it, checked before anything is written, each problem said beside its field. Opened by the button given as
// `children`.

import { type Service, serviceUnitLabel, serviceUnits } from '@syncline/domain';
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
  Label,
  Switch,
} from '@syncline/ui';
import { useId, useState } from 'react';
import {
  addService,
  checkServiceForm,
  type ServiceForm,
  type ServiceFormErrors,
  serviceForm,
  updateService,
} from '../lib/services';
import { useWriteContext } from '../lib/use-write-context';
import { EnumField } from './enum-field';

export interface ServiceDialogProps {
  /** The service to edit; none to add one. */
  service?: Service;
  /** The whole catalogue, so a name or code is not given twice. */
  catalogue: readonly Service[];
  /** The button that opens the dialog. */
  children: React.ReactNode;
}

const noErrors: ServiceFormErrors = {};

export function ServiceDialog({ service, catalogue, children }: ServiceDialogProps) {
  const write = useWriteContext();
  const activeId = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ServiceForm>(() => serviceForm(service));
  const [errors, setErrors] = useState<ServiceFormErrors>(noErrors);
  const set =
    <K extends keyof ServiceForm>(key: K) =>
    (value: ServiceForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const checked = checkServiceForm(
      form,
      catalogue.filter((other) => other.id !== service?.id),
    );
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    if (service) await updateService(write, service, checked.fields);
    else await addService(write, checked.fields);
    setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // every opening starts from the service as it is now
        if (next) setForm(serviceForm(service));
        setErrors(noErrors);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{service ? `Edit ${service.name}` : 'Add a service'}</DialogTitle>
          <DialogDescription>
            Every device offers it on new orders once it syncs; orders already taken keep their price.
          </DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <FormField label="Name" error={errors.name} required>
            <Input value={form.name} onChange={(e) => set('name')(e.target.value)} autoComplete="off" />
          </FormField>
          <div className="grid grid-cols-2 items-start gap-3">
            <FormField label="Code" error={errors.sku} required>
              <Input
                value={form.sku}
                onChange={(e) => set('sku')(e.target.value.toUpperCase())}
                autoComplete="off"
                className="font-mono"
              />
            </FormField>
            <EnumField
              label="Unit"
              values={serviceUnits}
              labels={serviceUnitLabel}
              value={form.unit}
              onChange={set('unit')}
            />
            <FormField label="Unit price (€)" error={errors.price} required>
              <Input
                inputMode="decimal"
                value={form.price}
                onChange={(e) => set('price')(e.target.value)}
                placeholder="3.50"
                className="tabular-nums"
              />
            </FormField>
            <FormField label="Tax rate (%)" error={errors.taxPercent} required>
              <Input
                inputMode="decimal"
                value={form.taxPercent}
                onChange={(e) => set('taxPercent')(e.target.value)}
                className="tabular-nums"
              />
            </FormField>
          </div>
          <div className="flex items-center gap-2">
            <Switch id={activeId} checked={form.active} onCheckedChange={set('active')} />
            <Label htmlFor={activeId}>Offered on new orders</Label>
          </div>
          <DialogFooter>
            <Button type="submit">{service ? 'Save service' : 'Add service'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
