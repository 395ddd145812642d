// The replication contract has one home (@syncline/protocol): the operations every Syncline client sends are valid
// against the schema this server serves, for the control center's collections and a team's own alike, and their
// names match what the server's resolvers answer under.
import { controlCenterSchemas } from '@syncline/domain';
import { collectionOperations, operationNames } from '@syncline/protocol';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { replicationTypeDefs } from '../src/graphql-schema.js';
import { testCollections } from './helpers.js';

const schemas = { ...controlCenterSchemas, ...testCollections };
const served = buildSchema(replicationTypeDefs(defineCollections(schemas)));

describe('the contract’s operations against the served schema', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`pull, push and stream of "${name}" validate, and name the served fields`, () => {
      const operations = collectionOperations(name, schema);
      for (const text of [operations.pull, operations.pullCounting, operations.push, operations.stream]) {
        expect(validate(served, parse(text)).map((error) => error.message)).toEqual([]);
      }
      const names = operationNames(name);
      expect(served.getQueryType()?.getFields()).toHaveProperty(names.pullField);
      expect(
        served
          .getMutationType()
          ?.getFields()
          [names.pushField]?.args.map((arg) => arg.name),
      ).toEqual([names.pushVariable]);
      expect(served.getSubscriptionType()?.getFields()).toHaveProperty(names.streamField);
      expect(served.getType(names.pullBulkType)).toBeDefined();
      expect(served.getType(names.checkpointInputType)).toBeDefined();
      expect(served.getType(names.pushRowInputType)).toBeDefined();
      expect(served.getType(names.headersInputType)).toBeDefined();
    });
  }
});
