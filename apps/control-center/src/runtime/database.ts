// The control center's database type, and typed access to its collections from inside the provider.
import { type SynclineDatabase, useSyncline } from '@syncline/data';
import type { controlCenterSchemas } from '@syncline/domain';

export type ControlCenterDatabase = SynclineDatabase<typeof controlCenterSchemas>;

export function useDatabase(): ControlCenterDatabase {
  return useSyncline().database as unknown as ControlCenterDatabase;
}
