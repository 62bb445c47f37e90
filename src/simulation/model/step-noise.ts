/**
 * What a step shares between the hand-stepped `Simulation` and the Monte Carlo `Runner`: the
 * per-run random streams, named, and the step's noise on the observed ties. A step is
 * `evaluate()` then `commit(noise.draw())`, in both paths; the noise is a uniform shock of
 * variance noise² · dt per observed dyad (±noise · √dt · √3), drawn in the order i < j.
 */
import { type Rng, stream } from '../../kernels/random.js';

/** Purposes of the per-run random streams: a run reads only (seed, run, purpose). */
export const RUN_STREAMS = Object.freeze({ parameters: 1, ties: 2, noise: 3, measures: 4 });

export type RunStream = keyof typeof RUN_STREAMS;

/**
 * The generator of one purpose of one run.
 *
 * @example
 * const rng = runStream(plan.seed, run, 'noise');
 */
export function runStream(seed: number, run: number, purpose: RunStream): Rng {
  return stream(seed, run, RUN_STREAMS[purpose]);
}

/**
 * The noise of a step on the observed dyads (symmetric n×n), sized once per model.
 *
 * @example
 * const noise = new StepNoise(n, observed);
 * noise.reset(runStream(seed, run, 'noise'), engine.noise, dt);
 * engine.evaluate();
 * engine.commit(noise.draw());
 */
export class StepNoise {
  private readonly matrix: Float64Array;
  private readonly pairs: Int32Array;
  private rng: Rng | undefined;
  private amplitude = 0;

  constructor(
    private readonly n: number,
    observed: Uint8Array,
  ) {
    this.matrix = new Float64Array(n * n);
    const pairs: number[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (observed[i * n + j]) pairs.push(i * n + j);
    this.pairs = Int32Array.from(pairs);
  }

  /** Starts a trajectory: its noise stream, the noise level (per √year) and the step (years). */
  reset(rng: Rng, level: number, dt: number): void {
    this.rng = rng;
    this.amplitude = level * Math.sqrt(dt) * Math.sqrt(3);
  }

  /** The next step's noise, or null when the level is 0 (no draw is taken then). */
  draw(): Float64Array | null {
    const { matrix, pairs, n, amplitude, rng } = this;
    if (amplitude <= 0 || !rng) return null;
    for (let e = 0; e < pairs.length; e++) {
      const x = pairs[e]!;
      const v = amplitude * (2 * rng.next() - 1);
      matrix[x] = v;
      matrix[(x % n) * n + Math.floor(x / n)] = v;
    }
    return matrix;
  }
}
