// A fresh in-memory database of the control center's collections (or some of them) for a test with no server:
// the domain's merge rules and migrations, a random name, one tab.
import { controlCenterMergeRules, controlCenterMigrations, controlCenterSchemas } from '@syncline/domain';
import { type CreateSynclineDatabaseOptions, createSynclineDatabase, type SchemaMap } from '../src';

export function openLocalDatabase<S extends SchemaMap = typeof controlCenterSchemas>(
  prefix: string,
  collections: S = controlCenterSchemas as unknown as S,
  storage?: CreateSynclineDatabaseOptions<S>['storage'],
) {
  // the domain's rules and migrations are by collection name: a map of some collections takes those it names
  const options = {
    name: `${prefix}${Math.random().toString(36).slice(2, 8)}`,
    collections,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
    multiInstance: false,
    storage,
  } as CreateSynclineDatabaseOptions<S>;
  return createSynclineDatabase(options);
}
