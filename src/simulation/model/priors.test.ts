import { describe, expect, it } from 'vitest';
import { stream } from '../../kernels/random.js';
import { draw, lognormal, normal, normalQuantile, priorQuantile, uniform } from './priors.js';

describe('priors', () => {
  it('give the normal quantiles of the tables', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323, 6);
  });

  it('put a share q of their draws below their quantile q, clamped like the draws', () => {
    for (const prior of [lognormal(0.6, 0.3), uniform(0.3, 0.7), normal(0.2, 0.05)]) {
      const rng = stream(9, 1);
      const draws = Array.from({ length: 20000 }, () => draw(prior, rng));
      for (const q of [0.05, 0.5, 0.95]) {
        const below = draws.filter((x) => x < priorQuantile(prior, q)).length / draws.length;
        expect(Math.abs(below - q)).toBeLessThan(0.01);
      }
    }
    expect(priorQuantile(normal(0.02, 0.05), 0.05, 0, 1)).toBe(0);
  });
});
