import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crpsSorted, quantileSorted, ScoreSum, signClass } from './scores.js';

/** The fair CRPS by its definition, with the O(m²) pair sum. */
function crpsByDefinition(x: number[], y: number): number {
  const m = x.length;
  const error = x.reduce((s, v) => s + Math.abs(v - y), 0) / m;
  if (m === 1) return error;
  let pairs = 0;
  for (const a of x) for (const b of x) pairs += Math.abs(a - b);
  return error - pairs / (2 * m * (m - 1));
}

describe('ensemble scores', () => {
  it('match hand computations', () => {
    // [0, 1, 2] against 2: mean error (2 + 1 + 0)/3 = 1; pair sum 8, over 2·3·2 → 1 − 2/3.
    expect(crpsSorted([0, 1, 2], 2)).toBeCloseTo(1 / 3, 12);
    expect(crpsSorted([0, 1], 0.25)).toBeCloseTo(0, 12);
    expect(crpsSorted([0.3], 0.1)).toBeCloseTo(0.2, 12);
    expect(quantileSorted([0, 1, 2, 3], 0.5)).toBe(1.5);
    expect(quantileSorted([0, 1, 2, 3], 0.25)).toBe(0.75);
    expect(signClass(0.04, 0.05)).toBe(0);
    expect(signClass(-0.05, 0.05)).toBe(-1);
  });

  it('give the definition’s fair CRPS for any ensemble', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (x, y) => {
          const sorted = [...x].sort((a, b) => a - b);
          expect(crpsSorted(sorted, y)).toBeCloseTo(crpsByDefinition(x, y), 9);
        },
      ),
    );
  });

  it('sum a row by hand', () => {
    const row = new ScoreSum();
    // Cell 1: ensemble mean 0.2, outcome 0.5, inside both intervals' reach? [0, 0.4] no.
    row.add({ sorted: [0, 0.2, 0.4], outcome: 0.5, pChange: 0.25, changed: true });
    // Cell 2: mean 0, outcome 0 (inside both), no change.
    row.add({ sorted: [-0.1, 0, 0.1], outcome: 0, pChange: 0, changed: false });
    const s = row.row();
    expect(s.cells).toBe(2);
    expect(s.rmse).toBeCloseTo(Math.sqrt((0.3 ** 2 + 0) / 2), 12);
    expect(s.brier).toBeCloseTo((0.75 ** 2 + 0) / 2, 12);
    // The log score floors the certain "no change" at 1 − 0.001.
    expect(s.logScore).toBeCloseTo((-Math.log(0.25) - Math.log(0.999)) / 2, 12);
    expect(s.coverage50).toBe(0.5);
    expect(s.coverage90).toBe(0.5);
    expect(s.crps).toBeCloseTo(
      (crpsByDefinition([0, 0.2, 0.4], 0.5) + crpsByDefinition([-0.1, 0, 0.1], 0)) / 2,
      12,
    );
    expect(new ScoreSum().row().rmse).toBeNull();
  });
});
