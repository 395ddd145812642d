// What a client does with a stream event, knowing the newest checkpoint it has reached (from pulls and events):
// an event that follows a commit it never saw means a missed commit (say, another server instance's publish was
// lost), so it pulls from its checkpoint instead of jumping past it; an event it has already passed (a late one
// from another instance) never brings back an older state than one the client has seen.
//
// Such a passed event is not simply dropped: the pull that passed it may have left some of its documents alone.
// RxDB's pull skips a document with a local write it has not yet pushed or had acknowledged, and moves its
// checkpoint on all the same; if that push is then acknowledged (it landed before the commit the pull brought),
// the document's only way back is the stream event of that commit, which RxDB holds until the push is done and
// then applies (chaos seed 1311). So each of the event's documents that is the newest state seen of it is passed
// on, under the checkpoint the client has reached (RxDB's own equality leaves one it already holds as it is); an
// older one is left out.
import { UPDATED_AT } from '@syncline/protocol';
import type { CollectionStream, PullStream, StreamEvent } from '../live-stream';
import { RecentMap } from '../recent-map';

type Checkpoint = Record<string, unknown>;
type Document = Record<string, unknown>;

export interface StreamFollower {
  deliver: CollectionStream['deliver'];
  /** the client reached `checkpoint` by a pull that brought `documents` */
  reached(checkpoint: Checkpoint, documents?: readonly Document[]): void;
  /** the newest checkpoint reached, by pull or event */
  checkpoint(): Checkpoint | undefined;
  /** whether a state of the document newer than `clock` has come in lately (it may not be stored yet) */
  newerSeen(id: string, clock: number): boolean;
}

export function followStream(stream$: PullStream, primary: string): StreamFollower {
  let known: Checkpoint | undefined;
  /** the server clock of the newest state seen of each recent document, by pull or event (bounded) */
  const newest = new RecentMap<string, number>(5_000);
  /** whether checkpoint `a` comes after `b`, by (updatedAt, id) */
  const after = (a: Checkpoint, b: Checkpoint) => {
    const [ua, ub] = [Number(a[UPDATED_AT]), Number(b[UPDATED_AT])];
    return ua > ub || (ua === ub && String(a[primary]) > String(b[primary]));
  };
  const reached = (checkpoint: Checkpoint, documents: readonly Document[] = []) => {
    for (const doc of documents) {
      const id = String(doc[primary]);
      const clock = Number(doc[UPDATED_AT]);
      if (!(Number(newest.get(id)) >= clock)) newest.set(id, clock);
    }
    if (!known || after(checkpoint, known)) known = checkpoint;
  };
  return {
    reached,
    checkpoint: () => known,
    newerSeen: (id, clock) => Number(newest.get(id)) > clock,
    deliver(item: StreamEvent | 'RESYNC') {
      if (item === 'RESYNC') {
        stream$.next('RESYNC');
        return;
      }
      if (known && !after(item.checkpoint, known)) {
        // only the newest state seen of each document (one forgotten since is left out, as an older one is),
        // and RxDB's checkpoint is not moved back
        const newestStates = item.documents.filter(
          (doc) => newest.get(String(doc[primary])) === Number(doc[UPDATED_AT]),
        );
        if (newestStates.length > 0) stream$.next({ documents: newestStates, checkpoint: known });
        return;
      }
      if (known && item.previousCheckpoint && after(item.previousCheckpoint, known)) {
        stream$.next('RESYNC');
        return;
      }
      reached(item.checkpoint, item.documents);
      stream$.next({ documents: item.documents, checkpoint: item.checkpoint });
    },
  };
}
