import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.js';

describe('LruCache', () => {
  it('computes once per key and drops the least recently used entry first', () => {
    const cache = new LruCache<string, number>(2);
    let calls = 0;
    const make = (v: number) => () => {
      calls++;
      return v;
    };
    expect(cache.getOrCreate('a', make(1))).toBe(1);
    expect(cache.getOrCreate('b', make(2))).toBe(2);
    expect(cache.getOrCreate('a', make(99))).toBe(1); // hit: 'a' becomes the most recent
    cache.getOrCreate('c', make(3)); // evicts 'b', the least recent
    expect(cache.size).toBe(2);
    expect(cache.getOrCreate('a', make(99))).toBe(1);
    expect(cache.getOrCreate('b', make(20))).toBe(20);
    expect(calls).toBe(4);
  });

  it('forgets a deleted key', () => {
    const cache = new LruCache<string, number>(4);
    cache.getOrCreate('a', () => 1);
    cache.delete('a');
    expect(cache.getOrCreate('a', () => 2)).toBe(2);
  });
});
