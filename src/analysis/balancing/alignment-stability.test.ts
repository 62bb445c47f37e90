import { describe, expect, it } from 'vitest';
import { compositeSnapshot, compositeTie as tie } from '../../../test/helpers/composite-snapshot.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { stream } from '../../kernels/random.js';
import { alignmentStability } from './alignment-stability.js';

// X sits firmly with P; Y barely leans to P on thin, uncertain ties; Z has a tie to P only.
const snap: Snapshot = compositeSnapshot(
  ['P', 'Q', 'X', 'Y', 'Z'],
  [
    tie('P', 'Q', -0.8, 1),
    tie('P', 'X', 0.8, 1),
    tie('P', 'Y', 0.2, 0.2),
    tie('P', 'Z', 0.5, 0.5),
    tie('Q', 'X', -0.6, 1),
    tie('Q', 'Y', 0.1, 0.2),
  ],
);

describe('alignment stability', () => {
  it('keeps a position held with full confidence, and shares a thin one between sides', () => {
    const s = alignmentStability(snap, ['P', 'Q'], stream(4), { draws: 2000 });
    const x = s.rows.find((r) => r.actor === 'X')!;
    expect(x).toEqual({ actor: 'X', position: 0.7, side: '+', keepsSide: 1, band: [0.7, 0.7] });
    const y = s.rows.find((r) => r.actor === 'Y')!;
    expect(y.side).toBe('+'); // (0.2 − 0.1) / 2 = 0.05, just at the side band
    expect(y.position).toBeCloseTo(0.05, 12);
    expect(y.keepsSide).toBeGreaterThan(0.2);
    expect(y.keepsSide).toBeLessThan(0.8);
    expect(y.band[0]).toBeLessThan(0);
    expect(y.band[1]).toBeGreaterThan(0.05);
    // one pole only: no position in the measure, none in any draw
    expect(s.rows.map((r) => r.actor)).toEqual(s.report.rows.map((r) => r.actor));
    expect(s.report.oneSided.map((r) => r.actor)).toEqual(['Z']);
  });

  it('gives the same shares for the same seed and refuses a bad number of draws', () => {
    const run = (seed: number) => alignmentStability(snap, ['P', 'Q'], stream(seed), { draws: 300 });
    expect(run(2)).toEqual(run(2));
    expect(run(2).rows.find((r) => r.actor === 'Y')!.keepsSide).not.toBe(
      run(3).rows.find((r) => r.actor === 'Y')!.keepsSide,
    );
    expect(() => alignmentStability(snap, ['P', 'Q'], stream(1), { draws: 0 })).toThrow(InvalidInputError);
  });
});
