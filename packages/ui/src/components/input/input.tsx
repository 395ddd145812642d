// A single-line text field; shows its invalid state from `aria-invalid`, which FormField sets.
import { cn } from '../../lib/cn';

export const inputClasses = [
  'w-full min-w-0 rounded-md border border-input bg-surface px-3 text-foreground text-sm shadow-inset',
  'placeholder:text-foreground-subtle transition-colors duration-fast outline-none',
  'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring',
  'disabled:cursor-not-allowed disabled:bg-background-muted disabled:text-foreground-disabled',
  'aria-invalid:border-error aria-invalid:ring-error/30 aria-invalid:focus-visible:ring-error/40',
].join(' ');

export function Input({ className, type = 'text', ...props }: React.ComponentProps<'input'>) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        inputClasses,
        'h-9 py-1 file:border-0 file:bg-transparent file:font-medium file:text-foreground file:text-sm',
        className,
      )}
      {...props}
    />
  );
}
