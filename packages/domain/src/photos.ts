// The photos an order or a machine carries (a stained collar, a dented door): which files they take, declared beside
// the schema so the server and every device refuse a wrong one alike. Phones' cameras give JPEG; screenshots PNG.
import { attachmentsProperty, type CollectionFiles } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';

/** Photos only, up to 10 MB each (a phone's full-size JPEG is 2-6 MB). */
export const photoFiles: CollectionFiles = {
  types: ['image/jpeg', 'image/png', 'image/webp'],
  maxBytes: 10_000_000,
};

/** The schema property listing a document's photos. */
export const photosProperty = { ...attachmentsProperty, title: 'Photos' } as const;

/** The schema with its file rules declared beside it (a `files` key, which storages never see). */
export function withFiles<T>(schema: RxJsonSchema<T>, files: CollectionFiles): RxJsonSchema<T> {
  return { ...schema, files } as RxJsonSchema<T>;
}
