import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../forecast.js';
import type { BargainingActor, BargainingInput } from '../types.js';

const issue = (actors: BargainingActor[]): BargainingInput => ({
  name: 'test',
  description: '',
  dimensions: ['x'],
  scale: { min: 0, max: 100 },
  actors,
});
const actor = (id: string, capability: number, position: number, salience: number): BargainingActor => ({
  id,
  name: id,
  capability,
  position: [position],
  salience: [salience],
});

/*
 * Worked example, computed by hand. A at 50 (c = 2, s = 1), B at 0 and C at 100 (c = 1, s = ½);
 * range = 100, so c·s = 2, ½, ½ and d(A,B) = d(A,C) = ½, d(B,C) = 1.
 *
 * Risk pass (every r = 1): U_s = 2d, U_f = −2d, U_sq = 0, so E(U_ij) = 2d·[1 − 2·s_j·(1 − P_ij)].
 *   P(A>B): votes A 2·(.5 − 0) = 1, B ½·(0 − .5) = −¼, C ½·(1 − .5) = ¼ → P = 1.25/1.5 = 5/6 (C alike).
 *   P(B>C): A 2·(.5 − .5) = 0, B ½, C −½ → ½.
 *   E(U_AB) = 1·(1 − 2·½·⅙) = 5/6;  E(U_BA) = 1·(1 − 2·1·⅚) = −2/3;  E(U_BC) = E(U_CB) = 2·(1 − ½) = 1.
 *   danger_A = E(U_BA) + E(U_CA) = −4/3;  danger_B = danger_C = 5/6 + 1 = 11/6.
 *   R_A = (2·(−4/3) − 11/6 + 4/3)/(11/6 + 4/3) = −1;  R_B = R_C = +1.
 *   r = (1 − R/3)/(1 + R/3): r_A = 2, r_B = r_C = ½.
 *
 * Second pass, voters' distances raised to their own r:
 *   P(A>B): A 2·(.5² − 0) = ½, B ½·(0 − √.5) = −0.353553, C ½·(1 − √.5) = 0.146447 → P = 0.646447
 *   (the denominator is exactly 1); P(B>A) = 1/(2√2) = 0.353553. P(B>C) = ½ as before.
 *
 * A's view (r = 2, d = ½): U_s = 2 − 4·¼² = 1.75, U_f = 2 − 4·¾² = −0.25, U_sq = 2 − 4·¼ = 1.
 *   E(U_AB) = ½(0.646447·1.75 − 0.353553·0.25) + ½·1.75 − 1 = 0.396447 (> 0: A would challenge B);
 *   E(U_BA) = 1·(0.353553·1.75 − 0.646447·0.25) − 1 = −0.542893 < 0: no offer reaches A; A stays.
 * B's view (r = ½): with A (d = ½) U_s = 2 − 4·√¼ = 0, U_f = 2 − 4·√¾ = −1.464102, U_sq = 2 − 4·√½ = −0.828427.
 *   e_BA = 1·(0.646447·(−1.464102)) + 0.828427 = −0.118036;
 *   e_AB = ½·(0.353553·(−1.464102)) + 0.828427 = 0.569608.
 *   e_AB > 0 > e_BA and e_AB > |e_BA|: compromise, B moves to 0 + 50·0.118036/0.569608 = 10.3612.
 *   with C (d = 1): U_s = 2, U_f = −2, P = ½ both ways, so e_BC = e_CB = ½·0 + ½·2 + 0.828427 = 1.828427:
 *   equal, not greater, so no confrontation. By symmetry C moves to 100 − 10.3612 = 89.6388.
 */
