// What a person calls a document in the connected lists ("Order #1042", "Washer 3"), so the queue, the inbox and
// the viewer need not show a raw id. Apps pass their own `describe`; the default reads the usual naming fields.
import type { PlainDocument } from '@syncline/data';

/**
 * A document's name for people, from its collection and its data as this device holds it (its id third, for a
 * fallback). A document no longer on the device is named by its collection and id instead.
 */
export type DescribeDocument = (collection: string, doc: PlainDocument, documentId: string) => string;

const nameFields = ['title', 'name', 'label', 'subject', 'summary'] as const;

/** "orders" -> "Order", "categories" -> "Category", "boxes" -> "Box". */
export function documentNoun(collection: string): string {
  const singular = collection
    .replace(/ies$/, 'y')
    .replace(/(ss|x|z|ch|sh)es$/, '$1')
    .replace(/([^s])s$/, '$1');
  return `${singular.charAt(0).toUpperCase()}${singular.slice(1)}`;
}

/** "Ticket t-17": for a document whose data this device does not hold. */
export function describeById(collection: string, documentId: string): string {
  return `${documentNoun(collection)} ${documentId}`;
}

/**
 * The default: the first non-empty `title`, `name`, `label`, `subject` or `summary`; else the collection's noun
 * and the document's `number` ("Order #1042"); else the noun and the id ("Ticket t-17").
 */
export const describeDocument: DescribeDocument = (collection, doc, documentId) => {
  for (const field of nameFields) {
    const value = doc[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  const number = doc.number;
  if (typeof number === 'number' || (typeof number === 'string' && number !== '')) {
    return `${documentNoun(collection)} #${number}`;
  }
  return describeById(collection, documentId);
};
