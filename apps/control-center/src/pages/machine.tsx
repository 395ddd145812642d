// One machine: its card (state, freshness, cycle, quick actions), live telemetry charts with a text summary each, its
// alarms, open and acknowledged, most severe first, with Acknowledge in place, and its cycle history: the cycle
// running now, the count run since installation, and the commands operators gave it with what the machine answered;
// and its photos (a dented door, a leak), taken here and uploaded beside sync.

import { useCan, useDocument, useLiveQuery, usePending } from '@syncline/data';
import type { Location, Machine, MachineCommand } from '@syncline/domain';
import { Button, Card, CardContent, CardHeader, CardTitle, EmptyState, Sparkline } from '@syncline/ui';
import { AlarmChip, MachineCard, sortAlarms } from '@syncline/ui/machine';
import { useNow } from '@syncline/ui/sync';
import { Link, useParams } from 'react-router';
import { PhotosSection } from '../components/photos-section';
import { formatDateTime } from '../lib/format';
import {
  locationName,
  machineCardItem,
  machineKindLabel,
  telemetryFields,
  useMachineDataAsOf,
  useTelemetryHistory,
} from '../lib/machine-view';
import { acknowledgeAlarm, sendMachineCommand } from '../lib/machines';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

const NO_MACHINES: Machine[] = [];

const commandLabel: Record<MachineCommand['action'], string> = {
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  acknowledgeAlarm: 'Acknowledge alarm',
  startMaintenance: 'Start maintenance',
  endMaintenance: 'End maintenance',
};

/** One chart per telemetry value: the line is an image, its summary (latest, low, high) is text beside it. */
function TelemetryCharts({ machine, values }: { machine: Machine; values: Partial<Record<string, number[]>> }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-3">
      {telemetryFields.map(({ key, label, unit }) => {
        const readings = values[key] ?? [machine.telemetry[key]];
        return (
          <li key={key} className="flex min-w-0 flex-col gap-1">
            <span className="text-foreground-muted text-xs">{label}</span>
            <span className="font-medium font-mono text-lg tabular-nums">
              {machine.telemetry[key]} <span className="text-foreground-muted text-xs">{unit}</span>
            </span>
            <Sparkline
              values={readings}
              label={`${label} (${unit}), last ${readings.length} ${readings.length === 1 ? 'report' : 'reports'}`}
              width={240}
              height={56}
              area
              className="max-w-full"
            />
            <span className="text-foreground-muted text-xs">
              low {Math.min(...readings)} · high {Math.max(...readings)} · {readings.length}{' '}
              {readings.length === 1 ? 'report' : 'reports'} seen here
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function CycleHistory({ machine, commands }: { machine: Machine; commands: readonly MachineCommand[] }) {
  const cycle = machine.currentCycle;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>
        {cycle
          ? `Now: ${cycle.program}, started ${formatDateTime(cycle.startedAt)}, ${Math.round(cycle.durationSec / 60)} min long.`
          : 'No cycle running now.'}{' '}
        {machine.cycleCount.toLocaleString()} cycles run since installation.
      </p>
      {commands.length === 0 ? (
        <p className="text-foreground-muted">No commands given to this machine yet.</p>
      ) : (
        <ol aria-label="Commands given" className="flex flex-col divide-y divide-border-subtle">
          {commands.map((command) => (
            <li key={command.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
              <span className="font-medium">
                {commandLabel[command.action]}
                {command.program ? ` · ${command.program}` : ''}
              </span>
              <span className="text-foreground-muted text-xs">
                {formatDateTime(command.requestedAt)} by {command.requestedBy} · {command.status}
                {command.result ? ` · ${command.result}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function MachinePage() {
  const { machineId = '' } = useParams();
  const { doc: machine, loading } = useDocument<Machine>('machines', machineId);
  const { docs: locations } = useLiveQuery<Location>('locations');
  const { docs: commands } = useLiveQuery<MachineCommand>('commands', {
    selector: { machineId },
    sort: [{ requestedAt: 'desc' }],
  });
  const pending = usePending();
  const write = useWriteContext();
  const machines = machine ? [machine] : NO_MACHINES;
  const history = useTelemetryHistory(machines);
  const dataAsOf = useMachineDataAsOf(machines);
  const canCommand = useCan('commands');
  const canChangeMachines = useCan('machines');
  const now = useNow(undefined, 1000);

  if (!machine) {
    return loading ? null : (
      <EmptyState
        title="No such machine on this device"
        description="It may not have synced here yet."
        action={<Link to="/machines">Back to machines</Link>}
      />
    );
  }
  const unsent = new Set(pending.filter((record) => record.collectionName === 'commands').map((r) => r.documentId));
  const { id: _machineId, ...card } = machineCardItem(machine, {
    locations,
    history,
    queuedCommands: commands.filter((command) => command.status === 'queued' && unsent.has(command.id)).length,
  });
  const onAcknowledge = canChangeMachines('update')
    ? (alarmId: string) => void acknowledgeAlarm(write, machine.id, alarmId)
    : undefined;
  const alarms = sortAlarms(machine.alarms);

  return (
    <>
      <PageHeader
        title={machine.name}
        description={`${machineKindLabel(machine.kind)} · ${locationName(locations, machine.location)}`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link to="/machines">All machines</Link>
          </Button>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <MachineCard
          {...card}
          dataAsOf={dataAsOf}
          onCommand={canCommand('create') ? (command) => void sendMachineCommand(write, machine, command) : undefined}
          onAcknowledgeAlarm={onAcknowledge}
        />
        <Section title="Telemetry">
          <TelemetryCharts machine={machine} values={history.get(machine.id) ?? {}} />
        </Section>
        <Section title="Alarm history">
          {alarms.length === 0 ? (
            <p className="text-foreground-muted text-sm">No alarms recorded.</p>
          ) : (
            <ul aria-label="Alarm history" className="flex flex-col gap-2">
              {alarms.map((alarm) => (
                <li key={alarm.id} className="flex flex-col gap-1">
                  <AlarmChip alarm={alarm} now={now} onAcknowledge={onAcknowledge} />
                  <span className="text-foreground-muted text-xs">
                    Raised {formatDateTime(alarm.raisedAt)}
                    {alarm.acknowledgedAt ? ` · acknowledged ${formatDateTime(alarm.acknowledgedAt)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Cycle history">
          <CycleHistory machine={machine} commands={commands} />
        </Section>
        <Section title="Photos">
          <PhotosSection collection="machines" documentId={machine.id} photos={machine.attachments} />
        </Section>
      </div>
    </>
  );
}
