import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastPoint, weightedMedian } from './forecast-point.js';

describe('forecast point', () => {
  it('weights by capability × salience', () => {
    expect(forecastPoint([0, 100], [1, 3], [50, 50], 2, 1)).toEqual({ mean: [75], median: [100] });
    expect(forecastPoint([0, 100, 10, 20], [1, 1, 1, 1], [10, 90, 90, 10], 2, 2)).toEqual({
      mean: [9, 92],
      median: [10, 100],
    });
  });

  it('the weighted median beats every other position in a pairwise vote (Black 1948)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 })), {
          minLength: 1,
          maxLength: 9,
        }),
        (rows) => {
          const xs = rows.map(([x]) => x);
          const ws = rows.map(([, w]) => w);
          const m = weightedMedian(xs, ws);
          for (const other of xs) {
            const margin = xs.reduce((s, x, k) => s + ws[k]! * (Math.abs(x - other) - Math.abs(x - m)), 0);
            expect(margin).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
