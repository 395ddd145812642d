'use client';
// One document's fields settled automatically by merge rules on this device, from the data layer's records, with
// Reverse writing the value that lost back as a normal local edit. Renders nothing while no field was settled.
import { type ReverseSettledFieldOptions, useSettledFields } from '@syncline/data';
import { SettledFieldsList, type SettledFieldsListProps } from '../sync/settled-fields-list';
import { useSettledListProps } from './settled-list-props';

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
  const entries = useSettledFields(collectionName, documentId);
  const list = useSettledListProps(collectionName, entries, annotate);
  if (entries.length === 0) return null;
  return <SettledFieldsList {...list} {...props} />;
}
