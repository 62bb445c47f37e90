import { describe, expect, it } from 'vitest';
import { stepBands } from './bands.js';

describe('stepBands', () => {
  it('takes each side’s percentiles over the runs that define it', () => {
    // Five runs, [scenario, twin] per run; the twin is undefined in the last run.
    const values = Float64Array.from([5, 10, 1, 20, 3, 30, 2, 40, 4, Number.NaN]);
    const b = stepBands({ values, runs: 5, offset: (r) => 2 * r });
    expect(b.scenario).toEqual({ lo90: 1.2, lo50: 2, median: 3, hi50: 4, hi90: 4.8 });
    expect(b.baseline).toEqual({
      lo90: 11.5,
      lo50: 17.5,
      median: 25,
      hi50: 32.5,
      hi90: 38.5,
    });
  });

  it('is null on a side no run defines', () => {
    const values = Float64Array.from([Number.NaN, 1, Number.NaN, 2]);
    const b = stepBands({ values, runs: 2, offset: (r) => 2 * r });
    expect(b.scenario).toBeNull();
    expect(b.baseline?.median).toBe(1.5);
  });
});
