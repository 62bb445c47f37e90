import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thirdPartyShares } from './third-parties.js';

/** A symmetric 0/1 mask for n actors from a list of pairs. */
function mask(n: number, pairs: [number, number][]): Uint8Array {
  const m = new Uint8Array(n * n);
  for (const [a, b] of pairs) if (a !== b) m[a * n + b] = m[b * n + a] = 1;
  return m;
}

describe('thirdPartyShares', () => {
  it('counts the third actors tied to either side', () => {
    // 0–1, 1–2, 2–3: pair (0, 3) has 1 and 2; pair (0, 1) has 2; pair (1, 2) has 0 and 3.
    const s = thirdPartyShares(
      4,
      mask(4, [
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    );
    expect([...s]).toEqual([1, 1 / 2, 1 / 2, 1 / 2, 1 / 2, 1]);
  });
  it('gives 0 to a pair no third actor bears on', () => {
    expect([...thirdPartyShares(3, mask(3, [[0, 1]]))]).toEqual([0, 1, 1]);
  });
  it('does not change for a pair when actors tied to neither side join', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 20 }),
        (n, extra, raw) => {
          const pairs = raw.map(([a, b]) => [a % n, b % n] as [number, number]);
          const small = thirdPartyShares(n, mask(n, pairs));
          // Newcomers tied only to each other, in a chain.
          const chain = Array.from({ length: extra - 1 }, (_, e) => [n + e, n + e + 1] as [number, number]);
          const big = thirdPartyShares(n + extra, mask(n + extra, [...pairs, ...chain]));
          let q = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++, q++) {
              const Q = i * (n + extra) - (i * (i + 1)) / 2 + (j - i - 1);
              expect(big[Q]).toBe(small[q]);
            }
        },
      ),
    );
  });
});
