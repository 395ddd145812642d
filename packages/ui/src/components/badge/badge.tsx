// A short status or category label.
import { cva, type VariantProps } from 'class-variance-authority';
import { Slot } from 'radix-ui';
import { cn } from '../../lib/cn';

export const badgeVariants = cva(
  [
    'inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 font-medium text-xs',
    '[&_svg]:pointer-events-none [&_svg]:size-3',
  ],
  {
    variants: {
      variant: {
        neutral: 'border-transparent bg-background-muted text-foreground',
        primary: 'border-transparent bg-primary text-primary-foreground',
        outline: 'border-border-strong text-foreground',
        success: 'border-transparent bg-success-subtle text-foreground',
        warning: 'border-transparent bg-warning-subtle text-foreground',
        error: 'border-transparent bg-error-subtle text-foreground',
        info: 'border-transparent bg-primary-subtle text-foreground',
        conflict: 'border-sync-conflict text-foreground',
      },
    },
    defaultVariants: { variant: 'neutral' },
  },
);

export type BadgeProps = React.ComponentProps<'span'> & VariantProps<typeof badgeVariants> & { asChild?: boolean };

export function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot.Root : 'span';
  return (
    <Comp
      data-slot="badge"
      data-variant={variant ?? 'neutral'}
      className={cn(badgeVariants({ variant }), className)}
      {...props}
    />
  );
}
