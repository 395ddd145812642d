// What a list or page shows when it has nothing yet: what is missing, why, and the next step.
import { cn } from '../../lib/cn';

export type EmptyStateProps = Omit<React.ComponentProps<'section'>, 'title'> & {
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links for the next step. */
  action?: React.ReactNode;
};

export function EmptyState({ icon, title, description, action, className, children, ...props }: EmptyStateProps) {
  return (
    <section
      data-slot="empty-state"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border border-border border-dashed p-8 text-center',
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          data-slot="empty-state-icon"
          aria-hidden="true"
          className="flex size-10 items-center justify-center rounded-full bg-background-muted text-foreground-muted [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <h3 data-slot="empty-state-title" className="font-display font-semibold text-base text-foreground">
        {title}
      </h3>
      {description ? (
        <p data-slot="empty-state-description" className="max-w-sm text-foreground-muted text-sm">
          {description}
        </p>
      ) : null}
      {children}
      {action ? (
        <div data-slot="empty-state-action" className="mt-1 flex gap-2">
          {action}
        </div>
      ) : null}
    </section>
  );
}
