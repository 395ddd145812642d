// A row the server refuses must not block anything else. The push that carried it succeeds for the rest of its
// batch, and RxDB is told nothing about the refused row. RxDB then records the refused state as the server's,
// so this module puts back what the server really holds (or nothing, for a document the server never had). The
// document stays "forked": the pull never overwrites it, nothing retries it on its own, and the person's next
// edit (or a discard) pushes it again from the true base.
import { type PlainDocument, sameDocumentState } from '@syncline/protocol';
import {
  createRevision,
  getAssumedMasterState,
  getMetaWriteRow,
  now,
  type RxReplicationWriteToMasterRow,
  type RxStorageInstanceReplicationState,
} from 'rxdb';

type Row = RxReplicationWriteToMasterRow<PlainDocument>;
type InternalState = RxStorageInstanceReplicationState<PlainDocument>;

/**
 * Once RxDB has finished the push now running (its upstream queue), writes back each refused row's true server
 * state as the state RxDB assumes the server has. Rows whose recorded state moved on meanwhile are left alone.
 */
export function keepRefusedForked(internal: InternalState, primary: string, refused: readonly Row[]): void {
  if (refused.length === 0) return;
  internal.streamQueue.up = internal.streamQueue.up.then(async () => {
    if (internal.events.canceled.getValue()) return;
    const ids = refused.map((row) => String((row.newDocumentState as PlainDocument)[primary]));
    const recorded = await getAssumedMasterState(internal, ids);
    const writes = [];
    for (const row of refused) {
      const id = String((row.newDocumentState as PlainDocument)[primary]);
      const meta = recorded[id];
      const base = (row.assumedMasterState as PlainDocument | undefined) ?? undefined;
      if (!meta || (base && sameDocumentState(meta.docData as PlainDocument, base))) continue;
      if (base) {
        writes.push(await getMetaWriteRow(internal, row.assumedMasterState as never, meta.metaDocument));
      } else {
        // the server never had it: RxDB must not believe it has. The row stays, deleted, and holds the refused
        // state as deleted: RxDB compares a later write with its docData even so, and the refused state itself
        // there would make a retry of the same document look already sent. (The server ignores the assumed state
        // of a document it does not have, and a whole document keeps the push valid GraphQL.)
        const nothing = { ...(meta.docData as PlainDocument), _deleted: true } as PlainDocument;
        const gone = {
          ...meta.metaDocument,
          docData: nothing,
          _deleted: true,
          _meta: { ...meta.metaDocument._meta, lwt: now() },
        };
        writes.push({
          previous: meta.metaDocument,
          document: { ...gone, _rev: createRevision(await internal.checkpointKey, meta.metaDocument) },
        });
      }
    }
    if (writes.length > 0) await internal.input.metaInstance.bulkWrite(writes, 'syncline-refused-keep-forked');
  });
}
