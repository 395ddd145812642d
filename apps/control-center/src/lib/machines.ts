// Operator actions on machines: commands are documents (queued on this device while offline, carried out
// by the machine when they reach it); acknowledging an alarm is recorded on the machine at once.
import type { CommandAction, Machine } from '@syncline/domain';
import { toast } from '@syncline/ui';
import type { MachineCommand as CardCommand } from '@syncline/ui/machine';
import type { WriteContext } from './orders';
import { recordId } from './record-id';

/** The card's quick action, as the command the machine understands in its current state. */
export function commandAction(command: CardCommand, machine: Machine): CommandAction {
  switch (command) {
    case 'start':
      return machine.state === 'paused' ? 'resume' : 'start';
    case 'pause':
      return 'pause';
    case 'stop':
      return 'stop';
    case 'maintenance':
      return machine.state === 'maintenance' ? 'endMaintenance' : 'startMaintenance';
  }
}

export async function sendMachineCommand(
  { database, actor, online }: WriteContext,
  machine: Machine,
  command: CardCommand,
) {
  const now = Date.now();
  const action = commandAction(command, machine);
  await database.commands.insert({
    id: recordId('cmd', now),
    machineId: machine.id,
    action,
    status: 'queued',
    requestedBy: actor,
    requestedAt: now,
  });
  toast(`${machine.name}: ${command} sent`, {
    description: online
      ? 'The machine will carry it out shortly.'
      : 'Queued on this device; it reaches the machine when you reconnect.',
  });
}

export async function acknowledgeAlarm({ database, online }: WriteContext, machineId: string, alarmId: string) {
  const doc = await database.machines.findOne(machineId).exec();
  if (!doc) return;
  const acknowledgedAt = Date.now();
  await doc.incrementalModify((machine) => ({
    ...machine,
    alarms: machine.alarms.map((alarm) => (alarm.id === alarmId ? { ...alarm, acknowledgedAt } : alarm)),
  }));
  toast.success('Alarm acknowledged', {
    description: online ? undefined : 'Saved on this device; it syncs when you reconnect.',
  });
}
