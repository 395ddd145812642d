'use client';
// One labelled form control with its help text and error, wired for assistive technology:
// the control gets the label's id, `aria-describedby` (description, then error) and `aria-invalid`.
import { Slot } from 'radix-ui';
import { useId } from 'react';
import { cn } from '../../lib/cn';
import { Label } from '../label/label';

export type FormFieldProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  label: React.ReactNode;
  /** Help shown under the control. */
  description?: React.ReactNode;
  /** What is wrong and how to fix it; marks the control invalid. */
  error?: React.ReactNode;
  required?: boolean;
  /** The id given to the control (generated when absent). */
  controlId?: string;
  /** One control element: Input, Textarea, Select trigger, Checkbox... */
  children: React.ReactElement;
};

export function FormField({
  label,
  description,
  error,
  required,
  controlId,
  className,
  children,
  ...props
}: FormFieldProps) {
  const generated = useId();
  const id = controlId ?? `${generated}-control`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      data-slot="form-field"
      data-invalid={error ? true : undefined}
      className={cn('grid gap-1.5', className)}
      {...props}
    >
      <Label data-slot="form-field-label" htmlFor={id}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-error">
            *
          </span>
        ) : null}
      </Label>
      <Slot.Root
        data-slot="form-field-control"
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
      >
        {children}
      </Slot.Root>
      {description ? (
        <p data-slot="form-field-description" id={descriptionId} className="text-foreground-muted text-xs">
          {description}
        </p>
      ) : null}
      {error ? (
        <p data-slot="form-field-error" id={errorId} className="font-medium text-error-text text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}
