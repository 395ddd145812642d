'use client';
// One document's fields settled automatically by merge rules on this device, from the data layer's records, with
// Reverse writing the value that lost back as a normal local edit. Renders nothing while no field was settled.
import {
  fieldTitles,
  type ReverseSettledFieldOptions,
  useReverseSettledField,
  useSettledFields,
  useSynclineDatabase,
} from '@syncline/data';
import { useMemo } from 'react';
import { SettledFieldsList, type SettledFieldsListProps } from '../sync/settled-fields-list';
import { reportDone, reportFailure } from './report';
import { settledFieldItem } from './sync-records';

export type ConnectedSettledFieldsListProps = Omit<SettledFieldsListProps, 'items' | 'onReverse'> & {
  collectionName: string;
  documentId: string;
  /** Adds to the document in the same write, say a history entry "reversed by Ana" (see reverseSettledField). */
  annotate?: ReverseSettledFieldOptions['annotate'];
};

export function ConnectedSettledFieldsList({
  collectionName,
  documentId,
  annotate,
  ...props
}: ConnectedSettledFieldsListProps) {
  const database = useSynclineDatabase();
  const entries = useSettledFields(collectionName, documentId);
  const reverse = useReverseSettledField();
  const items = useMemo(() => {
    const titles = fieldTitles(database, collectionName);
    return entries.map((entry) => ({ entry, item: settledFieldItem(entry, titles) }));
  }, [database, collectionName, entries]);
  if (items.length === 0) return null;
  return (
    <SettledFieldsList
      items={items.map(({ item }) => item)}
      onReverse={(item) => {
        const entry = items.find((candidate) => candidate.item.id === item.id)?.entry;
        if (!entry) return;
        reverse(entry.recordId, entry.field, annotate ? { annotate } : {}).then(
          () => reportDone(`${item.label} reversed`),
          reportFailure,
        );
      }}
      {...props}
    />
  );
}
