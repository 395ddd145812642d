// Files a collection's documents carry (photos, PDFs), declared beside the schema (a `files` key at the schema's top
// level, as `permissions` and `sync` are; not RxDB's own `attachments` key, which switches on RxDB attachments):
//
//   files: { field: 'attachments', types: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10_000_000 }
//
// A document names its files in that field, `[{ id, name, type, size, sha256 }]`, so their metadata syncs with the
// document; the bytes travel separately, over the server's file routes. The server and the device check a file
// against the same rules, so a wrong one is refused on the device before it is ever sent.

/** One file a document names: what syncs with the document. */
export interface AttachmentRef {
  /** chosen by the device; the file's name on the server's routes */
  id: string;
  /** the name the person gave it (`stain.jpg`) */
  name: string;
  /** its media type, one the collection allows */
  type: string;
  /** bytes */
  size: number;
  /** the SHA-256 of its bytes, lower-case hex */
  sha256: string;
}

export interface CollectionFiles {
  /** the top-level array field of a document listing its files; default `attachments` */
  field?: string;
  /** the media types allowed, such as `image/jpeg` */
  types: readonly string[];
  /** the largest file allowed, in bytes */
  maxBytes: number;
}

/** The key of a collection's schema that holds its file rules. */
export const FILES_KEY = 'files';

export const DEFAULT_FILES_FIELD = 'attachments';

/** Where the server takes and serves files: `${FILES_PATH}/<collection>/<id>`. */
export const FILES_PATH = '/sync/files';

/** The request header carrying a file's SHA-256 (hex) on every upload request. */
export const FILE_SHA256_HEADER = 'x-syncline-sha256';

/**
 * `GET ${FILES_PATH}/<collection>/<id>?size=${THUMBNAIL_SIZE}`: an image's small preview (WebP, 320 px on its longest
 * side). A file without one (not an image, or not decodable) answers 404 with `code: NO_THUMBNAIL`: fetch the file
 * itself.
 */
export const THUMBNAIL_SIZE = 'thumbnail';
export const NO_THUMBNAIL = 'NO_THUMBNAIL';

/** An attachment id: short and safe as a file name. */
export const ATTACHMENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A collection schema's file rules, if it takes files. */
export function filesOf(schema: object): CollectionFiles | undefined {
  return (schema as { [FILES_KEY]?: CollectionFiles })[FILES_KEY];
}

/** The field a collection's documents list their files in. */
export function filesFieldOf(files: CollectionFiles): string {
  return files.field ?? DEFAULT_FILES_FIELD;
}

/** The JSON schema of a files field, for a collection's `properties` (RxDB and the server validate it). */
export const attachmentsProperty = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 64 },
      name: { type: 'string', maxLength: 255 },
      type: { type: 'string', maxLength: 127 },
      size: { type: 'integer', minimum: 0 },
      sha256: { type: 'string', maxLength: 64 },
    },
    required: ['id', 'name', 'type', 'size', 'sha256'],
    additionalProperties: false,
  },
} as const;

function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

export interface FileRefusal {
  /** `type`: not one the collection allows; `size`: over its limit; `empty`: no bytes */
  reason: 'type' | 'size' | 'empty';
  /** what was wrong, in words a person can act on */
  message: string;
}

/** Why a file of `type` and `size` bytes may not be attached; undefined when it may. */
export function fileRefusal(
  files: CollectionFiles,
  { type, size }: { type: string; size: number },
): FileRefusal | undefined {
  if (!files.types.includes(type)) {
    const shown = type === '' ? 'of unknown type' : `of type ${type}`;
    return { reason: 'type', message: `This file is ${shown}; attach one of ${files.types.join(', ')}.` };
  }
  if (size > files.maxBytes) {
    return {
      reason: 'size',
      message: `This file is ${megabytes(size)}; files here can be at most ${megabytes(files.maxBytes)}.`,
    };
  }
  if (size === 0) return { reason: 'empty', message: 'This file is empty: choose another.' };
  return undefined;
}

/** What is wrong with a schema's file rules, in words; undefined when they are fine or absent. */
export function filesProblem(schema: object): string | undefined {
  const files = filesOf(schema) as unknown;
  if (files === undefined) return undefined;
  const example = '{ "types": ["image/jpeg"], "maxBytes": 10000000 }';
  if (!files || typeof files !== 'object' || Array.isArray(files)) {
    return `"${FILES_KEY}" must be an object such as ${example}; it is ${JSON.stringify(files)}.`;
  }
  const { field, types, maxBytes, ...rest } = files as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) return `"${FILES_KEY}" has "${unknown}"; it takes field, types and maxBytes.`;
  if (
    !Array.isArray(types) ||
    types.length === 0 ||
    !types.every((t) => typeof t === 'string' && /^\w+\/[\w.+-]+$/.test(t))
  ) {
    return `"${FILES_KEY}.types" must list media types such as "image/jpeg"; it is ${JSON.stringify(types)}.`;
  }
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    return `"${FILES_KEY}.maxBytes" must be a whole number of bytes above 0; it is ${JSON.stringify(maxBytes)}.`;
  }
  const name = field ?? DEFAULT_FILES_FIELD;
  const property = (schema as { properties?: Record<string, { type?: unknown }> }).properties?.[name as string];
  if (typeof name !== 'string' || property?.type !== 'array') {
    return `"${FILES_KEY}" lists files in "${String(name)}", which must be an array property of the schema (see attachmentsProperty).`;
  }
  return undefined;
}

/**
 * The first bytes files of a type start with, for the types whose signature is known: a file declared as a photo
 * that is something else is refused.
 */
const SIGNATURES: Readonly<Record<string, (head: Uint8Array) => boolean>> = {
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/png': (h) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => h[i] === byte),
  'image/webp': (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP',
  'image/gif': (h) => ascii(h, 0, 4) === 'GIF8',
  'application/pdf': (h) => ascii(h, 0, 5) === '%PDF-',
};

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Whether a file's first bytes (12 are enough) fit its declared type; true for a type without a known signature. */
export function fitsFileType(type: string, head: Uint8Array): boolean {
  return SIGNATURES[type]?.(head) ?? true;
}
