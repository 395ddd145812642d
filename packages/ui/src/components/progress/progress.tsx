'use client';
import { cva, type VariantProps } from 'class-variance-authority';
// How far a task has got: a bar (Radix Progress) or a ring for tight spaces such as a machine's cycle.
// Both are `role="progressbar"` with a value; leave `value` undefined for "in progress, amount unknown".
import { Progress as ProgressPrimitive } from 'radix-ui';
import { cn } from '../../lib/cn';

/** The bar's filled part; `muted` is for figures that are not live (a machine gone quiet): grey, claiming no state. */
export const progressIndicatorVariants = cva(
  'h-full w-full flex-1 transition-transform duration-normal ease-standard',
  {
    variants: {
      tone: {
        primary: 'bg-primary',
        success: 'bg-success',
        warning: 'bg-warning',
        error: 'bg-error',
        muted: 'bg-foreground-subtle',
      },
      indeterminate: { true: 'w-1/3 animate-pulse-soft', false: '' },
    },
    defaultVariants: { tone: 'primary', indeterminate: false },
  },
);

export type ProgressTone = NonNullable<VariantProps<typeof progressIndicatorVariants>['tone']>;

export function Progress({
  className,
  value,
  max = 100,
  tone: toneName = 'primary',
  ...props
}: React.ComponentProps<typeof ProgressPrimitive.Root> & { tone?: ProgressTone }) {
  const percent = value == null ? null : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      max={max}
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-background-muted', className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(progressIndicatorVariants({ tone: toneName, indeterminate: percent === null }))}
        style={percent === null ? undefined : { transform: `translateX(-${100 - percent}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

/** The ring's drawn arc, in the same tones as the bar. */
export const progressRingIndicatorVariants = cva('transition-[stroke-dasharray] duration-normal ease-standard', {
  variants: {
    tone: {
      primary: 'stroke-primary',
      success: 'stroke-success',
      warning: 'stroke-warning',
      error: 'stroke-error',
      muted: 'stroke-foreground-subtle',
    } satisfies Record<ProgressTone, string>,
  },
  defaultVariants: { tone: 'primary' },
});

export type ProgressRingProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  /** 0..max; undefined when the amount is unknown. */
  value?: number | null;
  max?: number;
  /** Outer diameter in px. */
  size?: number;
  strokeWidth?: number;
  tone?: ProgressTone;
  /** Text in the middle; defaults to the percentage. `null` shows nothing. */
  children?: React.ReactNode;
};

export function ProgressRing({
  value,
  max = 100,
  size = 48,
  strokeWidth = 4,
  tone: toneName = 'primary',
  className,
  children,
  ...props
}: ProgressRingProps) {
  const percent = value == null ? null : Math.min(100, Math.max(0, (value / max) * 100));
  const radius = (size - strokeWidth) / 2;
  const circumference = 2 * Math.PI * radius;
  const dash = percent === null ? circumference * 0.25 : (percent / 100) * circumference;
  return (
    <div
      data-slot="progress-ring"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value ?? undefined}
      data-state={percent === null ? 'indeterminate' : percent >= 100 ? 'complete' : 'loading'}
      className={cn('relative inline-flex shrink-0 items-center justify-center', className)}
      style={{ width: size, height: size }}
      {...props}
    >
      <svg
        aria-hidden="true"
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        className={cn('-rotate-90', percent === null && 'animate-sync-spin')}
      >
        <circle
          cx={size / 2}
          cy={size / 2}
          r={radius}
          fill="none"
          strokeWidth={strokeWidth}
          className="stroke-background-muted"
        />
        <circle
          data-slot="progress-ring-indicator"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          fill="none"
          strokeWidth={strokeWidth}
          strokeLinecap="round"
          strokeDasharray={`${dash} ${circumference}`}
          className={progressRingIndicatorVariants({ tone: toneName })}
        />
      </svg>
      {children === null ? null : (
        <span
          data-slot="progress-ring-label"
          aria-hidden="true"
          className="absolute font-medium font-mono text-foreground text-xs tabular-nums"
        >
          {children ?? (percent === null ? '' : `${Math.round(percent)}%`)}
        </span>
      )}
    </div>
  );
}
