// An import into the provider's database from React: its report as it goes (any tab's run), and a run in the
// background for as long as a component is mounted.
import { useEffect, useRef, useState } from 'react';
import { type ImportRecordsOptions, importRecords } from '../import/import-records';
import { type ImportReport, importReport$ } from '../import/report';
import { useSyncline } from './context';
import { useObservable } from './use-observable';

export interface ImportReportView {
  /** undefined before the import's first run on this device */
  report: ImportReport | undefined;
  loading: boolean;
}

/** The report of an import, kept live: progress while it runs, then what it did. */
export function useImportReport(importId: string): ImportReportView {
  const { database } = useSyncline();
  const { value, loading } = useObservable(
    `import:${importId}`,
    () => importReport$(database, importId),
    undefined as ImportReport | undefined,
  );
  return { report: value, loading };
}

/**
 * Runs an import in the background while the calling component is mounted (no options: none), once per import id
 * and database; an unmount stops it after the batch under way and the next mount goes on from there. The report
 * is the live one of `useImportReport`; `error` says why a run stopped.
 */
export function useRecordImport<R>(
  options: ImportRecordsOptions<R> | undefined,
): ImportReportView & { error: string | undefined } {
  const { database } = useSyncline();
  const latest = useRef(options);
  latest.current = options;
  const [error, setError] = useState<string | undefined>();
  const importId = options?.importId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one run per import id and database; options are read when it starts
  useEffect(() => {
    const given = latest.current;
    if (!given) return;
    const stop = new AbortController();
    setError(undefined);
    importRecords(database, { ...given, signal: stop.signal }).catch((cause: unknown) => {
      if (!stop.signal.aborted) setError(cause instanceof Error ? cause.message : String(cause));
    });
    return () => stop.abort();
  }, [database, importId]);
  return { ...useImportReport(options?.importId ?? ''), error };
}
