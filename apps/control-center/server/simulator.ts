// The machine simulator: acts like the shop's machines would, through the sync server. Each tick it
// reports telemetry and a heartbeat, runs cycles to completion, honours operators' commands (a machine
// an operator paused stays paused) and now and then raises an alarm. Operators' changes win: a push that
// conflicts adopts the server's state and applies the machine's own changes on top at the next tick. A command
// counts as carried out only once its machine took the change: on a conflict it waits for the next tick.
import {
  alarmSeverities,
  commandSchema,
  type Machine,
  type MachineAlarm,
  type MachineCommand,
  machineSchema,
} from '@syncline/domain';
import type { PushRow, SyncClient } from './graphql-client';

export interface SimulatorOptions {
  client: SyncClient;
  /** milliseconds between ticks */
  interval?: number;
  /** machines that never report, so the stale/offline states are visible */
  silentMachines?: number;
  random?: () => number;
  now?: () => number;
  /** the chance, each tick, that a running machine with no open alarm raises one by itself (default 0.002) */
  alarmChance?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_ALARM_CHANCE = 0.002;

const alarmCatalogue: ReadonlyArray<Pick<MachineAlarm, 'code' | 'message' | 'severity'>> = [
  { code: 'E-DOOR', severity: 'warning', message: 'Door not locked' },
  { code: 'E-VIBR', severity: 'minor', message: 'Drum imbalance detected' },
  { code: 'E-DRAIN', severity: 'major', message: 'Drain pump blocked' },
  { code: 'E-TEMP', severity: 'critical', message: 'Heater over temperature' },
];

const programs: Record<string, string[]> = {
  washer: ['Cotton 60°', 'Delicates 30°', 'Wool 40°'],
  dryer: ['Cotton dry', 'Low heat'],
  ironer: ['Linen press'],
  folder: ['Towel fold'],
};

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export type AlarmCode = 'E-DOOR' | 'E-VIBR' | 'E-DRAIN' | 'E-TEMP';
const alarmKinds = alarmCatalogue.map((alarm) => alarm.code as AlarmCode);

/** The machine with a new alarm of that kind; the most severe kind stops the machine with an error. */
export function raiseAlarm(machine: Machine, code: AlarmCode, now: number): Machine {
  const kind = alarmCatalogue.find((alarm) => alarm.code === code) ?? alarmCatalogue[0];
  if (!kind) return machine;
  const next = structuredClone(machine);
  next.alarms = [...next.alarms.slice(-4), { id: `alm-${next.id}-${now}`, raisedAt: now, ...kind }];
  if (kind.severity === alarmSeverities[alarmSeverities.length - 1]) next.state = 'error';
  return next;
}

/** The next state of one machine after `elapsed` ms, as the machine itself would report it. */
export function stepMachine(
  machine: Machine,
  now: number,
  random: () => number,
  alarmChance = DEFAULT_ALARM_CHANCE,
): Machine {
  const next: Machine = structuredClone(machine);
  // Reports are not edits: `editedAt` (which the `latest` merge rule compares) stays the last person's edit,
  // so an operator's command queued offline still wins over the machine's own reports when it syncs.
  next.lastSeenAt = now;
  const cycle = next.currentCycle;
  const active = next.state === 'running';

  if (next.state === 'running' && !cycle) {
    const list = programs[next.kind] ?? ['Standard'];
    next.currentCycle = {
      program: list[Math.floor(random() * list.length)] ?? 'Standard',
      startedAt: now,
      durationSec: 120 + Math.floor(random() * 480),
    };
  } else if (active && cycle && now >= cycle.startedAt + cycle.durationSec * 1000) {
    next.state = 'done';
    next.cycleCount += 1;
  } else if (next.state === 'done' && random() < 0.2) {
    next.state = 'idle';
    delete next.currentCycle;
  } else if (next.state === 'idle' && random() < 0.05) {
    next.state = 'running';
  }

  const heating = next.kind === 'washer' || next.kind === 'dryer' || next.kind === 'ironer';
  next.telemetry = active
    ? {
        temperatureC: round((heating ? 55 : 24) + (random() - 0.5) * 6),
        drumRpm:
          next.kind === 'washer'
            ? 800 + Math.floor(random() * 600)
            : next.kind === 'dryer'
              ? 50 + Math.floor(random() * 10)
              : 0,
        powerKw: round((heating ? 2.2 : 0.6) + random() * 0.8, 2),
      }
    : { temperatureC: round(22 + random() * 2), drumRpm: 0, powerKw: round(0.05 + random() * 0.05, 2) };

  const open = next.alarms.filter((alarm) => !alarm.acknowledgedAt);
  if (active && open.length === 0 && random() < alarmChance) {
    return raiseAlarm(next, alarmKinds[Math.floor(random() * alarmKinds.length)] ?? 'E-DOOR', now);
  }
  return next;
}

/** What a machine does with an operator's command: its next state, and the command's outcome. */
export function applyCommand(
  machine: Machine,
  command: MachineCommand,
  now: number,
): { machine: Machine; status: 'done' | 'failed'; result: string } {
  const next: Machine = structuredClone(machine);
  const refuse = (why: string) => ({ machine, status: 'failed' as const, result: why });
  switch (command.action) {
    case 'start':
      if (machine.state !== 'idle' && machine.state !== 'done')
        return refuse(`Cannot start: the machine is ${machine.state}.`);
      next.state = 'running';
      next.currentCycle = {
        program: command.program ?? programs[machine.kind]?.[0] ?? 'Standard',
        startedAt: now,
        durationSec: 300,
      };
      break;
    case 'pause':
      if (machine.state !== 'running') return refuse(`Cannot pause: the machine is ${machine.state}.`);
      next.state = 'paused';
      break;
    case 'resume':
      if (machine.state !== 'paused') return refuse(`Cannot resume: the machine is ${machine.state}.`);
      next.state = 'running';
      break;
    case 'stop':
      if (machine.state !== 'running' && machine.state !== 'paused' && machine.state !== 'error') {
        return refuse(`Nothing to stop: the machine is ${machine.state}.`);
      }
      next.state = 'idle';
      delete next.currentCycle;
      break;
    case 'startMaintenance':
      next.state = 'maintenance';
      delete next.currentCycle;
      break;
    case 'endMaintenance':
      if (machine.state !== 'maintenance') return refuse('The machine is not in maintenance.');
      next.state = 'idle';
      break;
    case 'acknowledgeAlarm':
      next.alarms = machine.alarms.map((alarm) =>
        alarm.id === command.alarmId ? { ...alarm, acknowledgedAt: now } : alarm,
      );
      break;
  }
  return { machine: next, status: 'done', result: `${command.action} carried out` };
}

/** Starts the simulator; returns a function that stops it. */
export interface MachineSimulator {
  /** Raises an alarm on a machine at the next tick, as the machine itself would report it. */
  raiseAlarm(machineId: string, code: AlarmCode): void;
  /** Runs one tick now (as the timer would); resolves when it is done. */
  tick(): Promise<void>;
  stop(): void;
}

export async function startMachineSimulator(options: SimulatorOptions): Promise<MachineSimulator> {
  const { client, interval = 2_000, silentMachines = 2, random = Math.random, now = Date.now, alarmChance } = options;
  const known = new Map<string, Machine>();
  for (const machine of await client.pullAll<Machine>('machines', machineSchema)) known.set(machine.id, machine);
  const reporting = [...known.keys()].sort().slice(silentMachines);

  let commandCheckpoint: unknown = null;
  /** queued commands pulled from the server and not carried out yet, by id */
  const waiting = new Map<string, MachineCommand>();
  /** outcomes of carried-out commands whose report has not reached the server yet */
  let unreported: Array<PushRow<MachineCommand>> = [];
  const requestedAlarms = new Map<string, AlarmCode>();
  let running = true;
  let busy = false;

  /** Pulls the commands queued since the last tick (a newer version of a waiting command replaces it). */
  const pullCommands = async () => {
    const page = await client.pullSince<MachineCommand>('commands', commandSchema, commandCheckpoint);
    commandCheckpoint = page.checkpoint;
    for (const command of page.documents) {
      const { _deleted, ...stored } = command;
      if (_deleted || stored.status !== 'queued') waiting.delete(command.id);
      else waiting.set(command.id, stored);
    }
  };

  /** Applies the waiting commands in order: the machines they change, and each command's outcome. */
  const applyWaiting = (at: number) => {
    const changed = new Map<string, Machine>();
    const outcomes: Array<{ command: MachineCommand; row: PushRow<MachineCommand> }> = [];
    for (const command of waiting.values()) {
      const machine = changed.get(command.machineId) ?? known.get(command.machineId);
      if (!machine) continue;
      const outcome = applyCommand(machine, command, at);
      if (outcome.status === 'done') changed.set(machine.id, outcome.machine);
      const row = {
        assumedMasterState: { ...command, _deleted: false },
        newDocumentState: {
          ...command,
          status: outcome.status,
          result: outcome.result,
          completedAt: at,
          _deleted: false,
        },
      };
      outcomes.push({ command, row });
    }
    return { changed, outcomes };
  };

  const tick = async () => {
    if (!running || busy) return;
    busy = true;
    try {
      const at = now();
      await pullCommands();
      const { changed: commanded, outcomes } = applyWaiting(at);
      // the alarms this tick raises: one requested while its push is on the way waits for the next tick
      const raising = new Map(requestedAlarms);
      const ids = new Set([...reporting, ...commanded.keys(), ...raising.keys()]);
      const rows = [...ids].flatMap((id) => {
        const master = known.get(id);
        if (!master) return [];
        const base = commanded.get(id) ?? master;
        const stepped = reporting.includes(id) ? stepMachine(base, at, random, alarmChance) : base;
        const alarm = raising.get(id);
        const next = alarm ? raiseAlarm(stepped, alarm, at) : stepped;
        return [{ assumedMasterState: { ...master, _deleted: false }, newDocumentState: { ...next, _deleted: false } }];
      });
      const conflicts = await client.push('machines', machineSchema, rows);
      const conflicted = new Set(conflicts.map((doc) => doc.id as string));
      for (const row of rows) {
        if (conflicted.has(row.newDocumentState.id)) continue;
        const id = row.newDocumentState.id;
        known.set(id, withoutDeleted(row.newDocumentState));
        if (raising.has(id) && requestedAlarms.get(id) === raising.get(id)) requestedAlarms.delete(id);
      }
      for (const doc of conflicts) known.set(doc.id as string, withoutDeleted(doc as Machine & { _deleted?: boolean }));
      // a command is carried out once its machine took the change; on a machine whose push conflicted (an
      // operator changed it meanwhile) the command waits and is applied to the newer state at the next tick
      for (const { command, row } of outcomes) {
        if (conflicted.has(command.machineId)) continue;
        waiting.delete(command.id);
        unreported.push(row);
      }
      const report = unreported;
      unreported = [];
      try {
        await client.push('commands', commandSchema, report);
      } catch (error) {
        unreported = [...report, ...unreported];
        throw error;
      }
    } catch (error) {
      options.onError?.(error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, interval);
  return {
    raiseAlarm: (machineId, code) => {
      requestedAlarms.set(machineId, code);
    },
    tick,
    stop: () => {
      running = false;
      clearInterval(timer);
    },
  };
}

function withoutDeleted<T extends { _deleted?: boolean }>(doc: T): Machine {
  const { _deleted, ...rest } = doc;
  return rest as unknown as Machine;
}
