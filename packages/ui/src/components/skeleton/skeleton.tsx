// A placeholder block shown while content loads; hidden from assistive technology.
import { cn } from '../../lib/cn';

export function Skeleton({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn('animate-pulse-soft rounded-md bg-background-muted', className)}
      {...props}
    />
  );
}
