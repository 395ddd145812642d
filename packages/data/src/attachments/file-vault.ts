// The device's own copy of the files it captured, in an IndexedDB database of their own (not RxDB attachments: a
// putAttachment writes a new revision of the document, which document replication would push again with no bytes,
// and RxDB allows few collections per page). A file is kept here from the moment it is captured, offline or not,
// with where its upload stands, so a reload or a closed tab loses neither the file nor its place in the queue.

/** Where a captured file's upload stands. */
export type HeldFileStatus = 'pending' | 'uploaded' | 'failed';

export interface HeldFile {
  /** `<collection>/<id>` */
  key: string;
  collection: string;
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  /** the file's bytes (an ArrayBuffer clones into IndexedDB in every browser, and in Node's test stand-ins) */
  bytes: ArrayBuffer;
  status: HeldFileStatus;
  /** why the server refused it, when `failed` */
  reason?: string;
  /** ms since the epoch: the queue uploads the oldest first */
  capturedAt: number;
  /** ms since the epoch: when the server took it whole (absent on files kept before it was recorded) */
  uploadedAt?: number;
}

const STORE = 'files';

export const heldFileKey = (collection: string, id: string) => `${collection}/${id}`;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export class FileVault {
  private readonly opened: Promise<IDBDatabase>;

  constructor(name: string, factory: IDBFactory) {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    this.opened = done(request);
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.opened).transaction(STORE, mode).objectStore(STORE);
  }

  async put(file: HeldFile): Promise<void> {
    await done((await this.store('readwrite')).put(file));
  }

  async get(collection: string, id: string): Promise<HeldFile | undefined> {
    return (await done((await this.store('readonly')).get(heldFileKey(collection, id)))) as HeldFile | undefined;
  }

  async delete(collection: string, id: string): Promise<void> {
    await done((await this.store('readwrite')).delete(heldFileKey(collection, id)));
  }

  async all(): Promise<HeldFile[]> {
    return (await done((await this.store('readonly')).getAll())) as HeldFile[];
  }

  async close(): Promise<void> {
    (await this.opened).close();
  }
}
