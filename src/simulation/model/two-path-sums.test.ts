import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoPathSums, twoPathSumsPlain } from './two-path-sums.js';

/** A symmetric matrix with zero diagonal from upper-triangle values. */
function symmetric(n: number, upper: number[]): Float64Array {
  const W = new Float64Array(n * n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      W[i * n + j] = upper[q]!;
      W[j * n + i] = upper[q++]!;
    }
  }
  return W;
}

const matrix = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((upper) => ({ n, W: symmetric(n, upper) })),
);

describe('twoPathSums', () => {
  it('computes (W·W)_ij of a triangle by hand', () => {
    // Ties ab = +1, ac = +1, bc = −1: ab runs through c (+1 · −1), ac through b, bc through a (+1 · +1).
    const out = new Float64Array(3);
    twoPathSums(Float64Array.from([0, 1, 1, 1, 0, -1, 1, -1, 0]), 3, out);
    expect(Array.from(out)).toEqual([-1, -1, 1]);
  });

  it('agrees with the plain loop to rounding for any size, odd or even', () => {
    fc.assert(
      fc.property(matrix, ({ n, W }) => {
        const P = (n * (n - 1)) / 2;
        const fast = new Float64Array(P);
        const plain = new Float64Array(P);
        twoPathSums(W, n, fast);
        twoPathSumsPlain(W, n, plain);
        for (let q = 0; q < P; q++) expect(Math.abs(fast[q]! - plain[q]!)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result when sizes alternate (the kernel rebinds its memory)', () => {
    const big = symmetric(
      30,
      Array.from({ length: 435 }, (_, q) => Math.sin(q)),
    );
    const small = symmetric(
      5,
      Array.from({ length: 10 }, (_, q) => Math.cos(q)),
    );
    const first = new Float64Array(10);
    twoPathSums(small, 5, first);
    twoPathSums(big, 30, new Float64Array(435));
    const again = new Float64Array(10);
    twoPathSums(small, 5, again);
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
