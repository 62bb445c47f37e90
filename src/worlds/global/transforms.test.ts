import { describe, expect, it } from 'vitest';
import { GLOBAL_DEFAULTS, proximityValue } from './transforms.js';

describe('proximityValue', () => {
  it('is 1 for a land border and decays with the water a contiguity class allows', () => {
    const byClass = [1, 2, 3, 4, 5].map((c) => proximityValue(c, undefined, GLOBAL_DEFAULTS));
    expect(byClass[0]).toBe(1);
    for (let i = 1; i < byClass.length; i++) expect(byClass[i]!).toBeLessThan(byClass[i - 1]!);
    expect(byClass[4]!).toBeCloseTo(Math.exp(-643.7 / 300), 12);
  });

  it('takes the closer of the class and the border distance', () => {
    const o = GLOBAL_DEFAULTS;
    expect(proximityValue(5, 0, o)).toBe(1);
    expect(proximityValue(1, 500, o)).toBe(1);
    expect(proximityValue(undefined, 300, o)).toBeCloseTo(Math.exp(-1), 12);
    expect(proximityValue(4, 900, o)).toBe(proximityValue(4, undefined, o));
  });

  it('is 0 with neither, and never above 1', () => {
    expect(proximityValue(undefined, undefined, GLOBAL_DEFAULTS)).toBe(0);
    expect(proximityValue(undefined, -5, GLOBAL_DEFAULTS)).toBe(1);
  });

  it('the minAbs cut falls inside the 1000 km the distances cover', () => {
    const cut = -GLOBAL_DEFAULTS.proximityScaleKm * Math.log(GLOBAL_DEFAULTS.minAbs);
    expect(cut).toBeLessThan(1000);
  });
});