describe('BDM worked example (checked by hand, see the comment above)', () => {
  const result = forecast(issue([actor('A', 2, 50, 100), actor('B', 1, 0, 50), actor('C', 1, 100, 50)]), {
    model: 'bdm',
  });
  const t0 = result.turns[0]!;

  it('infers the risk attitudes and exponents', () => {
    expect(t0.risk.A).toBeCloseTo(-1, 12);
    expect(t0.risk.B).toBeCloseTo(1, 12);
    expect(t0.riskExponent!.A).toBeCloseTo(2, 12);
    expect(t0.riskExponent!.C).toBeCloseTo(0.5, 12);
  });

  it('computes the expected utilities from each side', () => {
    expect(t0.expected!.A!.B).toBeCloseTo(0.396447, 6);
    expect(t0.expected!.B!.C).toBeCloseTo(1.828427, 6);
    expect(t0.expected!.B!.A).toBeUndefined(); // e_BA < 0 is not listed
    const offer = t0.offers!.B!.accepted!;
    expect(offer).toMatchObject({ from: 'A', kind: 'compromise' });
    expect(offer.receiverEu).toBeCloseTo(-0.118036, 6);
    expect(offer.senderEu).toBeCloseTo(0.569608, 6);
    expect(t0.offers!.A).toEqual({ confrontations: 0, compromises: 0 });
    expect(t0.offers!.B).toMatchObject({ confrontations: 0, compromises: 1 });
  });

  it('moves all actors at once: A stays, B and C compromise towards A', () => {
    const t1 = result.turns[1]!.positions;
    expect(t1.A![0]).toBe(50);
    expect(t1.B![0]).toBeCloseTo(10.3612, 4);
    expect(t1.C![0]).toBeCloseTo(89.6388, 4);
    expect(t0.forecast).toEqual({ mean: [50], median: [50] });
  });
});

// Issues on the 0–100 scale with positions to 0.001 (real issues; no subnormal distances).
const arbitraryIssue = fc
  .array(
    fc.record({
      capability: fc.double({ min: 0.01, max: 200, noNaN: true }),
      position: fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000),
      salience: fc.double({ min: 1, max: 100, noNaN: true }),
    }),
    { minLength: 2, maxLength: 7 },
  )
  .map((rows) => issue(rows.map((r, i) => actor(`A${i}`, r.capability, r.position, r.salience))));

describe('BDM invariants', () => {
  it('keeps every position within the range of the initial positions', () => {
    fc.assert(
      fc.property(arbitraryIssue, (input) => {
        const xs = input.actors.map((a) => a.position[0]!);
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        const r = forecast(input, { model: 'bdm' });
        for (const t of r.turns) {
          for (const [x] of Object.values(t.positions)) expect(x! >= lo - 1e-9 && x! <= hi + 1e-9).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never moves a lone actor', () => {
    fc.assert(
      fc.property(arbitraryIssue, (input) => {
        const lone = { ...input, actors: input.actors.slice(0, 1) };
        const r = forecast(lone, { model: 'bdm' });
        expect(r.final[lone.actors[0]!.id]).toEqual(lone.actors[0]!.position);
        expect(r.steps).toBe(0);
      }),
    );
  });

  it('does not change when every capability is scaled by the same factor', () => {
    // Powers of two scale exactly in floating point, so the two runs must agree to the bit.
    fc.assert(
      fc.property(arbitraryIssue, fc.integer({ min: -20, max: 20 }), (input, k) => {
        const scaled = {
          ...input,
          actors: input.actors.map((a) => ({ ...a, capability: a.capability * 2 ** k })),
        };
        const a = forecast(input, { model: 'bdm' });
        const b = forecast(scaled, { model: 'bdm' });
        expect(b.turns.map((t) => [t.positions, t.risk])).toEqual(a.turns.map((t) => [t.positions, t.risk]));
      }),
      { numRuns: 150 },
    );
  });

  it('asks for a dimension on a multi-dimensional issue', () => {
    const two: BargainingInput = {
      ...issue([actor('A', 1, 10, 50), actor('B', 1, 90, 50)]),
      dimensions: ['x', 'y'],
      actors: [
        { id: 'A', name: 'A', capability: 1, position: [10, 20], salience: [30, 30] },
        { id: 'B', name: 'B', capability: 1, position: [90, 80], salience: [30, 30] },
      ],
    };
    expect(() => forecast(two, { model: 'bdm' })).toThrow(/one-dimensional.*2 dimensions/);
    expect(forecast(two, { model: 'bdm', dimension: 1 }).dimensions).toEqual(['y']);
  });
});
