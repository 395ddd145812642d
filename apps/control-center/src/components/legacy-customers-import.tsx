// Imports the previous app's customers in the background, without anyone doing anything: once this workspace has
// synced with the server (so a customer another device already brought over is there to be found, not pushed
// over), in batches that leave the app its time. Loaded only when the old list is on the device.
import { localStorageSource, useRecordImport, useSyncStatus } from '@syncline/data';
import { useEffect, useState } from 'react';
import {
  claimLegacyCustomers,
  customerFromLegacy,
  importPace,
  LEGACY_CUSTOMERS_IMPORT,
  LEGACY_CUSTOMERS_KEY,
} from '../lib/legacy-customers';

export function LegacyCustomersImport({ tenant }: { tenant: string }) {
  const [options] = useState(() => {
    const source = localStorageSource(LEGACY_CUSTOMERS_KEY);
    if (!source || claimLegacyCustomers(tenant).kind !== 'import') return undefined;
    return {
      importId: LEGACY_CUSTOMERS_IMPORT,
      collection: 'customers',
      source,
      map: customerFromLegacy,
      ...importPace(),
    };
  });
  const synced = useSyncStatus(
    (status) => status.progress !== null && status.progress.synced >= status.progress.collections,
  );
  // once started, it runs on whatever the sync does next (a reconnect starts another first pull)
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (synced) setStarted(true);
  }, [synced]);
  useRecordImport(started ? options : undefined);
  return null;
}
