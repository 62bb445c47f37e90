/**
 * Flat, float64 views of a bargaining issue for the Spatial Model of Politics (KTAB `smpc`):
 * positions and saliences divided onto 0–1 exactly as KTAB's CSV reader does (`x / 100` for the
 * 0–100 scale), stored row-major by actor so the O(n³) loops read contiguous memory.
 */
import type { BargainingInput } from '../types.js';

/** The fixed attributes of the actors of an SMP run. */
export interface SmpActors {
  readonly n: number;
  readonly dims: number;
  readonly capability: Float64Array;
  /** salience[i·dims + d] on 0–1. */
  readonly salience: Float64Array;
  /** Σ_d salience, summed in dimension order. */
  readonly totalSalience: Float64Array;
  /** Voting weight in a challenge: total salience × capability. */
  readonly challengeWeight: Float64Array;
}

/**
 * Builds the SMP view of an issue's actors.
 *
 * @example
 * const a = toSmpActors(input);
 * a.salience[0]; // first actor's salience on dimension 0, e.g. 0.4953
 */
export function toSmpActors(input: BargainingInput): SmpActors {
  const n = input.actors.length;
  const dims = input.dimensions.length;
  const capability = new Float64Array(n);
  const salience = new Float64Array(n * dims);
  const totalSalience = new Float64Array(n);
  const challengeWeight = new Float64Array(n);
  input.actors.forEach((a, i) => {
    capability[i] = a.capability;
    let sum = 0;
    for (let d = 0; d < dims; d++) {
      const s = a.salience[d]! / 100;
      salience[i * dims + d] = s;
      sum += s;
    }
    totalSalience[i] = sum;
    challengeWeight[i] = sum * a.capability;
  });
  return { n, dims, capability, salience, totalSalience, challengeWeight };
}

/** Positions on 0–1: `(x − min) / (max − min)`, which is KTAB's `x / 100` on a 0–100 scale. */
export function toUnitPositions(input: BargainingInput): Float64Array {
  const dims = input.dimensions.length;
  const { min, max } = input.scale;
  const out = new Float64Array(input.actors.length * dims);
  input.actors.forEach((a, i) => {
    for (let d = 0; d < dims; d++) out[i * dims + d] = (a.position[d]! - min) / (max - min);
  });
  return out;
}

/**
 * Back from 0–1 to the units, trimmed to 15 significant digits so that 0.2478 reads
 * 24.78 rather than 24.779999999999998 (far below any precision the model claims).
 */
export function fromUnit(x: number, scale: { min: number; max: number }): number {
  return Number((scale.min + x * (scale.max - scale.min)).toPrecision(15));
}
