// The settled list's props for a document's settled fields, shared by the per-document and across-documents
// views: items labelled by the schema's titles, and Reverse through the data layer, reported in a toast.
import {
  fieldTitles,
  type ReverseSettledFieldOptions,
  type SettledFieldEntry,
  useReverseSettledField,
  useSynclineDatabase,
} from '@syncline/data';
import { useMemo } from 'react';
import type { SettledFieldsListProps } from '../sync/settled-fields-list';
import { reportDone, reportFailure } from './report';
import { settledFieldItem } from './sync-records';

export function useSettledListProps(
  collectionName: string,
  entries: readonly SettledFieldEntry[],
  annotate: ReverseSettledFieldOptions['annotate'],
): Pick<SettledFieldsListProps, 'items' | 'onReverse'> {
  const database = useSynclineDatabase();
  const reverse = useReverseSettledField();
  const pairs = useMemo(() => {
    const titles = fieldTitles(database, collectionName);
    return entries.map((entry) => ({ entry, item: settledFieldItem(entry, titles) }));
  }, [database, collectionName, entries]);
  return {
    items: pairs.map(({ item }) => item),
    onReverse: (item) => {
      const entry = pairs.find((candidate) => candidate.item.id === item.id)?.entry;
      if (!entry) return;
      reverse(entry.recordId, entry.field, annotate ? { annotate } : {}).then(
        () => reportDone(`${item.label} reversed`),
        reportFailure,
      );
    },
  };
}
