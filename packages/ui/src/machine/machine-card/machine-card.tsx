'use client';
// One machine on the floor: name and place, how fresh its data is (online; stale / offline with "last seen 3 min
// ago", greyed, its state Unknown and its countdown stopped; "as of 09:12" while this device is offline), operating
// state, cycle progress with a live countdown, the alarm that matters most, a few telemetry values with sparklines, a
// dot for commands queued while offline, and quick actions (Pause, Stop and Maintenance ask first).
import { cva, type VariantProps } from 'class-variance-authority';
import { PauseIcon, PlayIcon, SquareIcon, WrenchIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button/button';
import { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog';
import { ProgressRing, type ProgressTone } from '../../components/progress/progress';
import { Sparkline } from '../../components/sparkline/sparkline';
import { cn } from '../../lib/cn';
import {
  describeCountdown,
  formatClockTime,
  formatCountdown,
  formatRelativeTime,
  type Moment,
} from '../../sync/lib/relative-time';
import { useNow } from '../../sync/lib/use-now';
import { SyncDot } from '../../sync/sync-dot/sync-dot';
import { AlarmChip, alarmDuration } from '../alarm-chip/alarm-chip';
import {
  availableCommands,
  type ConnectionThresholds,
  type CycleStatus,
  cycleStatus,
  type MachineAlarm,
  type MachineCommand,
  type MachineConnection,
  type MachineCycle,
  type MachineFreshness,
  type MachineState,
  machineFreshness,
  machineStateLabel,
  type ShownMachineState,
  shownMachineState,
  topAlarm,
} from '../machine-status';

export interface MachineTelemetry {
  id: string;
  label: string;
  value: number;
  unit?: string;
  /** Recent values, oldest first, for the sparkline. */
  history?: readonly number[];
}

export type MachineCardProps = Omit<React.ComponentProps<'article'>, 'children'> &
  ConnectionThresholds & {
    name: string;
    /** "Washer", "Dryer". */
    kind?: string;
    location?: string;
    state: MachineState;
    /** The machine's last heartbeat. */
    lastSeenAt?: Moment | null;
    /** Overrides the connection derived from `lastSeenAt`. */
    connection?: MachineConnection;
    /** The current time; omit for a clock that ticks every second. */
    now?: Moment;
    /**
     * Set while this device is offline: when its data was last current (its last sync). The card then says "as of
     * 09:12" instead of "Online", stops its countdown and judges the machine's freshness at that moment.
     */
    dataAsOf?: Moment | null;
    /** The name as a link to the machine's page, e.g. `(name) => <Link to={…}>{name}</Link>`. */
    renderName?: (name: string) => React.ReactNode;
    cycle?: MachineCycle | null;
    /** The most urgent one is shown. */
    alarms?: readonly MachineAlarm[];
    /** Two or three values; more are cut to three. */
    telemetry?: readonly MachineTelemetry[];
    /** Commands given on this device that have not reached the server yet. */
    queuedCommands?: number;
    /** The card someone came for (a search, a link): outlined, and focusable so it can be focused. */
    highlighted?: boolean;
    onCommand?: (command: MachineCommand) => void;
    onAcknowledgeAlarm?: (alarmId: string) => void;
  };

/**
 * The card: a stripe on top in the colour of the state it shows, greyed once its data is not fresh (stale or offline:
 * recessed surface, muted text, grey stripe), outlined when it is the one someone came for.
 */
export const machineCardVariants = cva('flex flex-col gap-3 rounded-lg border border-border border-t-4 p-4 shadow-sm', {
  variants: {
    fresh: {
      true: 'bg-surface text-foreground',
      false: 'bg-background-subtle text-foreground-muted',
    },
    state: {
      unknown: 'border-t-border-strong',
      idle: 'border-t-machine-idle',
      running: 'border-t-machine-running',
      paused: 'border-t-machine-paused',
      done: 'border-t-machine-done',
      error: 'border-t-machine-error',
      maintenance: 'border-t-machine-maintenance',
    } satisfies Record<ShownMachineState, string>,
    highlighted: { true: 'outline-none ring-2 ring-ring ring-offset-2 ring-offset-background', false: '' },
  },
  defaultVariants: { fresh: true, highlighted: false },
});

export type MachineCardVariants = VariantProps<typeof machineCardVariants>;

/** The dot beside the state's name. */
const stateDot = cva('size-2 shrink-0 rounded-full', {
  variants: {
    state: {
      unknown: 'bg-foreground-subtle',
      idle: 'bg-machine-idle',
      running: 'bg-machine-running motion-safe:animate-pulse-soft',
      paused: 'bg-machine-paused',
      done: 'bg-machine-done',
      error: 'bg-machine-error',
      maintenance: 'bg-machine-maintenance',
    } satisfies Record<ShownMachineState, string>,
  },
});
const ringTone: Record<ShownMachineState, ProgressTone> = {
  unknown: 'muted',
  idle: 'primary',
  running: 'primary',
  paused: 'warning',
  done: 'success',
  error: 'error',
  maintenance: 'primary',
};
/** The dot beside how fresh the data is: round while online, square once stale or offline (not by colour alone). */
const connectionDot = cva('size-2 shrink-0 rounded-full', {
  variants: {
    connection: {
      online: 'bg-sync-synced',
      stale: 'rounded-[1px] bg-sync-stale',
      offline: 'rounded-[1px] bg-sync-offline',
    } satisfies Record<MachineConnection, string>,
  },
});
const connectionLabel: Record<MachineConnection, string> = { online: 'Online', stale: 'Stale', offline: 'Offline' };

/**
 * "Online", or "Stale · last seen 3 min ago" once the heartbeat is late; while this device is offline, "As of 09:12"
 * (the machine's last report this device holds), or "Stale · as of 08:55".
 */
function connectionText(
  { connection }: MachineFreshness,
  lastSeenAt: Moment | null | undefined,
  dataAsOf: Moment | null | undefined,
  now: number,
) {
  if (dataAsOf != null) {
    const time = formatClockTime(lastSeenAt ?? dataAsOf);
    return connection === 'online' ? `As of ${time}` : `${connectionLabel[connection]} · as of ${time}`;
  }
  return connection === 'online' || lastSeenAt == null
    ? connectionLabel[connection]
    : `${connectionLabel[connection]} · last seen ${formatRelativeTime(lastSeenAt, now)}`;
}

/** The line under the cycle's program: a live countdown, or why there is none. */
function CycleLine({ status }: { status: CycleStatus }) {
  const { phase, remainingMs } = status;
  if (phase === 'complete') return 'Cycle complete';
  if (phase === 'finishing') return 'Finishing';
  if (phase === 'halted') return 'Cycle halted';
  if (remainingMs == null) return 'Paused, time left unknown';
  const left = formatCountdown(remainingMs);
  if (phase === 'as-of') return `${left} left at its last report`;
  return (
    <>
      <time
        data-slot="machine-countdown"
        dateTime={`PT${Math.ceil(remainingMs / 1000)}S`}
        className="font-mono text-foreground tabular-nums"
      >
        {left}
      </time>{' '}
      {phase === 'paused' ? 'left, paused' : 'left'}
    </>
  );
}

const commandLabel: Record<MachineCommand, string> = {
  start: 'Start',
  pause: 'Pause',
  stop: 'Stop',
  maintenance: 'Maintenance',
};
const commandIcon: Record<MachineCommand, React.ReactNode> = {
  start: <PlayIcon />,
  pause: <PauseIcon />,
  stop: <SquareIcon />,
  maintenance: <WrenchIcon />,
};

type ConfirmedCommand = Exclude<MachineCommand, 'start'>;

function confirmText(command: ConfirmedCommand, name: string, cycle?: MachineCycle | null) {
  if (command === 'pause')
    return {
      title: `Pause ${name}?`,
      body: cycle
        ? `The ${cycle.program} cycle stands still until someone resumes it; the load waits in the drum.`
        : 'The machine pauses until someone resumes it.',
      action: 'Pause machine',
    };
  if (command === 'stop')
    return {
      title: `Stop ${name}?`,
      body: cycle
        ? `The ${cycle.program} cycle ends now and cannot be resumed. The load may need to be run again.`
        : 'The machine stops now.',
      action: 'Stop machine',
    };
  return {
    title: `Put ${name} into maintenance?`,
    body: 'It takes no new cycles until it is back in service. Operators see it as unavailable.',
    action: 'Start maintenance',
  };
}

export function MachineCard({
  name,
  kind,
  location,
  state,
  lastSeenAt,
  connection: connectionOverride,
  now: fixedNow,
  dataAsOf,
  renderName,
  staleAfterMs,
  offlineAfterMs,
  cycle,
  alarms,
  telemetry,
  queuedCommands = 0,
  highlighted = false,
  onCommand,
  onAcknowledgeAlarm,
  className,
  ...props
}: MachineCardProps) {
  const alarm = topAlarm(alarms);
  const freshnessAt = (time: number) =>
    machineFreshness({
      lastSeenAt,
      now: time,
      dataAsOf,
      connection: connectionOverride,
      staleAfterMs,
      offlineAfterMs,
    });
  // Re-renders when something it shows from the clock changes (the connection, "last seen", the countdown, how long
  // the alarm has been raised), not on every tick: an idle machine with no heartbeat to age renders once.
  const now = useNow(fixedNow, 1000, (time) => {
    const at = freshnessAt(time);
    return [
      connectionText(at, lastSeenAt, dataAsOf, time),
      // the countdown shows whole seconds: a tick within the same second changes nothing on screen
      cycle ? Math.ceil((cycleStatus(state, cycle, at).remainingMs ?? 0) / 1000) : '',
      alarm ? alarmDuration(alarm, time) : '',
    ].join('|');
  });
  const [confirming, setConfirming] = useState<ConfirmedCommand | null>(null);
  const freshness = freshnessAt(now);
  const { connection } = freshness;
  const shown = shownMachineState(state, connection);
  const status = cycle ? cycleStatus(state, cycle, freshness) : null;
  const commands = onCommand ? availableCommands(state) : [];
  const dialog = confirming ? confirmText(confirming, name, cycle) : null;
  const runCommand = (command: MachineCommand) => {
    if (command === 'start') onCommand?.(command);
    else setConfirming(command);
  };

  return (
    <article
      data-slot="machine-card"
      data-state={shown}
      data-connection={connection}
      data-live={freshness.live}
      aria-label={`${name}, ${machineStateLabel[shown]}`}
      data-highlighted={highlighted || undefined}
      tabIndex={highlighted ? -1 : undefined}
      className={cn(machineCardVariants({ state: shown, fresh: connection === 'online', highlighted }), className)}
      {...props}
    >
      {/* name and state on one line; place, freshness and queued commands under the name, full width, so a longer
          "last seen …" never squeezes the name or moves the state */}
      <header className="flex flex-col gap-1">
        <div className="flex items-start justify-between gap-2">
          {/* names wrap, never truncate: two washers differ only at the end of their names */}
          <h3 className="min-w-0 break-words font-display font-semibold text-base leading-tight">
            {renderName ? renderName(name) : name}
          </h3>
          <span data-slot="machine-state" className="flex shrink-0 items-center gap-1.5 font-medium text-xs">
            <span aria-hidden="true" className={stateDot({ state: shown })} />
            {machineStateLabel[shown]}
          </span>
        </div>
        {kind || location ? (
          <p className="break-words text-foreground-muted text-xs">{[kind, location].filter(Boolean).join(' · ')}</p>
        ) : null}
        <p data-slot="machine-connection" className="flex items-center gap-1.5 text-foreground-muted text-xs">
          <span aria-hidden="true" className={cn(connectionDot({ connection }))} />
          {connectionText(freshness, lastSeenAt, dataAsOf, now)}
        </p>
        {queuedCommands > 0 ? (
          <p data-slot="machine-queued" className="flex items-center gap-1.5 text-foreground-muted text-xs">
            <SyncDot state="pending" aria-hidden="true" />
            {queuedCommands} {queuedCommands === 1 ? 'command' : 'commands'} queued
          </p>
        ) : null}
      </header>

      {cycle && status ? (
        <div data-slot="machine-cycle" data-phase={status.phase} className="flex items-center gap-3">
          {status.percent == null ? null : (
            <ProgressRing
              value={Math.round(status.percent)}
              size={52}
              tone={freshness.live ? ringTone[shown] : 'muted'}
              aria-label={`${cycle.program} cycle progress`}
              aria-valuetext={`${Math.round(status.percent)}%${
                status.remainingMs ? `, ${describeCountdown(status.remainingMs)} left` : ''
              }`}
            />
          )}
          <div className="min-w-0 break-words text-sm">
            <p className="font-medium">{cycle.program}</p>
            <p className="text-foreground-muted text-xs">
              <CycleLine status={status} />
            </p>
          </div>
        </div>
      ) : (
        <p className="text-foreground-muted text-sm">No cycle running</p>
      )}

      {alarm ? <AlarmChip alarm={alarm} now={now} onAcknowledge={onAcknowledgeAlarm} /> : null}

      {telemetry?.length ? (
        <dl data-slot="machine-telemetry" className="grid grid-cols-3 gap-2">
          {telemetry.slice(0, 3).map((item) => (
            <div key={item.id} className="flex min-w-0 flex-col gap-1">
              <dt className="break-words text-foreground-muted text-xs">{item.label}</dt>
              <dd className="flex flex-col gap-1">
                <span className="font-medium font-mono text-sm tabular-nums">
                  {item.value}
                  {item.unit ? <span className="text-foreground-muted text-xs"> {item.unit}</span> : null}
                </span>
                {item.history?.length ? (
                  <Sparkline
                    values={item.history}
                    label={`${item.label}${item.unit ? ` (${item.unit})` : ''}, recent`}
                    width={72}
                    height={20}
                    tone={!freshness.live ? 'muted' : state === 'error' ? 'error' : 'primary'}
                  />
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}

      {commands.length ? (
        <footer className="flex flex-wrap gap-2 border-border-subtle border-t pt-3">
          {commands.map((command) => (
            <Button
              key={command}
              size="sm"
              variant={command === 'stop' ? 'danger' : command === 'start' ? 'primary' : 'outline'}
              onClick={() => runCommand(command)}
              aria-label={`${command === 'start' && state === 'paused' ? 'Resume' : commandLabel[command]} ${name}`}
            >
              {commandIcon[command]}
              {command === 'start' && state === 'paused' ? 'Resume' : commandLabel[command]}
            </Button>
          ))}
        </footer>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) onCommand?.(confirming);
          setConfirming(null);
        }}
        danger={confirming === 'stop'}
        title={dialog?.title}
        description={`${dialog?.body ?? ''}${
          connection === 'online' ? '' : ' The machine is not connected: the command is queued and sent when it is.'
        }`}
        confirmLabel={dialog?.action}
      />
    </article>
  );
}
