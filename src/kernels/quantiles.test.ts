import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, selectQuantiles } from './quantiles.js';

const QS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

describe('selectQuantiles', () => {
  it('gives what quantile gives on the sorted values, for any values and probabilities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          maxLength: 300,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (xs, qs) => {
          const sorted = Float64Array.from(xs).sort();
          const want = qs.map((q) => quantile(sorted, q));
          const got = selectQuantiles(Float64Array.from(xs), qs);
          // −0 and +0 may trade places: compare as numbers.
          expect(got.map((x) => x + 0)).toEqual(want.map((x) => x + 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles long runs of one value and sorted input', () => {
    const flat = new Float64Array(1000).fill(2);
    expect(selectQuantiles(flat, QS)).toEqual(QS.map(() => 2));
    const ramp = Float64Array.from({ length: 1001 }, (_, i) => i);
    expect(selectQuantiles(ramp.slice().reverse(), [0.05, 0.5, 0.95])).toEqual([50, 500, 950]);
  });

  it('is NaN on no values', () => {
    expect(selectQuantiles(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
