// A machine's alarm at a glance: severity (icon, word and colour), code and message, how long it has been raised,
// and Acknowledge. An acknowledged alarm stays listed but goes quiet: grey edge, muted text, no glow.
import { cva } from 'class-variance-authority';
import { BellIcon, OctagonAlertIcon, TriangleAlertIcon } from 'lucide-react';
import { Button } from '../../components/button/button';
import { cn } from '../../lib/cn';
import { formatElapsed, type Moment, toMillis } from '../../sync/lib/relative-time';
import { type AlarmSeverity, alarmSeverityLabel, type MachineAlarm } from '../machine-status';

// wraps rather than squeezes: in a narrow column Acknowledge moves under the text instead of breaking its words
const alarmChip = cva('flex flex-wrap items-center gap-2 rounded-md border border-l-4 px-2 py-1.5 text-xs', {
  variants: {
    severity: {
      critical: 'border-alarm-critical',
      major: 'border-alarm-major',
      minor: 'border-alarm-minor',
      warning: 'border-alarm-warning',
    },
    acknowledged: {
      false: 'bg-surface-raised text-foreground',
      true: 'border-border-subtle border-l-border-strong bg-surface text-foreground-muted',
    },
  },
  compoundVariants: [{ severity: 'critical', acknowledged: false, className: 'shadow-glow-error' }],
});

const alarmIcon = cva('flex [&_svg]:size-4', {
  variants: {
    severity: {
      critical: 'text-alarm-critical',
      major: 'text-alarm-major',
      minor: 'text-alarm-minor',
      warning: 'text-alarm-warning',
    },
    acknowledged: { false: '', true: 'text-foreground-subtle' },
  },
});

const severityIcon: Record<AlarmSeverity, React.ReactNode> = {
  critical: <OctagonAlertIcon />,
  major: <TriangleAlertIcon />,
  minor: <TriangleAlertIcon />,
  warning: <BellIcon />,
};

export type AlarmChipProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  alarm: MachineAlarm;
  now: Moment;
  onAcknowledge?: (alarmId: string) => void;
};

/** How long the alarm has been raised, as the chip says it: "45 s", "3 min". */
export function alarmDuration(alarm: MachineAlarm, now: Moment): string {
  return formatElapsed(toMillis(now) - toMillis(alarm.raisedAt));
}

export function AlarmChip({ alarm, now, onAcknowledge, className, ...props }: AlarmChipProps) {
  const acknowledged = alarm.acknowledgedAt != null;
  const duration = alarmDuration(alarm, now);
  return (
    <div
      data-slot="alarm-chip"
      data-severity={alarm.severity}
      data-acknowledged={acknowledged || undefined}
      className={cn(alarmChip({ severity: alarm.severity, acknowledged }), className)}
      {...props}
    >
      <span aria-hidden="true" className={cn(alarmIcon({ severity: alarm.severity, acknowledged }))}>
        {severityIcon[alarm.severity]}
      </span>
      <p className="min-w-32 flex-1">
        <span className={acknowledged ? 'font-medium' : 'font-semibold'}>{alarmSeverityLabel[alarm.severity]}</span>
        {/* a code is one word: "I-FILTER" never breaks at its hyphen */}
        {alarm.code ? <span className="whitespace-nowrap font-mono"> {alarm.code}</span> : null}
        <span> · {alarm.message}</span>
        <span className="block text-foreground-muted">
          for {duration}
          {acknowledged ? ' · Acknowledged' : ''}
        </span>
      </p>
      {!acknowledged && onAcknowledge ? (
        <Button
          size="xs"
          variant="outline"
          className="ms-auto"
          onClick={() => onAcknowledge(alarm.id)}
          aria-label={`Acknowledge ${alarmSeverityLabel[alarm.severity].toLowerCase()} alarm ${alarm.code ?? alarm.message}`}
        >
          Acknowledge
        </Button>
      ) : null}
    </div>
  );
}
