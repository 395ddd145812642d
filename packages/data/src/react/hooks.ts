// React hooks over a Syncline database: live queries and documents, per-document sync state, the sync status
// store, pending writes and conflicts. Each subscribes to exactly what it shows, so a change to one document
// re-renders only the components that show that document.

import type { PlainDocument, SettlementRecord } from '@syncline/protocol';
import { useCallback, useSyncExternalStore } from 'react';
import type { MangoQuery, MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';
import { combineLatest, map, type Observable, of, switchMap } from 'rxjs';
import { useStore } from 'zustand';
import type { AnyRxDatabase } from '../any-database';
import {
  type ConflictChoice,
  type ConflictRecord,
  conflictsCollectionName,
  type ResolveConflictOptions,
  type ReverseSettledFieldOptions,
  resolveConflict,
  reverseSettledField,
  settlementCollection,
} from '../conflicts';
import { docSyncStates } from '../doc-sync-states';
import { type FieldTitles, fieldTitles } from '../field-titles';
import { findInternals } from '../internals';
import {
  type SettledDocument,
  type SettledFieldEntry,
  type SettledRecord,
  settledDocuments,
  settledFieldEntries,
  settledRecordOf,
} from '../settled';
import { type DocSyncState, type SyncStateRecord, syncStateCollectionName, syncStateId } from '../sync-state';
import type { SyncStatus } from '../sync-store';
import type { DiscardTarget } from '../tabs';
import { useSyncline } from './context';
import { useObservable } from './use-observable';

/** Reads the sync status store through a selector; re-renders only when the selected value changes. */
export function useSyncStatus<T>(selector: (status: SyncStatus) => T): T {
  return useStore(useSyncline().store, selector);
}

/** A collection of the provider's database by name; throws when there is none by that name. */
export function useCollection<T>(name: string): RxCollection<T> {
  const collection = useSyncline().database.collections[name];
  if (!collection) throw new Error(`The database has no collection "${name}".`);
  return collection as unknown as RxCollection<T>;
}

/** Documents matching a Mango query, kept live, as plain data. The query is keyed by its JSON. */
export function useLiveQuery<T = Record<string, unknown>>(collectionName: string, query: MangoQuery<T> = {}) {
  const collection = useCollection<T>(collectionName);
  const { value, loading } = useObservable<T[]>(
    `${collectionName}:${JSON.stringify(query)}`,
    () => collection.find(query).$.pipe(map((docs: RxDocument<T>[]) => docs.map((doc) => doc.toJSON() as T))),
    [],
  );
  return { docs: value, loading };
}

/** One document by primary key, kept live; `null` when it does not exist (or was deleted). */
export function useDocument<T = Record<string, unknown>>(collectionName: string, id: string) {
  const collection = useCollection<T>(collectionName);
  const { value, loading } = useObservable<T | null>(
    `${collectionName}:${id}`,
    () => collection.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as T) : null))),
    null,
  );
  return { doc: value, loading };
}

/** What a person calls each field of a collection (its schema's `title`s, by dotted path); empty without titles. */
export function useFieldTitles(collectionName: string): FieldTitles {
  const { database } = useSyncline();
  return fieldTitles(database, collectionName);
}

/**
 * `synced | pending | failed | conflict` for one document, kept live. Read from the database's one store of sync
 * states (`docSyncStates`): showing another document (a table row given a new one) subscribes to nothing new, and a
 * change re-renders only the components whose document's state it changed.
 */
export function useDocSyncState(collectionName: string, id: string): DocSyncState {
  const syncstate = useCollection<SyncStateRecord>(syncStateCollectionName);
  const conflicts = useCollection<ConflictRecord>(conflictsCollectionName);
  const tracker = findInternals(useSyncline().database)?.tracker;
  const store = docSyncStates(syncstate, conflicts, tracker);
  const stateOf = () => store.stateOf(collectionName, id);
  return useSyncExternalStore(store.subscribe, stateOf, stateOf);
}

