'use client';
// Every document on this device with a field a merge rule settled that can still be reversed, newest first: one
// settled list per document, titled with the document's name. Renders `empty` (default nothing) when there is none.
import { type ReverseSettledFieldOptions, type SettledDocument, useSettledDocuments } from '@syncline/data';
import { SettledFieldsList, type SettledFieldsListProps } from '../sync/settled-fields-list';
import { type DescribeDocument, describeById, describeDocument } from './describe-document';
import { useSettledListProps } from './settled-list-props';

type ListProps = Omit<SettledFieldsListProps, 'items' | 'onReverse' | 'title'>;

export type ConnectedSettledDocumentsProps = ListProps & {
  /** Names each document in its list's title (default: `describeDocument`, say "Order #1042"). */
  describe?: DescribeDocument;
  /** Adds to the reversing write, say a history entry (gets the collection's name; see reverseSettledField). */
  annotate?: (collectionName: string) => ReverseSettledFieldOptions['annotate'];
  /** Shown while no document has a field to reverse. */
  empty?: React.ReactNode;
};

function SettledDocumentList({
  document,
  describe,
  annotate,
  ...props
}: ListProps & {
  document: SettledDocument;
  describe: DescribeDocument;
  annotate: ReverseSettledFieldOptions['annotate'];
}) {
  const { collectionName, documentId, doc, entries } = document;
  const list = useSettledListProps(collectionName, entries, annotate);
  const title = doc ? describe(collectionName, doc, documentId) : describeById(collectionName, documentId);
  return <SettledFieldsList title={title} {...list} {...props} />;
}

export function ConnectedSettledDocuments({
  describe = describeDocument,
  annotate,
  empty = null,
  ...props
}: ConnectedSettledDocumentsProps) {
  const documents = useSettledDocuments();
  if (documents.length === 0) return <>{empty}</>;
  return (
    <div data-slot="settled-documents" className="flex flex-col gap-4">
      {documents.map((document) => (
        <SettledDocumentList
          key={`${document.collectionName}|${document.documentId}`}
          document={document}
          describe={describe}
          annotate={annotate?.(document.collectionName)}
          {...props}
        />
      ))}
    </div>
  );
}
