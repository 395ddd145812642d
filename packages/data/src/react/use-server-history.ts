// A document's server history (the audit trail) for a page: the newest entries, "load older" paging, and a clear
// state when the server cannot be asked (offline, signed out, not permitted). Asked again when the connection
// comes back and whenever `revision` changes (say the document's `updatedAt`, once the server took a write).
import type { AuditEntry } from '@syncline/protocol';
import { useCallback, useEffect, useState } from 'react';
import { SERVER_HISTORY_OFFLINE, type ServerHistory } from '../server-history';
import { useSyncline } from './context';
import { useSyncStatus } from './hooks';

export interface ServerHistoryView {
  /** `ok` once a page came; `offline`, `signed-out`, `not-permitted`, `failed` with a message; `unavailable` when the app replicates nothing */
  status: 'loading' | 'unavailable' | ServerHistory['status'];
  /** newest first, every page loaded so far */
  entries: AuditEntry[];
  /** what to tell the person when the status is not `ok` */
  message?: string;
  /** an older page exists */
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
}

type Shown = Omit<ServerHistoryView, 'loadOlder'> & { key: string; before: string | null };

const loading = (key: string): Shown => ({
  key,
  status: 'loading',
  entries: [],
  hasOlder: false,
  loadingOlder: false,
  before: null,
});

export function useServerHistory(
  collectionName: string,
  documentId: string,
  { revision, pageSize }: { revision?: unknown; pageSize?: number } = {},
): ServerHistoryView {
  const { replication } = useSyncline();
  const offline = useSyncStatus((status) => status.connection === 'offline');
  // the document shown: what was loaded for another one is never shown or appended to
  const key = `${collectionName}|${documentId}`;
  const [view, setView] = useState<Shown>(() => loading(key));

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the revision or the connection changes
  useEffect(() => {
    if (!replication) {
      setView({ ...loading(key), status: 'unavailable' });
      return;
    }
    if (offline) {
      setView((shown) => ({
        ...(shown.key === key ? shown : loading(key)),
        status: 'offline',
        message: SERVER_HISTORY_OFFLINE,
        loadingOlder: false,
      }));
      return;
    }
    let cancelled = false;
    void replication.serverHistory(collectionName, documentId, pageSize ? { limit: pageSize } : {}).then((answer) => {
      if (cancelled) return;
      setView(
        answer.status === 'ok'
          ? {
              ...loading(key),
              status: 'ok',
              entries: answer.entries,
              before: answer.before,
              hasOlder: answer.before !== null,
            }
          : { ...loading(key), status: answer.status, message: answer.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [replication, collectionName, documentId, offline, revision, pageSize]);

  const loadOlder = useCallback(() => {
    if (!replication || !view.before || view.loadingOlder) return;
    setView((shown) => ({ ...shown, loadingOlder: true }));
    void replication
      .serverHistory(collectionName, documentId, { before: view.before, ...(pageSize ? { limit: pageSize } : {}) })
      .then((answer) => {
        setView((shown) =>
          shown.key !== key
            ? shown
            : answer.status === 'ok'
              ? {
                  ...shown,
                  entries: [...shown.entries, ...answer.entries],
                  before: answer.before,
                  hasOlder: answer.before !== null,
                  loadingOlder: false,
                }
              : { ...shown, status: answer.status, message: answer.message, loadingOlder: false },
        );
      });
  }, [replication, collectionName, documentId, pageSize, view.before, view.loadingOlder, key]);

  const { key: _key, before: _cursor, ...shown } = view.key === key ? view : loading(key);
  return { ...shown, loadOlder };
}
