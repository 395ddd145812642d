// The server's latest state of recently pulled or streamed documents of one collection. RxDB skips the echo of a
// write that is still pending; if the push is then acknowledged as a retry that changed nothing on the server, no
// other echo ever comes, and the document would keep no server clock. This memory gives it back.
import { type PlainDocument, sameDocumentState, UPDATED_AT } from '@syncline/protocol';
import { createRevision, now, type RxCollection, type RxDocumentData } from 'rxdb';
import { RecentMap } from '../recent-map';

export class ServerEchoes {
  /** bounded: the most recent documents only */
  private readonly seen = new RecentMap<string, PlainDocument>(5_000);

  private readonly collection: RxCollection<PlainDocument>;
  private readonly primary: string;

  constructor(collection: RxCollection<PlainDocument>, primary: string) {
    this.collection = collection;
    this.primary = primary;
  }

  note(documents: readonly PlainDocument[]): void {
    for (const doc of documents) this.seen.set(String(doc[this.primary]), doc);
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
