import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../forecast.js';
import type { BargainingInput } from '../types.js';
import { proposeBargain } from './bargain.js';
import { SMP_DEFAULTS } from './options.js';
import { stopDecision } from './stop-rule.js';
import { bestTarget } from './target.js';
import { spatialUtility } from './utility.js';
import { optionProbabilities } from './win-probabilities.js';

describe('SMP steps', () => {
  it('utility falls with distance, risk aversion raising it in between', () => {
    expect(spatialUtility(0, 1)).toBe(1);
    expect(spatialUtility(1, -1)).toBe(0);
    expect(spatialUtility(0.5, 1)).toBe(0.75);
    expect(spatialUtility(0.5, -0.5)).toBe(0.375);
  });

  it('targets the largest gain above the threshold, ties to the lowest index', () => {
    expect(bestTarget(Float64Array.of(9, 0.2, 0.3, 0.3), 0, 1e-5)).toBe(2);
    expect(bestTarget(Float64Array.of(0, 1e-6, -1), 0, 1e-5)).toBe(-1);
  });

  it('proportional voting: probabilities follow the weight of each side', () => {
    const p = optionProbabilities(Float64Array.of(1, 2), Float64Array.of(1, 0, 0, 1), 2, 2, 1e-8);
    expect(p[0]).toBeCloseTo(1 / 3, 8);
    expect(p[1]).toBeCloseTo(2 / 3, 8);
  });

  it('interpolates the bargain KTAB logs for 0 challenging 6 in turn 0', () => {
    // dummyData_3Dim actors 0 and 6, P = 0.7643: KTAB prints 75.610 24.780 71.950 / 75.610 24.790 71.950
    const positions = Float64Array.of(0.7579, 0.0637, 0.7045, 0.7096, 0.3346, 0.9036);
    const salience = Float64Array.of(0.4953, 0.0591, 0.2815, 0.3175, 0.2793, 0.2603);
    const b = proposeBargain(0, 1, positions, salience, 3, 0.7643091277590508, SMP_DEFAULTS);
    expect(Array.from(b.forInitiator)).toEqual([0.7561, 0.2478, 0.7195]);
    expect(Array.from(b.forTarget)).toEqual([0.7561, 0.2479, 0.7195]);
  });

  it('stops after the minimum turns once movement falls below 2% of the first turn', () => {
    expect(stopDecision(1, 0.874, 0.001, SMP_DEFAULTS).stop).toBe(false);
    expect(stopDecision(10, 0.874, 0.00396, SMP_DEFAULTS)).toMatchObject({ stop: true, converged: true });
    expect(stopDecision(100, 0.874, 0.5, SMP_DEFAULTS)).toMatchObject({ stop: true, converged: false });
  });
});

const arbitraryIssue = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }))
  .chain(([dims, n]) =>
    fc.array(
      fc.record({
        capability: fc.integer({ min: 1, max: 20_000 }).map((x) => x / 100),
        position: fc.array(
          fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
          { minLength: dims, maxLength: dims },
        ),
        salience: fc.array(
          fc.integer({ min: 1, max: 3300 }).map((x) => x / 100),
          { minLength: dims, maxLength: dims },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
  )
  .map(
    (rows): BargainingInput => ({
      name: 'arbitrary',
      description: '',
      dimensions: rows[0]!.position.map((_, d) => `d${d}`),
      scale: { min: 0, max: 100 },
      actors: rows.map((r, i) => ({ id: `A${i}`, name: `A${i}`, ...r })),
    }),
  );

describe('SMP invariants', () => {
  it('keeps positions within the hull of the initial positions, dimension by dimension', () => {
    fc.assert(
      fc.property(arbitraryIssue, (input) => {
        const r = forecast(input);
        input.dimensions.forEach((_, d) => {
          const xs = input.actors.map((a) => a.position[d]!);
          for (const t of r.turns) {
            for (const p of Object.values(t.positions)) {
              expect(p[d]! >= Math.min(...xs) - 0.01 && p[d]! <= Math.max(...xs) + 0.01).toBe(true);
            }
          }
        });
        expect(r.steps).toBeLessThanOrEqual(SMP_DEFAULTS.maxTurns);
      }),
      { numRuns: 60 },
    );
  });

  it('never moves a lone actor', () => {
    fc.assert(
      fc.property(arbitraryIssue, (input) => {
        const lone = { ...input, actors: input.actors.slice(0, 1) };
        const r = forecast(lone);
        expect(r.final[lone.actors[0]!.id]).toEqual(lone.actors[0]!.position);
        expect(r.turns[0]!.challenges).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