function pendingRecords(syncstate: RxCollection<SyncStateRecord>): Observable<SyncStateRecord[]> {
  return syncstate
    .find({ sort: [{ changedAt: 'desc' }] })
    .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as SyncStateRecord)));
}

/** Local writes not yet acknowledged (pending) or refused (failed), newest first. */
export function usePending(): SyncStateRecord[] {
  const syncstate = useCollection<SyncStateRecord>(syncStateCollectionName);
  return useObservable<SyncStateRecord[]>('pending', () => pendingRecords(syncstate), []).value;
}

/** One document's pending or failed write (with the server's reason when refused); `null` when it is synced. */
export function useSyncRecord(collectionName: string, id: string): SyncStateRecord | null {
  const syncstate = useCollection<SyncStateRecord>(syncStateCollectionName);
  return useObservable<SyncStateRecord | null>(
    `syncrecord|${collectionName}|${id}`,
    () =>
      syncstate
        .findOne(syncStateId(collectionName, id))
        .$.pipe(map((record) => (record ? (record.toJSON() as SyncStateRecord) : null))),
    null,
  ).value;
}

const noDocuments: ReadonlyMap<string, PlainDocument> = new Map();

/** The documents behind records (sync state, conflicts), live, keyed by `syncStateId`; a deleted one is absent. */
function documentsOf(
  collections: Record<string, RxCollection>,
  records: readonly { collectionName: string; documentId: string }[],
): Observable<ReadonlyMap<string, PlainDocument>> {
  const ids = new Map<string, string[]>();
  for (const { collectionName, documentId } of records) {
    if (collections[collectionName]) ids.set(collectionName, [...(ids.get(collectionName) ?? []), documentId]);
  }
  if (ids.size === 0) return of(noDocuments);
  return combineLatest(
    [...ids].map(([name, list]) =>
      (collections[name] as RxCollection<PlainDocument>)
        .findByIds(list)
        .$.pipe(
          map((found) =>
            [...found].map(([id, doc]) => [syncStateId(name, id), doc.toJSON() as PlainDocument] as const),
          ),
        ),
    ),
  ).pipe(map((entries) => new Map(entries.flat())));
}

/** A local write the server has not acknowledged or refused, with its document (`null` once deleted). */
export interface PendingWrite {
  record: SyncStateRecord;
  doc: PlainDocument | null;
}

/**
 * `usePending` with each write's document as this device holds it, kept live, for lists that name documents
 * rather than show ids. A new list is shown once its documents are read, so names never flicker to ids.
 */
export function usePendingWrites(): PendingWrite[] {
  const { database } = useSyncline();
  const syncstate = useCollection<SyncStateRecord>(syncStateCollectionName);
  return useObservable<PendingWrite[]>(
    'pending-writes',
    () =>
      pendingRecords(syncstate).pipe(
        switchMap((records) =>
          documentsOf(database.collections, records).pipe(
            map((found) => records.map((record) => ({ record, doc: found.get(record.id) ?? null }))),
          ),
        ),
      ),
    [],
  ).value;
}

/** One conflict record by id, kept live, resolved or open; `null` when this device has none by that id. */
export function useConflict(conflictId: string) {
  const conflicts = useCollection<ConflictRecord>(conflictsCollectionName);
  const { value, loading } = useObservable<ConflictRecord | null>(
    `conflict|${conflictId}`,
    () => conflicts.findOne(conflictId).$.pipe(map((record) => (record ? (record.toJSON() as ConflictRecord) : null))),
    null,
  );
  return { conflict: value, loading };
}

