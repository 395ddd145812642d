// The server's latest state of recently pulled or streamed documents of one collection. RxDB skips the echo of a
// write that is still pending; if the push is then acknowledged as a retry that changed nothing on the server, no
// other echo ever comes, and the document would keep no server clock. This memory gives it back.
//
// It also watches for the echo of each acknowledged push: the stream brings it within milliseconds, so the client
// does not pull after every push. Only when an echo has not come by after a grace period (the stream missed it,
// say right after a reconnect) does it ask for one pull, which brings the server's clock of those documents.
import { type PlainDocument, sameDocumentState, UPDATED_AT } from '@syncline/protocol';
import { createRevision, now, type RxCollection, type RxDocumentData } from 'rxdb';
import { RecentMap } from '../recent-map';

export class ServerEchoes {
  /** bounded: the most recent documents only */
  private readonly seen = new RecentMap<string, PlainDocument>(5_000);

  /** acknowledged documents whose echo has not come by yet, with when they were acknowledged */
  private readonly awaited = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly collection: RxCollection<PlainDocument>;
  private readonly primary: string;
  private readonly missed: () => void;
  private readonly graceMs: number;

  /** `missed` is asked for a pull when an echo has not come by `graceMs` after its acknowledgement. */
  constructor(collection: RxCollection<PlainDocument>, primary: string, missed: () => void, graceMs = 1_500) {
    this.collection = collection;
    this.primary = primary;
    this.missed = missed;
    this.graceMs = graceMs;
  }

  /** Documents the server sent (pulled or streamed): any state of a document ends the wait for its echo. */
  note(documents: readonly PlainDocument[]): void {
    for (const doc of documents) {
      const id = String(doc[this.primary]);
      this.seen.set(id, doc);
      this.awaited.delete(id);
    }
  }

  /** The server's latest state of a document it sent recently, if it did. */
  latest(id: string): PlainDocument | undefined {
    return this.seen.get(id);
  }

  /** Documents the server took: their echo is awaited unless it has already come by. */
  expect(taken: readonly PlainDocument[]): void {
    const at = Date.now();
    for (const doc of taken) {
      const id = String(doc[this.primary]);
      const echo = this.seen.get(id);
      if (echo && typeof echo[UPDATED_AT] === 'number' && sameDocumentState(echo, doc)) continue;
      this.awaited.set(id, at);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.awaited.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const due = Date.now() - this.graceMs;
      if ([...this.awaited.values()].some((at) => at <= due)) {
        // one pull brings every missing echo (and anything newer): nothing is awaited after it
        this.awaited.clear();
        this.missed();
      }
      this.schedule();
    }, this.graceMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.awaited.clear();
  }

  /** Acknowledged documents whose echo went by while they were pending get the server's clock it carried. */
  async restoreClocks(pushed: readonly PlainDocument[]): Promise<void> {
    const ids = pushed.map((doc) => String(doc[this.primary])).filter((id) => this.seen.has(id));
    if (ids.length === 0) return;
    const current = await this.collection.storageInstance.findDocumentsById(ids, true);
    const rows = [];
    for (const doc of current as RxDocumentData<PlainDocument>[]) {
      const echo = this.seen.get(String(doc[this.primary]));
      const clock = echo?.[UPDATED_AT];
      if (!echo || typeof clock !== 'number' || !sameDocumentState(echo, doc)) continue;
      const own = doc[UPDATED_AT];
      if (typeof own === 'number' && own >= clock) continue;
      const document = { ...doc, [UPDATED_AT]: clock, _meta: { ...doc._meta, lwt: now() } };
      rows.push({
        previous: doc,
        document: { ...document, _rev: createRevision(this.collection.database.token, doc) },
      });
    }
    // a downstream context: the server's own state, not a local change to track or push
    if (rows.length > 0) await this.collection.storageInstance.bulkWrite(rows, 'replication-downstream-echo');
  }
}
