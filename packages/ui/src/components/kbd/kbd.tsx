// A keyboard key or shortcut, as printed on the key.
import { cn } from '../../lib/cn';

export function Kbd({ className, ...props }: React.ComponentProps<'kbd'>) {
  return (
    <kbd
      data-slot="kbd"
      className={cn(
        'inline-flex h-5 min-w-5 select-none items-center justify-center gap-1 rounded-sm border border-border',
        'bg-background-subtle px-1 font-mono font-medium text-foreground-muted text-xs shadow-sm',
        className,
      )}
      {...props}
    />
  );
}

export function KbdGroup({ className, ...props }: React.ComponentProps<'span'>) {
  return <span data-slot="kbd-group" className={cn('inline-flex items-center gap-1', className)} {...props} />;
}
