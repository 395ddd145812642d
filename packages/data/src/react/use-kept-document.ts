// A document a page shows, reached whatever the device keeps of its collection (its sync scope): held on the device
// while the page is open, and, when the device does not have it, looked up on the server and kept as the server's
// until the page closes (the next scope sweep then lets go of it). The page reads the document as usual
// (useDocument); this hook says where it came from, or why it could not be had.
import { useEffect, useState } from 'react';
import { LOOKUP_OFFLINE } from '../lookup';
import { useSyncline } from './context';
import { useSyncStatus } from './hooks';

export interface KeptDocument {
  /**
   * `held`: the device has it; `looking`: asking the server; `kept`: the server had it and it is kept while shown;
   * `missing`: neither has it; `unavailable`: the app replicates nothing; otherwise why the server could not be asked
   */
  status:
    | 'held'
    | 'looking'
    | 'kept'
    | 'missing'
    | 'unavailable'
    | 'offline'
    | 'signed-out'
    | 'not-permitted'
    | 'failed';
  /** what to tell the person when it is none of held, looking or kept */
  message?: string;
}

/**
 * `present`: whether the device has the document now (false once the page's own query answered none; undefined
 * while it is loading).
 */
export function useKeptDocument(collectionName: string, id: string, present: boolean | undefined): KeptDocument {
  const { replication } = useSyncline();
  const offline = useSyncStatus((status) => status.connection === 'offline');
  const [fetched, setFetched] = useState<{ key: string; answer: KeptDocument } | null>(null);
  const key = `${collectionName}|${id}`;

  // whatever happens below, the device holds what is open
  useEffect(() => {
    if (!replication) return;
    let release: (() => void) | undefined;
    let closed = false;
    void replication.keep(collectionName, [id]).then((letGo) => {
      if (closed) letGo();
      else release = letGo;
    });
    return () => {
      closed = true;
      release?.();
    };
  }, [replication, collectionName, id]);

  const missing = present === false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the connection comes back
  useEffect(() => {
    if (!replication || !missing) return;
    if (offline) {
      setFetched({ key, answer: { status: 'offline', message: LOOKUP_OFFLINE } });
      return;
    }
    let closed = false;
    let release: (() => void) | undefined;
    setFetched({ key, answer: { status: 'looking' } });
    void (async () => {
      const answer = await replication.lookup(collectionName, { ids: [id] });
      if (closed) return;
      if (answer.status !== 'ok') {
        setFetched({ key, answer: { status: answer.status, message: answer.message } });
        return;
      }
      if (answer.documents.length === 0) {
        setFetched({ key, answer: { status: 'missing', message: 'The sync server has no such document either.' } });
        return;
      }
      try {
        const letGo = await replication.keep(collectionName, [id], answer.documents);
        if (closed) letGo();
        else release = letGo;
        if (!closed) setFetched({ key, answer: { status: 'kept' } });
      } catch (error) {
        if (!closed) setFetched({ key, answer: { status: 'failed', message: (error as Error).message } });
      }
    })();
    return () => {
      closed = true;
      release?.();
    };
  }, [replication, collectionName, id, missing, offline]);

  if (!replication) return { status: 'unavailable' };
  const answer = fetched?.key === key ? fetched.answer : undefined;
  if (present) return answer?.status === 'kept' ? answer : { status: 'held' };
  return answer ?? { status: 'looking' };
}
