'use client';
// The one confirmation asked before a step that throws work away, cancels or deletes records, or pauses or stops a
// machine: a Radix AlertDialog with a title, what will happen, a way back (focused first) and the action. Opened by
// its `trigger`, or from state with `open`.
import { useRef } from 'react';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '../alert-dialog/alert-dialog';

export interface ConfirmDialogProps {
  /** The control that opens it, e.g. `<Button>Delete</Button>`. Without one, open it from state with `open`. */
  trigger?: React.ReactElement;
  /** Controlled open state; leave it out with a `trigger`. */
  open?: boolean;
  /** Called when the person backs out (the cancel button, Escape), never after they confirm. */
  onCancel?: () => void;
  onConfirm: () => void;
  title: React.ReactNode;
  /** What happens, and what is kept. */
  description: React.ReactNode;
  confirmLabel: React.ReactNode;
  cancelLabel?: React.ReactNode;
  /** The action throws work away or stops something: a danger button. */
  danger?: boolean;
}

export function ConfirmDialog({
  trigger,
  open,
  onCancel,
  onConfirm,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
}: ConfirmDialogProps) {
  // Radix closes the dialog after the action too; only a close without it is a cancel.
  const confirmed = useRef(false);
  const onOpenChange = (next: boolean) => {
    if (next) return;
    if (!confirmed.current) onCancel?.();
    confirmed.current = false;
  };
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent data-slot="confirm-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            variant={danger ? 'danger' : 'primary'}
            onClick={() => {
              confirmed.current = true;
              onConfirm();
            }}
          >
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
