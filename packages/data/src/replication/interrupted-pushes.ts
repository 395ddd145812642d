// Pushes cut short by a pause. RxDB drops the answer of a push that comes back while the replication is paused (or
// one it gives up retrying then) and records nothing of it, meaning to send those documents again on resume: it
// reads again what changed locally since its upstream checkpoint. But a step queued behind the push that brings no
// document to send (the write of a pulled page, which came in before the pause) still stores its checkpoint, and
// that lies past the documents of the dropped push: the resume never reads them again, RxDB is in sync, and their
// changes stay pending on the device for good. This remembers the documents of every push RxDB has not settled, and
// when the replication starts again writes each of them once more, unchanged: RxDB's upstream sees the write and
// sends whatever its record of the server's state lacks (nothing, for a push that did land meanwhile).
//
// The documents of a push cut short are kept on the device too (a local document of the database), so a reload or a
// closed tab before the resume sends them when the replication next starts.
import type { PlainDocument } from '@syncline/protocol';
import { createRevision, now, type RxCollection, type RxDocumentData, type RxLocalDocument } from 'rxdb';
import type { AnyRxDatabase } from '../any-database';
import { RESEND_CONTEXT } from '../sync-state';

interface Remembered {
  ids: string[];
}

export class InterruptedPushes {
  /** ids of documents handed to the push handler that RxDB has not yet recorded as taken or met as a conflict */
  private readonly unsettled = new Set<string>();
  /** of those, the ones whose push a pause cut short: kept on the device until they are settled or sent again */
  private readonly cutShort = new Set<string>();
  /** the writes of `cutShort`, one after another */
  private saving: Promise<unknown> = Promise.resolve();

  private readonly collection: RxCollection<PlainDocument>;
  private readonly localId: string;

  constructor(collection: RxCollection<PlainDocument>) {
    this.collection = collection;
    this.localId = `syncline-interrupted-${collection.name}`;
  }

  private get database(): AnyRxDatabase {
    return this.collection.database as unknown as AnyRxDatabase;
  }

  /** The push handler was given these documents. */
  handed(ids: readonly string[]): void {
    for (const id of ids) this.unsettled.add(id);
  }

  /** A pause cut short the push of these documents: RxDB will not record its answer. */
  cut(ids: readonly string[]): void {
    this.handed(ids);
    for (const id of ids) this.cutShort.add(id);
    this.save();
  }

  /** RxDB recorded the push of this document: taken by the server, or a conflict it resolved. */
  settled(id: string): void {
    this.unsettled.delete(id);
    if (this.cutShort.delete(id)) this.save();
  }

  /** Takes back the pushes cut short before the page or the app last closed: the next `resend` sends them. */
  async restore(): Promise<void> {
    const stored = (await this.database.getLocal(this.localId)) as RxLocalDocument<AnyRxDatabase, Remembered> | null;
    for (const id of stored?.get('ids') ?? []) {
      this.unsettled.add(id);
      this.cutShort.add(id);
    }
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
    // written again: RxDB's upstream has them now, whatever comes
    if (ids.some((id) => this.cutShort.delete(id))) this.save();
    await this.saving;
  }

  private save(): void {
    const ids = [...this.cutShort];
    this.saving = this.saving
      .then(() => this.database.upsertLocal(this.localId, { ids } satisfies Remembered))
      .catch(() => undefined);
  }
}
