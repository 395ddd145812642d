// What every write needs: the database, who is writing, and whether the server is reachable.
import { useSyncStatus } from '@syncline/data';
import type { WriteContext } from '../lib/orders';
import { useDatabase } from '../runtime/database';
import { useSession } from '../runtime/session-context';

export function useWriteContext(): WriteContext {
  const database = useDatabase();
  const { session } = useSession();
  const online = useSyncStatus((s) => s.connection === 'online');
  return { database, actor: session.user, online };
}
