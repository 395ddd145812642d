// A document's server history (the audit trail) for a page: the newest entries, "load older" paging, and a clear
// state when the server cannot be asked (offline, signed out, not permitted). Asked again when the connection
// comes back and whenever `revision` changes (say the document's `updatedAt`, once the server took a write).
import type { AuditEntry } from '@syncline/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerHistory } from '../server-history';
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

const OFFLINE_MESSAGE = 'Server history needs a connection to the sync server.';

export function useServerHistory(
  collectionName: string,
  documentId: string,
  { revision, pageSize }: { revision?: unknown; pageSize?: number } = {},
): ServerHistoryView {
  const { replication } = useSyncline();
  const offline = useSyncStatus((status) => status.connection === 'offline');
  const [view, setView] = useState<Omit<ServerHistoryView, 'loadOlder'> & { before: string | null }>({
    status: 'loading',
    entries: [],
    hasOlder: false,
    loadingOlder: false,
    before: null,
  });
  // answers for an older key are dropped
  const key = `${collectionName}|${documentId}`;
  const current = useRef(key);
  current.current = key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the revision or the connection changes
  useEffect(() => {
    if (!replication) {
      setView({ status: 'unavailable', entries: [], hasOlder: false, loadingOlder: false, before: null });
      return;
    }
    if (offline) {
      setView((shown) => ({ ...shown, status: 'offline', message: OFFLINE_MESSAGE, loadingOlder: false }));
      return;
    }
    let cancelled = false;
    void replication.serverHistory(collectionName, documentId, pageSize ? { limit: pageSize } : {}).then((answer) => {
      if (cancelled) return;
      setView(
        answer.status === 'ok'
          ? {
              status: 'ok',
              entries: answer.entries,
              before: answer.before,
              hasOlder: answer.before !== null,
              loadingOlder: false,
            }
          : {
              status: answer.status,
              message: answer.message,
              entries: [],
              before: null,
              hasOlder: false,
              loadingOlder: false,
            },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [replication, collectionName, documentId, offline, revision, pageSize]);

  const loadOlder = useCallback(() => {
    if (!replication || !view.before || view.loadingOlder) return;
    const asked = key;
    setView((shown) => ({ ...shown, loadingOlder: true }));
    void replication
      .serverHistory(collectionName, documentId, { before: view.before, ...(pageSize ? { limit: pageSize } : {}) })
      .then((answer) => {
        if (current.current !== asked) return;
        setView((shown) =>
          answer.status === 'ok'
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

  const { before: _cursor, ...shown } = view;
  return { ...shown, loadOlder };
}
