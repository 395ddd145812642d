// A machine's alarm at a glance: severity (icon, word and colour), code and message, how long it has been raised,
// and Acknowledge. An acknowledged alarm stays visible, quieter, until it clears.
import { BellIcon, OctagonAlertIcon, TriangleAlertIcon } from 'lucide-react';
import { Button } from '../../components/button/button';
import { cn } from '../../lib/cn';
import { formatElapsed, type Moment, toMillis } from '../../sync/lib/relative-time';
import { type AlarmSeverity, alarmSeverityLabel, type MachineAlarm } from '../machine-status';

const severityStyle: Record<AlarmSeverity, { border: string; icon: React.ReactNode }> = {
  critical: { border: 'border-alarm-critical', icon: <OctagonAlertIcon className="text-alarm-critical" /> },
  major: { border: 'border-alarm-major', icon: <TriangleAlertIcon className="text-alarm-major" /> },
  minor: { border: 'border-alarm-minor', icon: <TriangleAlertIcon className="text-alarm-minor" /> },
  warning: { border: 'border-alarm-warning', icon: <BellIcon className="text-alarm-warning" /> },
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
  const style = severityStyle[alarm.severity];
  const duration = alarmDuration(alarm, now);
  return (
    <div
      data-slot="alarm-chip"
      data-severity={alarm.severity}
      data-acknowledged={acknowledged || undefined}
      className={cn(
        'flex items-center gap-2 rounded-md border border-l-4 bg-surface-raised px-2 py-1.5 text-foreground text-xs',
        style.border,
        alarm.severity === 'critical' && !acknowledged && 'shadow-glow-error',
        className,
      )}
      {...props}
    >
      <span aria-hidden="true" className="flex [&_svg]:size-4">
        {style.icon}
      </span>
      <p className="min-w-0 flex-1">
        <span className="font-semibold">{alarmSeverityLabel[alarm.severity]}</span>
        {alarm.code ? <span className="font-mono"> {alarm.code}</span> : null}
        <span> · {alarm.message}</span>
        <span className="block text-foreground-muted">
          for {duration}
          {acknowledged ? ' · Acknowledged' : ''}
        </span>
      </p>
      {!acknowledged && onAcknowledge ? (
        <Button
          size="sm"
          variant="outline"
          className="h-7 px-2 text-xs"
          onClick={() => onAcknowledge(alarm.id)}
          aria-label={`Acknowledge ${alarmSeverityLabel[alarm.severity].toLowerCase()} alarm ${alarm.code ?? alarm.message}`}
        >
          Acknowledge
        </Button>
      ) : null}
    </div>
  );
}
