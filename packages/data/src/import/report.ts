// What an import has done so far, kept on the device as one of the database's local documents (never replicated,
// and no collection of RxDB's 13): its next position, its counts and every record it did not import, with why.
import type { RxLocalDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { AnyRxDatabase } from '../any-database';

/** A record the import did not write, and why, in words a person understands. */
export interface ImportedRecordNote {
  /** its position in the source (0-based, as in the JSON array) */
  position: number;
  /** its id, when the record (or the document the app made of it) has one */
  id?: string;
  reason: string;
}

export type ImportState = 'running' | 'finished' | 'failed';

export interface ImportReport {
  importId: string;
  collectionName: string;
  /** `running` until every record is handled; `failed` when it stopped on a problem (it goes on at the next run) */
  state: ImportState;
  /** what stopped a failed import, and what happens next */
  problem?: string;
  /** the source, as a person would call it */
  source: string;
  sourceFingerprint?: string;
  /** how many records the source holds, when known */
  total?: number;
  /** records handled (imported, already present or not imported): the next run goes on from this position */
  done: number;
  /** records that are in the collection as the source has them: written by the import, or found there identical */
  imported: number;
  /** records whose id the collection already has with other content (or deleted): kept as they were, not overwritten */
  alreadyPresent: ImportedRecordNote[];
  /** records that could not be converted or do not fit the collection's schema */
  notImported: ImportedRecordNote[];
  startedAt: number;
  finishedAt?: number;
}

const localId = (importId: string) => `syncline-import-${importId}`;

type ReportDocument = RxLocalDocument<AnyRxDatabase, ImportReport>;

const reportOf = (doc: ReportDocument | null): ImportReport | undefined =>
  doc ? (doc.toJSON().data as ImportReport) : undefined;

/** The stored report of an import, or undefined before its first run. */
export async function readImportReport(database: AnyRxDatabase, importId: string): Promise<ImportReport | undefined> {
  return reportOf((await database.getLocal(localId(importId))) as ReportDocument | null);
}

/** The report of an import as it changes (also when another tab of the app runs it); undefined before its first run. */
export function importReport$(database: AnyRxDatabase, importId: string): Observable<ImportReport | undefined> {
  return (database.getLocal$(localId(importId)) as Observable<ReportDocument | null>).pipe(map(reportOf));
}

export async function saveImportReport(database: AnyRxDatabase, report: ImportReport): Promise<void> {
  await database.upsertLocal(localId(report.importId), report);
}
