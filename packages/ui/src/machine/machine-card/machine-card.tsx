'use client';
// One machine on the floor: name and place, connection (online, or stale / offline with "last seen 3 min ago"),
// operating state, cycle progress with a live countdown, the alarm that matters most, a few telemetry values with
// sparklines, a dot for commands queued while offline, and quick actions (Stop and Maintenance ask first).
import { PauseIcon, PlayIcon, SquareIcon, WrenchIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button/button';
import { ProgressRing, type ProgressTone } from '../../components/progress/progress';
import { Sparkline } from '../../components/sparkline/sparkline';
import { cn } from '../../lib/cn';
import { ConfirmDialog } from '../../sync/lib/confirm-dialog';
import { describeCountdown, formatCountdown, formatRelativeTime, type Moment } from '../../sync/lib/relative-time';
import { useNow } from '../../sync/lib/use-now';
import { SyncDot } from '../../sync/sync-dot/sync-dot';
import { AlarmChip, alarmDuration } from '../alarm-chip/alarm-chip';
import {
  availableCommands,
  type ConnectionThresholds,
  cycleProgress,
  deriveMachineConnection,
  type MachineAlarm,
  type MachineCommand,
  type MachineConnection,
  type MachineCycle,
  type MachineState,
  machineStateLabel,
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
    cycle?: MachineCycle | null;
    /** The most urgent one is shown. */
    alarms?: readonly MachineAlarm[];
    /** Two or three values; more are cut to three. */
    telemetry?: readonly MachineTelemetry[];
    /** Commands given on this device that have not reached the server yet. */
    queuedCommands?: number;
    onCommand?: (command: MachineCommand) => void;
    onAcknowledgeAlarm?: (alarmId: string) => void;
    /** The card someone came for (a search, a link): outlined, and focusable so it can be focused. */
    highlighted?: boolean;
  };

const stateStripe: Record<MachineState, string> = {
  idle: 'border-t-machine-idle',
  running: 'border-t-machine-running',
  paused: 'border-t-machine-paused',
  done: 'border-t-machine-done',
  error: 'border-t-machine-error',
  maintenance: 'border-t-machine-maintenance',
};
const stateDot: Record<MachineState, string> = {
  idle: 'bg-machine-idle',
  running: 'bg-machine-running motion-safe:animate-pulse-soft',
  paused: 'bg-machine-paused',
  done: 'bg-machine-done',
  error: 'bg-machine-error',
  maintenance: 'bg-machine-maintenance',
};
const ringTone: Record<MachineState, ProgressTone> = {
  idle: 'primary',
  running: 'primary',
  paused: 'warning',
  done: 'success',
  error: 'error',
  maintenance: 'primary',
};
const connectionDot: Record<MachineConnection, string> = {
  online: 'bg-sync-synced',
  stale: 'bg-sync-stale',
  offline: 'bg-sync-offline',
};
const connectionLabel: Record<MachineConnection, string> = { online: 'Online', stale: 'Stale', offline: 'Offline' };

/** "Online", or "Stale · last seen 3 min ago" once the heartbeat is late. */
function connectionText(connection: MachineConnection, lastSeenAt: Moment | null | undefined, now: number) {
  return connection === 'online' || lastSeenAt == null
    ? connectionLabel[connection]
    : `${connectionLabel[connection]} · last seen ${formatRelativeTime(lastSeenAt, now)}`;
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

function confirmText(command: 'stop' | 'maintenance', name: string, cycle?: MachineCycle | null) {
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
  staleAfterMs,
  offlineAfterMs,
  cycle,
  alarms,
  telemetry,
  queuedCommands = 0,
  onCommand,
  onAcknowledgeAlarm,
  highlighted = false,
  className,
  ...props
}: MachineCardProps) {
  const alarm = topAlarm(alarms);
  const connectionAt = (time: number) =>
    connectionOverride ?? deriveMachineConnection(lastSeenAt, time, { staleAfterMs, offlineAfterMs });
  // Re-renders when something it shows from the clock changes (the connection, "last seen", the countdown, how long
  // the alarm has been raised), not on every tick: an idle machine with no heartbeat to age renders once.
  const now = useNow(fixedNow, 1000, (time) =>
    [
      connectionText(connectionAt(time), lastSeenAt, time),
      cycle ? Math.ceil(cycleProgress(cycle, time).remainingMs / 1000) : '',
      alarm ? alarmDuration(alarm, time) : '',
    ].join('|'),
  );
  const [confirming, setConfirming] = useState<'stop' | 'maintenance' | null>(null);
  const connection = connectionAt(now);
  const progress = cycle ? cycleProgress(cycle, now) : null;
  const commands = onCommand ? availableCommands(state) : [];
  const dialog = confirming ? confirmText(confirming, name, cycle) : null;
  const runCommand = (command: MachineCommand) => {
    if (command === 'stop' || command === 'maintenance') setConfirming(command);
    else onCommand?.(command);
  };

  return (
    <article
      data-slot="machine-card"
      data-state={state}
      data-connection={connection}
      aria-label={`${name}, ${machineStateLabel[state]}`}
      data-highlighted={highlighted || undefined}
      tabIndex={highlighted ? -1 : undefined}
      className={cn(
        'flex flex-col gap-3 rounded-lg border border-border border-t-4 bg-surface p-4 text-foreground shadow-sm',
        stateStripe[state],
        highlighted && 'outline-none ring-2 ring-ring ring-offset-2 ring-offset-background',
        className,
      )}
      {...props}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="truncate font-display font-semibold text-base leading-tight">{name}</h3>
          {kind || location ? (
            <p className="truncate text-foreground-muted text-xs">{[kind, location].filter(Boolean).join(' · ')}</p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-xs">
          <span data-slot="machine-state" className="flex items-center gap-1.5 font-medium">
            <span aria-hidden="true" className={cn('size-2 rounded-full', stateDot[state])} />
            {machineStateLabel[state]}
          </span>
          <span data-slot="machine-connection" className="flex items-center gap-1.5 text-foreground-muted">
            <span
              aria-hidden="true"
              className={cn(
                'size-2 rounded-full',
                connectionDot[connection],
                connection !== 'online' && 'rounded-[1px]',
              )}
            />
            {connectionText(connection, lastSeenAt, now)}
          </span>
          {queuedCommands > 0 ? (
            <span data-slot="machine-queued" className="flex items-center gap-1.5 text-foreground-muted">
              <SyncDot state="pending" aria-hidden="true" />
              {queuedCommands} {queuedCommands === 1 ? 'command' : 'commands'} queued
            </span>
          ) : null}
        </div>
      </header>

      {cycle && progress ? (
        <div data-slot="machine-cycle" className="flex items-center gap-3">
          <ProgressRing
            value={Math.round(progress.percent)}
            size={52}
            tone={ringTone[state]}
            aria-label={`${cycle.program} cycle progress`}
            aria-valuetext={`${Math.round(progress.percent)}%, ${describeCountdown(progress.remainingMs)} left`}
          />
          <div className="min-w-0 text-sm">
            <p className="truncate font-medium">{cycle.program}</p>
            <p className="text-foreground-muted text-xs">
              {state === 'done' || progress.remainingMs <= 0 ? (
                'Cycle complete'
              ) : (
                <>
                  <time
                    data-slot="machine-countdown"
                    dateTime={`PT${Math.ceil(progress.remainingMs / 1000)}S`}
                    className="font-mono text-foreground tabular-nums"
                  >
                    {formatCountdown(progress.remainingMs)}
                  </time>{' '}
                  {state === 'paused' ? 'left, paused' : 'left'}
                </>
              )}
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
              <dt className="truncate text-foreground-muted text-xs">{item.label}</dt>
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
                    tone={state === 'error' ? 'error' : 'primary'}
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
