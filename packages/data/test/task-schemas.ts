// A product team's own collection for the suites that need one, the server's stricter copy of it (a title the
// devices accept but the server refuses, so a refused row can be made on purpose), and its next schema version
// with the migration an updated app ships.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';

export interface Task {
  id: string;
  title: string;
  done: boolean;
  updatedAt?: number;
}

export const taskSchema: RxJsonSchema<Task> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    title: { type: 'string' },
    done: { type: 'boolean' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'title', 'done'],
};

/** The server is stricter than the devices: titles of at most 20 characters. */
export const serverTaskSchema: RxJsonSchema<Task> = {
  ...taskSchema,
  properties: { ...taskSchema.properties, title: { type: 'string', maxLength: 20 } },
};

export type TaskV1 = Task & { priority: number };

/** Version 1 of tasks: a `priority` added. */
export const taskSchemaV1 = {
  ...taskSchema,
  version: 1,
  properties: { ...taskSchema.properties, priority: { type: 'integer', minimum: 0, maximum: 3 } },
} as RxJsonSchema<TaskV1>;

/** How a version 0 task moves up: it gets the middle priority. */
export const taskMigrationsV1: MigrationStrategies = { 1: (task: Task): TaskV1 => ({ ...task, priority: 1 }) };
