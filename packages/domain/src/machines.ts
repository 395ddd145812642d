// Washers, dryers and the rest of the floor: what each machine is doing, how it feels, and what it complains about.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import {
  type ExtractDocumentTypeFromTypedRxJsonSchema,
  type MigrationStrategies,
  type RxJsonSchema,
  toTypedRxJsonSchema,
} from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { photoFiles, photosProperty, withFiles } from './photos';
import { managers, staff, withPermissions } from './roles';

export const machineKinds = ['washer', 'dryer', 'ironer', 'folder'] as const;
export type MachineKind = (typeof machineKinds)[number];

export const machineStates = ['idle', 'running', 'paused', 'done', 'error', 'maintenance'] as const;
export type MachineState = (typeof machineStates)[number];

/** Alarm severities, least to most severe (the tokens' alarm-* colours use the same names). */
export const alarmSeverities = ['warning', 'minor', 'major', 'critical'] as const;
export type AlarmSeverity = (typeof alarmSeverities)[number];

const machineSchemaLiteral = {
  title: 'machines',
  description: 'A machine on the shop floor',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: { type: 'string' },
    kind: { type: 'string', enum: [...machineKinds] },
    location: { type: 'string', maxLength: 100 },
    /** last telemetry heartbeat from the machine itself */
    lastSeenAt: timestampField,
    state: { type: 'string', enum: [...machineStates] },
    currentCycle: {
      type: 'object',
      properties: {
        program: { type: 'string' },
        orderId: { type: 'string' },
        startedAt: timestampField,
        durationSec: { type: 'integer', minimum: 0 },
      },
      required: ['program', 'startedAt', 'durationSec'],
    },
    telemetry: {
      type: 'object',
      properties: {
        temperatureC: { type: 'number' },
        drumRpm: { type: 'integer', minimum: 0 },
        powerKw: { type: 'number', minimum: 0 },
      },
      required: ['temperatureC', 'drumRpm', 'powerKw'],
    },
    alarms: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          severity: { type: 'string', enum: [...alarmSeverities] },
          code: { type: 'string' },
          message: { type: 'string' },
          raisedAt: timestampField,
          acknowledgedAt: timestampField,
        },
        required: ['id', 'severity', 'code', 'message', 'raisedAt'],
      },
    },
    /** cycles run since installation: a counter */
    cycleCount: { type: 'integer', minimum: 0 },
    notes: { type: 'string' },
    /** photos of the machine (a dented door, a leak): their names and sizes sync here, their bytes over the file routes */
    attachments: photosProperty,
    ...clockFields,
  },
  required: ['id', 'name', 'kind', 'location', 'state', 'telemetry', 'alarms', 'cycleCount', 'lastSeenAt'],
  indexes: ['location'],
  additionalProperties: false,
} as const;

const machineSchemaTyped = toTypedRxJsonSchema(machineSchemaLiteral);
export type Machine = ExtractDocumentTypeFromTypedRxJsonSchema<typeof machineSchemaTyped>;
export type MachineAlarm = Machine['alarms'][number];
/** Managers add and remove machines; staff run them (alarms, notes); a viewer watches. */
export const machinePermissions: CollectionPermissions = {
  read: '*',
  create: managers,
  update: staff,
  delete: managers,
};
export const machineSchema: RxJsonSchema<Machine> = withFiles(
  withPermissions(machineSchemaLiteral, machinePermissions),
  photoFiles,
);

/** Stored machines moving up a schema version: version 1 added the optional photos, so a machine stays as it is. */
export const machineMigrations: MigrationStrategies = {
  1: (machine: Machine) => machine,
};

export const machineMergeRules: MergeRules = {
  fields: {
    name: 'manual',
    notes: 'manual',
    lastSeenAt: 'max',
    cycleCount: 'max',
    alarms: 'union',
    // photos merge by id: one added on each device both stay, one removed on one device goes
    attachments: 'union',
    editedAt: 'max',
    state: 'latest',
    currentCycle: 'latest',
    telemetry: 'latest',
  },
  fallback: 'latest',
};
