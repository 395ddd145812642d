// Small previews of image files, so a list of photos loads a few kilobytes each instead of whole photos: made with
// sharp once a file is complete (and again on demand, should the server have stopped before), kept by the file
// store beside the file, served as WebP. A file that is not an image, or whose bytes do not decode as one, has no
// thumbnail and says why; it never takes the server down.
import type { Logger } from 'pino';
import sharp from 'sharp';
import { type FileKey, type FileStore, fileName, type StoredFile } from './file-store.js';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_EDGE = 320;
export const THUMBNAIL_TYPE = 'image/webp';

/** The image types a thumbnail is made of (the formats sharp's prebuilt binaries read). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);

/** Why a file has no thumbnail, in words a client can show. */
export class NoThumbnail extends Error {
  override name = 'NoThumbnail';
}

/** A WebP of at most THUMBNAIL_EDGE on its longest side (never enlarged), turned as the photo's EXIF says. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array> {
  // an animated image gives its first frame; a decoding error (not a warning) refuses the file
  return sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
}

async function bytesOf(store: FileStore, key: FileKey): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.read(key)) chunks.push(chunk as Uint8Array);
  return Buffer.concat(chunks);
}

export interface Thumbnails {
  /** Makes the thumbnail of a file just completed, in the background (a failure is logged, and tried on demand). */
  prepare(key: FileKey, file: StoredFile): void;
  /** The thumbnail of a complete file, made now if it is not there yet; throws NoThumbnail when it has none. */
  get(key: FileKey, file: StoredFile): Promise<Uint8Array>;
}

export function thumbnails(store: FileStore, logger: Logger): Thumbnails {
  const makers = new Map<string, Promise<Uint8Array>>();
  const make = async (key: FileKey): Promise<Uint8Array> => {
    let thumbnail: Uint8Array;
    try {
      thumbnail = await makeThumbnail(await bytesOf(store, key));
    } catch (error) {
      logger.info({ err: error, id: key.id, tenant: key.tenant }, 'no thumbnail: the image does not decode');
      throw new NoThumbnail(
        `File "${key.id}" could not be read as an image, so it has no thumbnail; fetch the file itself.`,
      );
    }
    await store.putThumbnail(key, thumbnail);
    return thumbnail;
  };
  const get = async (key: FileKey, file: StoredFile): Promise<Uint8Array> => {
    if (!IMAGE_TYPES.has(file.type)) {
      throw new NoThumbnail(`File "${key.id}" is ${file.type}: only images have a thumbnail; fetch the file itself.`);
    }
    const kept = await store.readThumbnail(key);
    if (kept) return kept;
    // one maker per file in this process; outside any lock on the file, so a slow image never holds a database
    // connection (two processes may both make it: the second write replaces the first with the same bytes)
    const name = fileName(key);
    const making = makers.get(name) ?? make(key).finally(() => makers.delete(name));
    makers.set(name, making);
    return making;
  };
  return {
    get,
    prepare(key, file) {
      if (!IMAGE_TYPES.has(file.type)) return;
      get(key, file).catch((error: unknown) => {
        if (!(error instanceof NoThumbnail)) logger.warn({ err: error, id: key.id }, 'making a thumbnail failed');
      });
    },
  };
}
