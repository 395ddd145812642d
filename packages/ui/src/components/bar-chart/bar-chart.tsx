// A figure per period as bars (revenue per day, orders per day): the shape at a glance, with the first and last
// period named under it and the highest value over it. It is an image with a summary for assistive technology (its
// lowest, highest and total), and each bar says its own period and value on hover; the numbers belong in a table beside it.
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '../../lib/cn';

const bar = cva('stroke-none', {
  variants: {
    tone: {
      primary: 'fill-primary',
      success: 'fill-success',
      muted: 'fill-foreground-muted',
    },
  },
  defaultVariants: { tone: 'primary' },
});

/** One bar: the period it stands for, in words ("Mon 7 Dec"), unique within its chart, and its value. */
export interface BarChartBar {
  label: string;
  value: number;
}

export type BarChartProps = Omit<React.ComponentProps<'figure'>, 'children'> &
  VariantProps<typeof bar> & {
    bars: readonly BarChartBar[];
    /** What the bars are, e.g. "Revenue per day, last 7 days". Announced with the lowest, highest and total. */
    label: string;
    /** Formats values in the summary, the scale and each bar's hover text. */
    formatValue?: (value: number) => string;
  };

// the drawing's own units: a bar and its gap per period, stretched to the width the chart is given
const HEIGHT = 100;
const SLOT = 10;
const GAP = 2;

/** The summary read for the chart: its lowest and highest values with their periods, and its total. */
export function barChartSummary(
  label: string,
  bars: readonly BarChartBar[],
  format: (value: number) => string = String,
): string {
  if (bars.length === 0) return `${label}: no data`;
  const highest = bars.reduce((top, next) => (next.value > top.value ? next : top));
  const lowest = bars.reduce((low, next) => (next.value < low.value ? next : low));
  const total = bars.reduce((sum, next) => sum + next.value, 0);
  return `${label}: highest ${format(highest.value)} on ${highest.label}, lowest ${format(lowest.value)} on ${lowest.label}, total ${format(total)}`;
}

export function BarChart({
  bars,
  label,
  tone,
  formatValue: format = (value) => value.toLocaleString(),
  className,
  ...props
}: BarChartProps) {
  const max = Math.max(0, ...bars.map((entry) => entry.value));
  const width = Math.max(1, bars.length) * SLOT;
  return (
    <figure data-slot="bar-chart" className={cn('flex flex-col gap-1', className)} {...props}>
      <p data-slot="bar-chart-scale" aria-hidden="true" className="text-foreground-muted text-xs tabular-nums">
        {format(max)}
      </p>
      <svg
        role="img"
        aria-label={barChartSummary(label, bars, format)}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-40 w-full border-border border-b"
      >
        {bars.map((entry, index) => {
          const height = max === 0 ? 0 : (entry.value / max) * HEIGHT;
          return (
            <rect
              key={entry.label}
              data-slot="bar-chart-bar"
              data-value={entry.value}
              x={index * SLOT + GAP / 2}
              y={HEIGHT - height}
              width={SLOT - GAP}
              height={height}
              className={bar({ tone })}
            >
              <title>{`${entry.label}: ${format(entry.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption
        data-slot="bar-chart-axis"
        aria-hidden="true"
        className="flex justify-between text-foreground-muted text-xs"
      >
        <span>{bars[0]?.label}</span>
        <span>{bars.length > 1 ? bars.at(-1)?.label : null}</span>
      </figcaption>
    </figure>
  );
}