/** Open conflicts, oldest first: each with base, local and server versions and the fields to decide. */
export function useConflicts(): ConflictRecord[] {
  const conflicts = useCollection<ConflictRecord>(conflictsCollectionName);
  return useObservable<ConflictRecord[]>(
    'conflicts',
    () =>
      conflicts
        .find({ selector: { status: 'open' }, sort: [{ detectedAt: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as ConflictRecord))),
    [],
  ).value;
}

/** `(conflictId, choices) => Promise`: writes the chosen values as a normal local write and closes the conflict. */
export function useResolveConflict() {
  const { database } = useSyncline();
  return useCallback(
    (conflictId: string, choices: Readonly<Record<string, ConflictChoice>>, options?: ResolveConflictOptions) =>
      resolveConflict(database, conflictId, choices, options),
    [database],
  );
}

/**
 * The records of settled fields matching `selector`, kept live: the synced settlements (any device's) and, from
 * before they synced, this device's conflict records that carry some.
 */
function settledRecords$(database: AnyRxDatabase, selector: MangoQuerySelector<SettledRecord>) {
  const conflicts = database.collections[conflictsCollectionName] as RxCollection<ConflictRecord>;
  return combineLatest([
    settlementCollection(database).find({ selector: selector as MangoQuerySelector<SettlementRecord> }).$,
    conflicts.find({ selector: selector as MangoQuerySelector<ConflictRecord> }).$,
  ]).pipe(
    map(([settlements, records]): SettledRecord[] => [
      ...settlements.map((settlement) => settledRecordOf(settlement.toJSON() as SettlementRecord)),
      ...records.map((record) => record.toJSON() as ConflictRecord).filter((record) => record.settled?.length),
    ]),
  );
}

/**
 * The fields of one document that merge rules settled, on this device or another of the tenant's ("latest edit
 * won: Urgent over High"), newest first, one per field, each with where it stands now (`kept`, `reversed`,
 * `changed` since), kept live.
 */
export function useSettledFields(collectionName: string, documentId: string): SettledFieldEntry[] {
  const { database } = useSyncline();
  const collection = useCollection<PlainDocument>(collectionName);
  return useObservable<SettledFieldEntry[]>(
    `settled|${collectionName}|${documentId}`,
    () =>
      combineLatest([settledRecords$(database, { collectionName, documentId }), collection.findOne(documentId).$]).pipe(
        map(([records, doc]) =>
          settledFieldEntries(records, doc ? (doc.toJSON() as PlainDocument) : null, deviceOf(database)),
        ),
      ),
    [],
  ).value;
}

/**
 * Every document with a field a merge rule settled (on any of the tenant's devices) that can still be reversed (its
 * winner stands), newest first, each with its document and all its settled fields, kept live: the list across
 * documents.
 */
export function useSettledDocuments(): SettledDocument[] {
  const { database } = useSyncline();
  return useObservable<SettledDocument[]>(
    'settled-documents',
    () =>
      settledRecords$(database, {}).pipe(
        switchMap((records) =>
          documentsOf(database.collections, records).pipe(
            map((docs) =>
              settledDocuments(records, (name, id) => docs.get(syncStateId(name, id)) ?? null, deviceOf(database)),
            ),
          ),
        ),
      ),
    [],
  ).value;
}

const deviceOf = (database: AnyRxDatabase) => findInternals(database)?.device;

/** `(recordId, field) => Promise`: writes the value a rule dropped back as a normal local edit. */
export function useReverseSettledField() {
  const { database } = useSyncline();
  return useCallback(
    (recordId: string, field: string, options?: ReverseSettledFieldOptions) =>
      reverseSettledField(database, recordId, field, options),
    [database],
  );
}

/** The running replication's controls: "Sync now", pause and resume (no-ops without a replication). */
export function useSyncControls() {
  const { replication } = useSyncline();
  return {
    syncNow: useCallback(() => replication?.syncNow() ?? Promise.resolve(), [replication]),
    pause: useCallback(() => replication?.pause() ?? Promise.resolve(), [replication]),
    resume: useCallback(() => replication?.resume() ?? Promise.resolve(), [replication]),
    discard: useCallback(
      (targets: readonly DiscardTarget[]) => replication?.discard(targets) ?? Promise.resolve(),
      [replication],
    ),
    retry: useCallback(
      (targets: readonly DiscardTarget[]) => replication?.retry(targets) ?? Promise.resolve(),
      [replication],
    ),
  };
}
