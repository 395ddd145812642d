// The floor at a glance: machine cards in a responsive grid, with a one-line count of what needs attention (a
// machine whose data is not fresh counts as not reporting, never as running). One card can be the one someone came
// for (a search, a link): it is scrolled into view, focused and outlined.
import { useEffect, useRef } from 'react';
import { cn } from '../../lib/cn';
import type { Moment } from '../../sync/lib/relative-time';
import { useNow } from '../../sync/lib/use-now';
import { MachineCard, type MachineCardProps } from '../machine-card/machine-card';
import { type MachineCommand, machineFreshness, topAlarm } from '../machine-status';

export type MachineGridItem = Omit<
  MachineCardProps,
  'now' | 'dataAsOf' | 'renderName' | 'onCommand' | 'onAcknowledgeAlarm'
> & { id: string };

export type MachineGridProps = Omit<React.ComponentProps<'section'>, 'children'> & {
  machines: readonly MachineGridItem[];
  now?: Moment;
  /** Set while this device is offline: when its data was last current. Every card says "as of …". */
  dataAsOf?: Moment | null;
  /** A machine's name as a link to its page. */
  renderName?: (machineId: string, name: string) => React.ReactNode;
  onCommand?: (machineId: string, command: MachineCommand) => void;
  onAcknowledgeAlarm?: (machineId: string, alarmId: string) => void;
  /** Names the grid for assistive technology, e.g. "Floor 1 machines". */
  label?: string;
  /** The machine someone asked for: its card is scrolled to, focused and outlined. */
  highlightedId?: string;
};

export function MachineGrid({
  machines,
  now: fixedNow,
  dataAsOf,
  renderName,
  onCommand,
  onAcknowledgeAlarm,
  label = 'Machines',
  highlightedId,
  className,
  ...props
}: MachineGridProps) {
  const alarmed = machines.filter((machine) => {
    const alarm = topAlarm(machine.alarms);
    return alarm && alarm.acknowledgedAt == null;
  }).length;
  /** Running counts only machines whose data is fresh: one silent for 17 minutes may long have stopped. */
  const summaryAt = (time: number) => {
    let running = 0;
    let unreachable = 0;
    for (const machine of machines) {
      const { connection } = machineFreshness({
        lastSeenAt: machine.lastSeenAt,
        now: time,
        dataAsOf,
        connection: machine.connection,
        staleAfterMs: machine.staleAfterMs,
        offlineAfterMs: machine.offlineAfterMs,
      });
      if (connection !== 'online') unreachable += 1;
      else if (machine.state === 'running') running += 1;
    }
    return `${machines.length} ${machines.length === 1 ? 'machine' : 'machines'} · ${running} running · ${alarmed} with open alarms · ${unreachable} not reporting`;
  };
  // The summary re-renders when a count changes; each card keeps its own clock (one shared timer keeps them in
  // step), so a countdown ticking on one card does not re-render the whole floor.
  const now = useNow(fixedNow, 1000, summaryAt);
  const highlighted = useRef<HTMLElement>(null);
  const found = machines.some((machine) => machine.id === highlightedId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: again for another machine asked for, or once its card is there
  useEffect(() => {
    // the machines may arrive after the grid
    if (!found) return;
    highlighted.current?.scrollIntoView({ block: 'center' });
    highlighted.current?.focus({ preventScroll: true });
  }, [highlightedId, found]);
  return (
    <section data-slot="machine-grid" aria-label={label} className={cn('grid gap-3', className)} {...props}>
      <p data-slot="machine-grid-summary" className="text-foreground-muted text-sm">
        {summaryAt(now)}
      </p>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-3">
        {machines.map(({ id, ...machine }) => (
          <li key={id} className="grid">
            <MachineCard
              {...machine}
              now={fixedNow}
              dataAsOf={dataAsOf}
              highlighted={id === highlightedId}
              ref={id === highlightedId ? highlighted : undefined}
              renderName={renderName ? (name) => renderName(id, name) : undefined}
              onCommand={onCommand ? (command) => onCommand(id, command) : undefined}
              onAcknowledgeAlarm={onAcknowledgeAlarm ? (alarmId) => onAcknowledgeAlarm(id, alarmId) : undefined}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
