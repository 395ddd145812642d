// One figure a person checks at a glance ("Revenue today: €1,240.00"): its label, its value, how it moved against the
// period before (an arrow, a colour and the words "up 12 % on yesterday"), a small trend line and a way to the details.
import { cva } from 'class-variance-authority';
import { ArrowDownIcon, ArrowUpIcon, MinusIcon } from 'lucide-react';
import { Slot } from 'radix-ui';
import { useId } from 'react';
import { cn } from '../../lib/cn';
import { buttonVariants } from '../button/button-variants';
import { Card } from '../card/card';
import { Sparkline, type SparklineProps } from '../sparkline/sparkline';

/** How a figure moved against the period before. */
export interface MetricDelta {
  /** The signed change: a fraction of the period before (0.12 is up 12 %), or with `unit: 'points'` a difference of shares (0.1 is up 10 points). */
  change: number;
  /** The period compared with, as the sentence ends: "on yesterday", "on the hour before". */
  comparedTo: string;
  unit?: 'percent' | 'points';
  /** Whether a rise is good news (revenue), bad news (overdue orders) or neither; it sets the delta's colour. */
  rise?: 'good' | 'bad' | 'neutral';
}

export type DeltaDirection = 'up' | 'down' | 'flat';
export type DeltaTone = 'positive' | 'negative' | 'neutral';

/** The delta in words and tone: "up 12 % on yesterday", positive for a good rise; a change that rounds to 0 is flat. */
export function describeDelta({ change, comparedTo, unit = 'percent', rise = 'good' }: MetricDelta): {
  direction: DeltaDirection;
  tone: DeltaTone;
  amount: string;
  text: string;
} {
  const rounded = Math.round(Math.abs(change) * 100);
  const direction: DeltaDirection = rounded === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  const amount = unit === 'points' ? `${rounded} ${rounded === 1 ? 'point' : 'points'}` : `${rounded} %`;
  const good = (direction === 'up' && rise === 'good') || (direction === 'down' && rise === 'bad');
  const bad = (direction === 'up' && rise === 'bad') || (direction === 'down' && rise === 'good');
  const tone: DeltaTone = good ? 'positive' : bad ? 'negative' : 'neutral';
  return {
    direction,
    tone,
    amount,
    text: direction === 'flat' ? `no change ${comparedTo}` : `${direction} ${amount} ${comparedTo}`,
  };
}

const metricDelta = cva('inline-flex items-center gap-1 font-medium text-xs [&_svg]:size-3.5 [&_svg]:shrink-0', {
  variants: {
    tone: {
      positive: 'text-success-text',
      negative: 'text-error-text',
      neutral: 'text-foreground-muted',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

const metricValue = cva('font-display font-semibold tabular-nums leading-none tracking-tight', {
  variants: {
    size: {
      default: 'text-3xl',
      sm: 'text-2xl',
    },
  },
  defaultVariants: { size: 'default' },
});

const deltaIcon: Record<DeltaDirection, React.ReactNode> = {
  up: <ArrowUpIcon />,
  down: <ArrowDownIcon />,
  flat: <MinusIcon />,
};

export type MetricCardProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  /** What the figure is: "Revenue today". It names the card for assistive technology. */
  label: string;
  /** The figure, formatted: "€1,240.00", "12", "75 %". */
  value: React.ReactNode;
  /** A line under the value: "3 to go · 2 overdue". */
  detail?: React.ReactNode;
  delta?: MetricDelta | null;
  /** A small line of the figure's recent values; its label says over what ("Revenue per day, last 7 days"). */
  trend?: Pick<SparklineProps, 'values' | 'label' | 'formatValue' | 'tone' | 'domain'>;
  /** A link to the details, named for where it goes ("Order list"): one anchor or router link, styled as a link button. */
  link?: React.ReactElement;
  size?: 'default' | 'sm';
};

export function MetricCard({ label, value, detail, delta, trend, link, size, className, ...props }: MetricCardProps) {
  const labelId = useId();
  const described = delta ? describeDelta(delta) : null;
  return (
    <Card
      data-slot="metric-card"
      role="group"
      aria-labelledby={labelId}
      className={cn('gap-3 px-5 py-4', className)}
      {...props}
    >
      <h3 id={labelId} data-slot="metric-card-label" className="font-medium text-foreground-muted text-sm">
        {label}
      </h3>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p data-slot="metric-card-value" className={metricValue({ size })}>
          {value}
        </p>
        {trend ? (
          <Sparkline data-slot="metric-card-trend" area width={96} height={32} tone="primary" {...trend} />
        ) : null}
      </div>
      {detail ? (
        <p data-slot="metric-card-detail" className="text-foreground-muted text-sm">
          {detail}
        </p>
      ) : null}
      {described || link ? (
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          {described ? (
            <p
              data-slot="metric-card-delta"
              data-direction={described.direction}
              data-tone={described.tone}
              className={metricDelta({ tone: described.tone })}
            >
              <span aria-hidden="true">{deltaIcon[described.direction]}</span>
              {described.direction === 'flat' ? null : <span className="sr-only">{described.direction} </span>}
              <span>
                {described.direction === 'flat' ? 'no change' : described.amount}
                <span className="font-normal text-foreground-muted"> {delta?.comparedTo}</span>
              </span>
            </p>
          ) : (
            <span />
          )}
          {link ? (
            <Slot.Root
              data-slot="metric-card-link"
              className={cn(buttonVariants({ variant: 'link', size: 'inline' }), 'ml-auto')}
            >
              {link}
            </Slot.Root>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
