// Pushes cut short by a pause. RxDB drops the answer of a push that comes back while the replication is paused (or
// one it gives up retrying then) and records nothing of it, meaning to send those documents again on resume: it
// reads again what changed locally since its upstream checkpoint. But a step queued behind the push that brings no
// document to send (the write of a pulled page, which came in before the pause) still stores its checkpoint, and
// that lies past the documents of the dropped push: the resume never reads them again, RxDB is in sync, and their
// changes stay pending on the device for good. This remembers the documents of every push RxDB has not settled, and
// when the replication starts again writes each of them once more, unchanged: RxDB's upstream sees the write and
// sends whatever its record of the server's state lacks (nothing, for a push that did land meanwhile).
import type { PlainDocument } from '@syncline/protocol';
import { createRevision, now, type RxCollection, type RxDocumentData } from 'rxdb';
import { RESEND_CONTEXT } from '../sync-state';

export class InterruptedPushes {
  /** ids of documents handed to the push handler that RxDB has not yet recorded as taken or met as a conflict */
  private readonly unsettled = new Set<string>();

  private readonly collection: RxCollection<PlainDocument>;

  constructor(collection: RxCollection<PlainDocument>) {
    this.collection = collection;
  }

  /** The push handler was given these documents. */
  handed(ids: readonly string[]): void {
    for (const id of ids) this.unsettled.add(id);
  }

  /** RxDB recorded the push of this document: taken by the server, or a conflict it resolved. */
  settled(id: string): void {
    this.unsettled.delete(id);
  }

  /**
   * The replication runs again after a pause: writes the documents of pushes it left unsettled once more, as they
   * are, so RxDB's upstream reads them. One still on its way is written too: the upstream then finds it sent.
   */
  async resend(): Promise<void> {
    if (this.unsettled.size === 0) return;
    const ids = [...this.unsettled];
    this.unsettled.clear();
    const current = (await this.collection.storageInstance.findDocumentsById(
      ids,
      true,
    )) as RxDocumentData<PlainDocument>[];
    const token = this.collection.database.token;
    const rows = current.map((doc) => ({
      previous: doc,
      document: { ...doc, _meta: { ...doc._meta, lwt: now() }, _rev: createRevision(token, doc) },
    }));
    // a document written meanwhile (a 409 here) is read by the upstream for that write anyway
    if (rows.length > 0) await this.collection.storageInstance.bulkWrite(rows, RESEND_CONTEXT);
  }
}
