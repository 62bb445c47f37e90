import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../domain/schema.js';
import type { Layer } from '../../domain/world.js';
import { quantile } from '../../kernels/quantiles.js';
import type { WorldModel } from '../model/world-model.js';
import type { Gathered } from '../runs/gather.js';
import type { Plan } from '../runs/plan.js';
import { Summariser } from './summary.js';

const clip = (x: number) => Math.max(-1, Math.min(1, x));
const round6 = (x: number) => {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
};

/** The effect of pair (i, j) computed the plain way: one pair across all runs, then a full sort. */
function reference(g: Gathered, n: number, i: number, j: number, layer: Layer, L0: number, rem: number) {
  const P = (n * (n - 1)) / 2;
  const p = i * n - (i * (i + 1)) / 2 + (j - i - 1);
  const diffs: number[] = [];
  let base = 0;
  for (let r = 0; r < g.runs; r++) {
    const [w0, ws, wt] = [0, 1, 2].map((k) => g.horizon[r * 3 * P + k * P + p]!) as [number, number, number];
    if (layer === 'composite') {
      diffs.push(ws - wt);
      base += wt;
    } else {
      const lt = clip(L0 + wt - w0);
      diffs.push(clip(L0 + ws - w0 + rem) - lt);
      base += lt;
    }
  }
  let sum = 0;
  let pos = 0;
  for (const d of diffs) {
    sum += d;
    pos += d > 1e-12 ? 1 : d >= -1e-12 ? 0.5 : 0;
  }
  const sorted = Float64Array.from(diffs).sort();
  return {
    mean: round6(sum / g.runs),
    lo: round6(quantile(sorted, 0.05)),
    hi: round6(quantile(sorted, 0.95)),
    pPositive: round6(pos / g.runs),
    baseline: round6(base / g.runs),
  };
}

const world = fc
  .record({ n: fc.integer({ min: 2, max: 16 }), runs: fc.integer({ min: 1, max: 25 }) })
  .chain(({ n, runs }) => {
    const P = (n * (n - 1)) / 2;
    const value = fc.double({ min: -1, max: 1, noNaN: true });
    return fc.record({
      n: fc.constant(n),
      runs: fc.constant(runs),
      horizon: fc.array(value, { minLength: runs * 3 * P, maxLength: runs * 3 * P }),
      layer: fc.array(value, { minLength: n * n, maxLength: n * n }),
      remainder: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    });
  });

describe('Summariser.effects', () => {
  it('equals the plain pair-by-pair computation on every layer, for more pairs than one block', () => {
    fc.assert(
      fc.property(world, ({ n, runs, horizon, layer, remainder }) => {
        const ids = Array.from({ length: n }, (_, i) => `A${String(i).padStart(2, '0')}`);
        const layers = Object.fromEntries(DIMENSIONS.map((d) => [d, Float64Array.from(layer)]));
        const model = { n, ids, layers } as unknown as WorldModel;
        // One shock aimed at the first dimension of the first pair carries a layer remainder.
        const shock = { kind: 'tie', i: 0, j: 1, dimension: DIMENSIONS[0], layerRemainder: remainder };
        const plan = { shocks: [shock], tracked: [], steps: 0 } as unknown as Plan;
        const g: Gathered = {
          runs,
          horizon: Float64Array.from(horizon),
          capabilities: new Float64Array(0),
          trajectories: new Float64Array(0),
          attribution: new Float64Array(0),
          via: new Float64Array(0),
          measures: new Float64Array(0),
          clipped: new Float64Array(0),
        };
        const s = new Summariser(plan, model, g, []);
        for (const l of ['composite', DIMENSIONS[0], DIMENSIONS[1]] as Layer[]) {
          const byPair = new Map(s.effects(l).map((e) => [`${e.a}-${e.b}`, e]));
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              const L0 = l === 'composite' ? 0 : layer[i * n + j]!;
              const rem = l === DIMENSIONS[0] && i === 0 && j === 1 ? remainder : 0;
              const { a: _a, b: _b, dimension: _d, p: _p, ...got } = byPair.get(`${ids[i]}-${ids[j]}`)!;
              expect(got).toEqual(reference(g, n, i, j, l, L0, rem));
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
