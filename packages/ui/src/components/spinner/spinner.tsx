// An indeterminate activity indicator; announced as "Loading" unless a label says otherwise or it is decorative.
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '../../lib/cn';

const spinner = cva(
  'inline-block shrink-0 animate-sync-spin rounded-full border-2 border-current border-r-transparent',
  {
    variants: { size: { sm: 'size-3.5', md: 'size-5', lg: 'size-8' } },
    defaultVariants: { size: 'md' },
  },
);

export type SpinnerProps = Omit<React.ComponentProps<'span'>, 'children'> &
  VariantProps<typeof spinner> & {
    /** What is loading, for screen readers. `null` makes the spinner decorative (its owner announces the state). */
    label?: string | null;
  };

export function Spinner({ className, size, label = 'Loading', ...props }: SpinnerProps) {
  const a11y = label === null ? { 'aria-hidden': true } : { role: 'status', 'aria-label': label };
  return <span data-slot="spinner" className={cn(spinner({ size }), className)} {...a11y} {...props} />;
}
