// The control center's RxDB schemas, merge rules and demo data generator.

import type { MergeRules } from '@syncline/protocol';
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { commandMergeRules, commandSchema, type MachineCommand } from './commands';
import { type Customer, customerMergeRules, customerSchema } from './customers';
import { type Location, locationMergeRules, locationSchema } from './locations';
import { type Machine, machineMergeRules, machineMigrations, machineSchema } from './machines';
import { type Order, orderMergeRules, orderMigrations, orderSchema } from './orders';
import { type Service, serviceMergeRules, serviceSchema } from './services';
import {
  controlCenterPriorities,
  controlCenterReferences,
  controlCenterScopes,
  withSyncOptions,
} from './sync-priorities';
import { type SavedView, viewMergeRules, viewSchema } from './views';

export type { ByIdMergeRule, FieldMergeRule, MergeRules } from '@syncline/protocol';
export * from './commands';
export * from './customers';
export * from './demo-data';
export * from './fields';
export * from './figures';
export * from './locations';
export * from './machines';
export * from './orders';
export * from './photos';
export * from './reports';
export * from './roles';
export * from './services';
export * from './sync-priorities';
export * from './views';

/** The documents of each control center collection, by collection name. */
export interface ControlCenterDocuments {
  orders: Order;
  machines: Machine;
  customers: Customer;
  locations: Location;
  commands: MachineCommand;
  services: Service;
  views: SavedView;
}

export type ControlCenterCollectionName = keyof ControlCenterDocuments;

/** Collection name -> RxDB JSON schema: the server's default collections and the control center's database. */
export const controlCenterSchemas: { [K in ControlCenterCollectionName]: RxJsonSchema<ControlCenterDocuments[K]> } = {
  orders: withSyncOptions(orderSchema, {
    priority: controlCenterPriorities.orders,
    references: controlCenterReferences.orders,
    scope: controlCenterScopes.orders,
  }),
  machines: withSyncOptions(machineSchema, {
    priority: controlCenterPriorities.machines,
    scope: controlCenterScopes.machines,
  }),
  customers: withSyncOptions(customerSchema, { priority: controlCenterPriorities.customers }),
  locations: withSyncOptions(locationSchema, { priority: controlCenterPriorities.locations }),
  commands: withSyncOptions(commandSchema, {
    priority: controlCenterPriorities.commands,
    references: controlCenterReferences.commands,
  }),
  services: withSyncOptions(serviceSchema, { priority: controlCenterPriorities.services }),
  views: withSyncOptions(viewSchema, { priority: controlCenterPriorities.views }),
};

/** Collection name -> per-field merge rules, applied by @syncline/data's conflict handler. */
export const controlCenterMergeRules: Record<ControlCenterCollectionName, MergeRules> = {
  orders: orderMergeRules,
  machines: machineMergeRules,
  customers: customerMergeRules,
  locations: locationMergeRules,
  commands: commandMergeRules,
  services: serviceMergeRules,
  views: viewMergeRules,
};

/** Collection name -> how documents stored at an earlier schema version move up (collections still at 0 have none). */
export const controlCenterMigrations: Partial<Record<ControlCenterCollectionName, MigrationStrategies>> = {
  orders: orderMigrations,
  machines: machineMigrations,
};
