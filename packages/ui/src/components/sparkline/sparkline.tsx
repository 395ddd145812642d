// A small line of recent telemetry values (spindle load, temperature): shape at a glance, numbers elsewhere.
// It is an image with a summary for assistive technology, since a line cannot be read aloud.
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '../../lib/cn';

// Each part's classes written out in full per tone (not built with a string replace): Tailwind only generates
// classes it can find verbatim in the source, so a built name like `fill-primary` left the end dot without a colour.
const sparklineLine = cva('', {
  variants: {
    tone: {
      primary: 'stroke-primary',
      success: 'stroke-success',
      warning: 'stroke-warning',
      error: 'stroke-error',
      muted: 'stroke-foreground-muted',
    },
  },
  defaultVariants: { tone: 'primary' },
});
const sparklineArea = cva('stroke-none', {
  variants: {
    tone: {
      primary: 'fill-primary/15',
      success: 'fill-success/15',
      warning: 'fill-warning/15',
      error: 'fill-error/15',
      muted: 'fill-foreground-muted/15',
    },
  },
  defaultVariants: { tone: 'primary' },
});
const sparklineLast = cva('stroke-none', {
  variants: {
    tone: {
      primary: 'fill-primary',
      success: 'fill-success',
      warning: 'fill-warning',
      error: 'fill-error',
      muted: 'fill-foreground-muted',
    },
  },
  defaultVariants: { tone: 'primary' },
});

export type SparklineVariants = VariantProps<typeof sparklineLine>;

export type SparklineProps = Omit<React.ComponentProps<'svg'>, 'values'> & {
  values: readonly number[];
  /** What the values are, e.g. "Spindle load, last 10 minutes". Announced with the latest, lowest and highest value. */
  label: string;
  width?: number;
  height?: number;
  tone?: NonNullable<SparklineVariants['tone']>;
  /** Shade the area under the line. */
  area?: boolean;
  /** Fixed value range; defaults to the data's own min and max. */
  domain?: readonly [number, number];
  /** Formats values in the accessible summary. */
  formatValue?: (value: number) => string;
};

/** Maps values to SVG points, padded so the stroke is not clipped. Exported for tests and custom charts. */
export function sparklinePoints(
  values: readonly number[],
  width: number,
  height: number,
  domain?: readonly [number, number],
  pad = 1.5,
): Array<[number, number]> {
  if (values.length === 0) return [];
  const min = domain ? domain[0] : Math.min(...values);
  const max = domain ? domain[1] : Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0;
  return values.map((value, index) => {
    const x = values.length > 1 ? pad + index * step : width / 2;
    const y = pad + (1 - (value - min) / span) * (height - pad * 2);
    return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
  });
}

export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
  tone = 'primary',
  area = false,
  domain,
  formatValue: format = (value) => String(Math.round(value * 10) / 10),
  className,
  ...props
}: SparklineProps) {
  const points = sparklinePoints(values, width, height, domain);
  const line = points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
  const last = points.at(-1);
  const summary =
    values.length === 0
      ? `${label}: no data`
      : `${label}: latest ${format(values.at(-1) as number)}, low ${format(Math.min(...values))}, high ${format(Math.max(...values))}`;
  return (
    <svg
      data-slot="sparkline"
      role="img"
      aria-label={summary}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={cn('inline-block shrink-0 overflow-visible', className)}
      {...props}
    >
      {area && points.length > 1 ? (
        <path
          data-slot="sparkline-area"
          d={`${line} L${points.at(-1)?.[0]} ${height} L${points[0]?.[0]} ${height} Z`}
          className={sparklineArea({ tone })}
        />
      ) : null}
      <path
        data-slot="sparkline-line"
        d={line}
        fill="none"
        strokeWidth={1.5}
        strokeLinecap="round"
        strokeLinejoin="round"
        className={sparklineLine({ tone })}
      />
      {last ? (
        <circle data-slot="sparkline-last" cx={last[0]} cy={last[1]} r={2} className={sparklineLast({ tone })} />
      ) : null}
    </svg>
  );
}
