// Typed access to the control center's collections from inside the provider.
import { useSyncline } from '@syncline/data';
import type { ControlCenterDatabase } from './router';

export function useDatabase(): ControlCenterDatabase {
  return useSyncline().database as unknown as ControlCenterDatabase;
}
