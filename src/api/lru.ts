/**
 * A bounded map that forgets the least recently used entry first (Map keeps insertion order, so
 * a hit is moved to the end by re-inserting it).
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Forgets `key` (e.g. a failed computation that must not be served again). */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  /**
   * The cached value for `key`, computing and storing it on a miss.
   *
   * @example
   * const cache = new LruCache<string, number>(2);
   * cache.getOrCreate('a', () => 1); // 1 (computed)
   * cache.getOrCreate('a', () => 2); // 1 (cached)
   */
  getOrCreate(key: K, create: () => V): V {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key) as V;
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return value;
    }
    const value = create();
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return value;
  }
}
