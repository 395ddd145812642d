// An index of the in-memory storage (memory-storage.ts): document ids kept in the order of their index strings as a
// list of short sorted runs, the largest key of each run beside it. One sorted array of the whole collection (RxDB's
// memory storage) makes every write move or copy the whole array, so a document costs more the more the collection
// holds; a run of at most `MAX_RUN` entries makes an insert or a removal a search over the runs' last keys and a
// move within one run. Each run keeps its keys in an array of their own: a search then reads only keys. Ids, not
// documents: a write that leaves a document's key as it was leaves the index alone.

/** A run is split in two once it passes this length (measured: 64 to 256 insert fastest at 100,000 keys). */
const MAX_RUN = 256;

/** The first position in `list` (sorted) whose value is at least `key` (`after`: greater than `key`). */
function bisect(list: readonly string[], key: string, after: boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = list[mid] as string;
    if (value < key || (after && value === key)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Moves `list[position…]` one place on and puts `value` at `position` (by hand: `splice` is slower on short runs). */
function insertAt<T>(list: T[], position: number, value: T): void {
  list.push(value);
  for (let from = list.length - 1; from > position; from--) list[from] = list[from - 1] as T;
  list[position] = value;
}

export class SortedRuns {
  /** each run's keys, in order */
  private keys: string[][] = [];
  /** each run's ids, beside their keys */
  private ids: string[][] = [];
  /** the last (largest) key of each run */
  private lasts: string[] = [];

  insert(key: string, id: string): void {
    if (this.keys.length === 0) {
      this.keys.push([key]);
      this.ids.push([id]);
      this.lasts.push(key);
      return;
    }
    // the first run whose last key is greater (entries of one key keep the order they came in); past every run: the last
    const at = Math.min(bisect(this.lasts, key, true), this.keys.length - 1);
    const keys = this.keys[at] as string[];
    const ids = this.ids[at] as string[];
    const position = bisect(keys, key, true);
    insertAt(keys, position, key);
    insertAt(ids, position, id);
    this.lasts[at] = keys[keys.length - 1] as string;
    if (keys.length > MAX_RUN) {
      const half = keys.length >>> 1;
      const tail = keys.splice(half);
      this.keys.splice(at + 1, 0, tail);
      this.ids.splice(at + 1, 0, ids.splice(half));
      this.lasts.splice(at, 1, keys[keys.length - 1] as string, tail[tail.length - 1] as string);
    }
  }

  /** Where the entry of `id` under `key` is, if it is there. */
  private find(key: string, id: string): [run: number, offset: number] | undefined {
    for (let at = bisect(this.lasts, key, false); at < this.keys.length; at++) {
      const keys = this.keys[at] as string[];
      const ids = this.ids[at] as string[];
      for (let offset = bisect(keys, key, false); offset < keys.length; offset++) {
        if (keys[offset] !== key) return undefined;
        if (ids[offset] === id) return [at, offset];
      }
    }
    return undefined;
  }

  remove(key: string, id: string): void {
    const found = this.find(key, id);
    if (!found) return;
    const [at, offset] = found;
    const keys = this.keys[at] as string[];
    keys.splice(offset, 1);
    (this.ids[at] as string[]).splice(offset, 1);
    if (keys.length === 0) {
      this.keys.splice(at, 1);
      this.ids.splice(at, 1);
      this.lasts.splice(at, 1);
    } else {
      this.lasts[at] = keys[keys.length - 1] as string;
    }
  }

  /**
   * Calls `visit` with the id of each entry whose key lies between `lower` and `upper` (each bound included when its flag
   * says so), in key order, until `visit` returns false.
   */
  each(
    lower: string,
    lowerIncluded: boolean,
    upper: string,
    upperIncluded: boolean,
    visit: (id: string) => boolean | undefined,
  ): void {
    const first = bisect(this.lasts, lower, !lowerIncluded);
    for (let at = first; at < this.keys.length; at++) {
      const keys = this.keys[at] as string[];
      const ids = this.ids[at] as string[];
      // every key of a later run is at least the last key of the one before it, so past the first run from its start
      for (let offset = at === first ? bisect(keys, lower, !lowerIncluded) : 0; offset < keys.length; offset++) {
        const key = keys[offset] as string;
        if (key > upper || (!upperIncluded && key === upper)) return;
        if (visit(ids[offset] as string) === false) return;
      }
    }
  }

  /** How many keys lie between `lower` and `upper`, as `each` bounds them, without visiting them. */
  count(lower: string, lowerIncluded: boolean, upper: string, upperIncluded: boolean): number {
    return Math.max(0, this.rank(upper, upperIncluded) - this.rank(lower, !lowerIncluded));
  }

  /** How many keys are below `key` (`through`: at most `key`). */
  private rank(key: string, through: boolean): number {
    const at = bisect(this.lasts, key, through);
    let rank = 0;
    for (let before = 0; before < at; before++) rank += (this.keys[before] as string[]).length;
    const keys = this.keys[at];
    return keys ? rank + bisect(keys, key, through) : rank;
  }
}
