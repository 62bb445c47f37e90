/**
 * A small fixed plan a worker thread runs while the caller is still loading its world, so that by
 * the time the real plan arrives the engine and every mechanism have been compiled by the JIT (a
 * cold thread computes its first runs several times slower and competes with the other thread
 * for the compiler and the garbage collector). The plan is made of the same kinds of values as a
 * compiled one, in the same order, so the compiled code fits real plans; its results are discarded.
 */
import { FOLLOW_DEFAULTS } from '../measures/collector.js';
import { MECHANISM_IDS } from '../model/mechanisms/index.js';
import type { Plan } from './plan.js';

/** Options of the warm-up plan. */
export interface WarmUpOptions {
  /** Actors of the synthetic world (two blocs, ties to near neighbours only). */
  actors: number;
  runs: number;
  steps: number;
}

export const WARM_UP_DEFAULTS: Readonly<WarmUpOptions> = Object.freeze({ actors: 12, runs: 4, steps: 24 });

/**
 * The warm-up plan: two blocs of actors, friendly within and hostile across, a tie shock and a
 * capability shock at the start, two tracked pairs.
 *
 * @example
 * new Runner(warmUpPlan()).runChunk(0, WARM_UP_DEFAULTS.runs); // compiles, result unused
 */
export function warmUpPlan(options: Partial<WarmUpOptions> = {}): Plan {
  const { actors: n, runs, steps } = { ...WARM_UP_DEFAULTS, ...options };
  const ties = new Float64Array(n * n);
  const confidence = new Float64Array(n * n);
  const observed = new Uint8Array(n * n);
  const prox = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const x = i * n + j;
      prox[x] = 0.5;
      if (Math.abs(i - j) > 3) continue;
      ties[x] = i % 2 === j % 2 ? 0.6 : -0.4;
      confidence[x] = 0.7;
      observed[x] = 1;
    }
  }
  const capabilities = Float64Array.from({ length: n }, (_, i) => 0.01 * (1 + i));
  return {
    model: { n, ties, confidence, observed, capabilities, prox },
    dt: 1 / 12,
    steps,
    runs,
    seed: 1,
    mechanisms: [...MECHANISM_IDS],
    overrides: {},
    engine: {},
    priors: {},
    drawParameters: true,
    drawTies: true,
    shocks: [
      {
        at: 0,
        kind: 'tie',
        i: 0,
        j: 1,
        mode: 'shift',
        value: 0.5,
        persist: true,
        layerRemainder: 0,
        source: 0,
      },
      { at: 0, kind: 'capability', i: 2, factor: 1.1 },
    ],
    tracked: [
      [0, 1],
      [2, 5],
    ],
    chunk: runs,
    // Followed measures run only the analysis code they call, which warms up on its own.
    follow: [],
    view: { world: 'warm-up', at: '2000-01', actors: [], n, observed, records: [] },
    measures: { ...FOLLOW_DEFAULTS },
  };
}
