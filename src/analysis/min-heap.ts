/**
 * Binary min-heap of (key, item) pairs in typed arrays, for Dijkstra's algorithm and best-move
 * selection. Stale entries are allowed: callers compare the popped key with the current one.
 */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;
  /** Key and item of the last `pop()`. */
  topKey = 0;
  topItem = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.items = new Int32Array(Math.max(1, capacity));
  }

  /**
   * Adds an entry, growing the arrays when full.
   *
   * @example
   * const h = new MinHeap(); h.push(2, 7); h.push(1, 9); h.pop(); h.topItem; // 9
   */
  push(key: number, item: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      const items = new Int32Array(2 * this.size);
      keys.set(this.keys);
      items.set(this.items);
      this.keys = keys;
      this.items = items;
    }
    const { keys, items } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      items[i] = items[p]!;
      i = p;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Removes the smallest entry into `topKey` / `topItem`. Call only when `size > 0`. */
  pop(): void {
    const { keys, items } = this;
    this.topKey = keys[0]!;
    this.topItem = items[0]!;
    const n = --this.size;
    const k = keys[n]!;
    const it = items[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= k) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = k;
    items[i] = it;
  }

  clear(): void {
    this.size = 0;
  }
}
