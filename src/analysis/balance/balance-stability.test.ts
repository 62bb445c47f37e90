import { describe, expect, it } from 'vitest';
import { compositeSnapshot, compositeTie as tie } from '../../../test/helpers/composite-snapshot.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Snapshot, TieAt } from '../../domain/world.js';
import { stream } from '../../kernels/random.js';
import { balanceStability } from './balance-stability.js';

const snap = (ties: TieAt[]): Snapshot => compositeSnapshot(['A', 'B', 'C'], ties);

describe('balance stability', () => {
  it('never moves a graph whose ties are held with full confidence', () => {
    const s = balanceStability(
      snap([tie('A', 'B', 0.6, 1), tie('A', 'C', -0.5, 1), tie('B', 'C', -0.8, 1)]),
      stream(1),
      { draws: 100 },
    );
    expect(s).toEqual({
      draws: 100,
      edges: { value: 3, band: [3, 3] },
      triangles: { value: 1, band: [1, 1] },
      triangleIndex: { value: 1, band: [1, 1] },
      balanced: true,
      keepsBalanced: 1,
    });
  });

  it('lets an uncertain tie near the cut-off drop out or flip, and repeats for the same seed', () => {
    // A–B at 0.12 held at 0.3: neutral (dropped) or negative (unbalanced) in a good share of draws
    const s = snap([tie('A', 'B', 0.12, 0.3), tie('A', 'C', -0.5, 1), tie('B', 'C', -0.8, 1)]);
    const r = balanceStability(s, stream(2), { draws: 2000 });
    expect(r.balanced).toBe(true);
    expect(r.edges.band[0]).toBe(2);
    expect(r.triangles.band).toEqual([0, 1]);
    expect(r.keepsBalanced).toBeGreaterThan(0.5);
    expect(r.keepsBalanced).toBeLessThan(1);
    expect(balanceStability(s, stream(2), { draws: 2000 })).toEqual(r);
    expect(() => balanceStability(s, stream(2), { draws: 0 })).toThrow(InvalidInputError);
  });
});
