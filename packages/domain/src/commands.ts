// Commands an operator sends to a machine (start a cycle, pause, acknowledge an alarm...). A command is a document:
// written locally at once, queued while offline (its sync state is the machine card's "queued" dot), carried out
// by the shop's machine bridge, which moves its status along and writes the result.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { managers, staff, withPermissions } from './roles';

export const commandActions = [
  'start',
  'pause',
  'resume',
  'stop',
  'acknowledgeAlarm',
  'startMaintenance',
  'endMaintenance',
] as const;
export type CommandAction = (typeof commandActions)[number];

/** queued (written by an operator) -> accepted (the machine took it) -> done or failed. */
export const commandStatusFlow = ['queued', 'accepted', 'failed', 'done'] as const;
export type CommandStatus = (typeof commandStatusFlow)[number];

const commandSchemaLiteral = {
  title: 'commands',
  description: 'An operator command for a machine',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    machineId: idField,
    action: { type: 'string', enum: [...commandActions] },
    /** for `start`: the program to run */
    program: { type: 'string' },
    /** for `acknowledgeAlarm`: which alarm */
    alarmId: { type: 'string' },
    status: { type: 'string', enum: [...commandStatusFlow] },
    requestedBy: { type: 'string' },
    requestedAt: timestampField,
    completedAt: timestampField,
    /** what the machine answered, in words an operator can act on */
    result: { type: 'string' },
    ...clockFields,
  },
  required: ['id', 'machineId', 'action', 'status', 'requestedBy', 'requestedAt'],
  indexes: ['machineId'],
  additionalProperties: false,
} as const;

const commandSchemaTyped = toTypedRxJsonSchema(commandSchemaLiteral);
export type MachineCommand = ExtractDocumentTypeFromTypedRxJsonSchema<typeof commandSchemaTyped>;
/** Staff send machines commands; a viewer sends none. */
export const commandPermissions: CollectionPermissions = {
  read: '*',
  create: staff,
  update: staff,
  delete: managers,
};
export const commandSchema: RxJsonSchema<MachineCommand> = withPermissions(commandSchemaLiteral, commandPermissions);

export const commandMergeRules: MergeRules = {
  fields: {
    status: { rule: 'progression', order: commandStatusFlow },
    completedAt: 'max',
    result: 'server',
    editedAt: 'max',
  },
  fallback: 'latest',
};
