// The one button: every action in the kit, from a primary call to a link-styled command.
import type { VariantProps } from 'class-variance-authority';
import { Slot } from 'radix-ui';
import { cn } from '../../lib/cn';
import { Spinner } from '../spinner/spinner';
import { buttonVariants } from './button-variants';

export type ButtonProps = React.ComponentProps<'button'> &
  VariantProps<typeof buttonVariants> & {
    /** Render the child element (a link, a router link) with the button's look and behaviour. */
    asChild?: boolean;
    /** Shows a spinner, keeps the button's width and blocks further presses. */
    loading?: boolean;
  };

export function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  children,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : 'button';
  return (
    <Comp
      data-slot="button"
      data-variant={variant ?? 'primary'}
      data-loading={loading || undefined}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={asChild ? undefined : disabled || loading}
      aria-busy={loading || undefined}
      type={asChild ? undefined : (type ?? 'button')}
      {...props}
    >
      {asChild ? (
        children
      ) : (
        <>
          {loading ? <Spinner data-slot="button-spinner" size="sm" label={null} /> : null}
          {children}
        </>
      )}
    </Comp>
  );
}
