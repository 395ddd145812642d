// What a client does with a stream event, knowing the newest checkpoint it has reached (from pulls and events):
// an event that follows a commit it never saw means a missed commit (say, another server instance's publish was
// lost), so it pulls from its checkpoint instead of jumping past it; an event it has already passed (a late one
// from another instance) is dropped, so an older state never replaces a newer one.
import { UPDATED_AT } from '@syncline/protocol';
import type { CollectionStream, PullStream, StreamEvent } from '../live-stream';

type Checkpoint = Record<string, unknown>;

export interface StreamFollower {
  deliver: CollectionStream['deliver'];
  /** the client reached `checkpoint` by a pull */
  reached(checkpoint: Checkpoint): void;
}

export function followStream(stream$: PullStream, primary: string): StreamFollower {
  let known: Checkpoint | undefined;
  /** whether checkpoint `a` comes after `b`, by (updatedAt, id) */
  const after = (a: Checkpoint, b: Checkpoint) => {
    const [ua, ub] = [Number(a[UPDATED_AT]), Number(b[UPDATED_AT])];
    return ua > ub || (ua === ub && String(a[primary]) > String(b[primary]));
  };
  const reached = (checkpoint: Checkpoint) => {
    if (!known || after(checkpoint, known)) known = checkpoint;
  };
  return {
    reached,
    deliver(item: StreamEvent | 'RESYNC') {
      if (item === 'RESYNC') {
        stream$.next('RESYNC');
        return;
      }
      if (known) {
        if (!after(item.checkpoint, known)) return;
        if (item.previousCheckpoint && after(item.previousCheckpoint, known)) {
          stream$.next('RESYNC');
          return;
        }
      }
      reached(item.checkpoint);
      stream$.next({ documents: item.documents, checkpoint: item.checkpoint });
    },
  };
}
