// A product team's own collection for the suites that need one, and the server's stricter copy of it: a title
// the devices accept but the server refuses, so a refused row can be made on purpose.
import type { RxJsonSchema } from 'rxdb';

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
