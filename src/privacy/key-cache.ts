/**
 * A small in-memory LRU of unwrapped data keys with a maximum age.
 *
 * The age limit matters because Belong may run as several processes: a
 * person forgotten through one process stays readable in another's cache
 * until the entry expires. Keep `maxAgeMs` short (seconds), or the size 0
 * (the default in PersonKeysService) to disable caching entirely.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= this.now()) return undefined;
    // Re-inserting moves the entry to the most recently used end.
    this.entries.set(id, entry);
    return entry.key;
  }

  set(id: string, key: Buffer): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(id);
    this.entries.set(id, { key, expiresAt: this.now() + this.maxAgeMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
