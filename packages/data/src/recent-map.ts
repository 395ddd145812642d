// A map that keeps only its most recently written entries: memory of recent documents (what the server took, what
// it echoed) that must not grow with a shop's size.

export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /**
   * Writes the entry as the most recent one. Beyond the limit by a quarter, the oldest are forgotten down to the
   * limit in one pass: a Map walked from its start on every write steps over the entries deleted before it (V8
   * keeps them until it rehashes), which made each write of a long pull cost more than the rest of its bookkeeping.
   */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.limit + (this.limit >> 2)) return;
    let excess = this.entries.size - this.limit;
    for (const oldest of this.entries.keys()) {
      if (excess <= 0) break;
      this.entries.delete(oldest);
      excess -= 1;
    }
  }
}
