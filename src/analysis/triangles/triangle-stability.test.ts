import { describe, expect, it } from 'vitest';
import { compositeSnapshot, compositeTie as tie } from '../../../test/helpers/composite-snapshot.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Snapshot, TieAt } from '../../domain/world.js';
import { stream } from '../../kernels/random.js';
import { triangleStability } from './triangle-stability.js';

const snap = (ties: TieAt[]): Snapshot => compositeSnapshot(['A', 'B', 'C'], ties);

/** Standard normal distribution function (Abramowitz & Stegun 7.1.26, error below 1.5e-7). */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('triangle stability', () => {
  it('never moves a triangle whose ties are held with full confidence', () => {
    const s = triangleStability(
      snap([tie('A', 'B', 0.6, 1), tie('A', 'C', 0.5, 1), tie('B', 'C', -0.8, 1)]),
      ['A', 'B', 'C'],
      stream(1),
      { draws: 200 },
    );
    expect(s.triangle.type).toBe('romantic');
    expect(s.keepsType).toBe(1);
    expect(s.types.romantic).toBe(1);
    expect(s.ties.map((t) => [t.tie, t.sign, t.keepsSign])).toEqual([
      ['A-B', '+', 1],
      ['A-C', '+', 1],
      ['B-C', '-', 1],
    ]);
  });

  it('shares the draws of a tie near the neutral cut-off as its noise model says', () => {
    // A–B at 0.12 with confidence 0.5: sd 0.25 · 0.5 = 0.125; it stays positive (≥ 0.1) with
    // probability 1 − Φ((0.1 − 0.12) / 0.125)
    const draws = 20000;
    const s = triangleStability(
      snap([tie('A', 'B', 0.12, 0.5), tie('A', 'C', 0.7, 1), tie('B', 'C', -0.7, 1)]),
      ['A', 'B', 'C'],
      stream(3),
      { draws },
    );
    const p = 1 - phi(-0.02 / 0.125);
    const se = Math.sqrt((p * (1 - p)) / draws);
    expect(Math.abs(s.ties[0]!.keepsSign - p)).toBeLessThan(4 * se);
    expect(s.keepsType).toBe(s.ties[0]!.keepsSign); // the other two never move
    expect(Math.abs(s.types.incomplete - (phi(-0.02 / 0.125) - phi(-0.22 / 0.125)))).toBeLessThan(4 * se);
    expect(s.types['stable-marriage']).toBeCloseTo(1 - s.types.romantic - s.types.incomplete, 12);
  });

  it('keeps a tie the snapshot does not have at neutral: no data, no confidence invented', () => {
    const s = triangleStability(
      snap([tie('A', 'B', 0.6, 0.2), tie('A', 'C', 0.5, 0.2)]),
      ['A', 'B', 'C'],
      stream(5),
      { draws: 300 },
    );
    expect(s.triangle.type).toBe('incomplete');
    expect(s.keepsType).toBe(1);
    expect(s.ties[2]).toEqual({ tie: 'B-C', value: 0, sign: '0', keepsSign: 1 });
  });

  it('gives the same shares for the same seed and other shares for another', () => {
    const s = snap([tie('A', 'B', 0.12, 0.4), tie('A', 'C', -0.15, 0.4), tie('B', 'C', 0.2, 0.3)]);
    const run = (seed: number) => triangleStability(s, ['A', 'B', 'C'], stream(seed), { draws: 500 });
    expect(run(9)).toEqual(run(9));
    expect(run(9).keepsType).not.toBe(run(10).keepsType);
  });

  it('refuses a number of draws that is not a whole number ≥ 1', () => {
    const s = snap([]);
    for (const draws of [0, 2.5, -3])
      expect(() => triangleStability(s, ['A', 'B', 'C'], stream(1), { draws })).toThrow(InvalidInputError);
  });
});
