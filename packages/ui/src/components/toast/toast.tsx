'use client';
// Transient notifications (sonner) dressed in our tokens. Mount one <Toaster /> near the root, call `toast(...)`.
import { Toaster as SonnerToaster, type ToasterProps, toast } from 'sonner';
import { cn } from '../../lib/cn';

export function Toaster({ className, toastOptions, ...props }: ToasterProps) {
  return (
    <SonnerToaster
      data-slot="toaster"
      className={cn('toaster group', className)}
      // Our tokens switch themes through CSS variables, so sonner needs no theme of its own.
      theme="system"
      toastOptions={{
        ...toastOptions,
        classNames: {
          toast:
            'group/toast bg-surface-overlay! text-foreground! border-border! shadow-lg! rounded-lg! font-sans! data-[type=error]:border-error! data-[type=success]:border-success! data-[type=warning]:border-warning!',
          description: 'text-foreground-muted!',
          actionButton: 'bg-primary! text-primary-foreground!',
          cancelButton: 'bg-background-muted! text-foreground!',
          closeButton: 'bg-surface! text-foreground! border-border!',
          ...toastOptions?.classNames,
        },
      }}
      {...props}
    />
  );
}

export { toast };
