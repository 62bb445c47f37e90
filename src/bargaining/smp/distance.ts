/**
 * Salience-weighted distance between an actor's ideal point and another actor's position
 * (KTAB `SMPModel::bvDiff`): d_ij = sqrt( Σ_d (s_id·(x_id − x_jd))² / Σ_d s_id² ). With ideals
 * tracking positions (KTAB's default identity accommodation) the ideal is the current position.
 * Summation order follows KTAB's so that results agree to the last bit.
 */
import type { SmpActors } from './actors.js';

/**
 * All n² distances, `out[i·n + j]` from i's point of view (asymmetric: i's saliences weigh).
 *
 * @example
 * const d = salienceDistances(actors, positions);
 * d[0 * actors.n + 6]; // distance of actor 6's position as actor 0 sees it
 */
export function salienceDistances(
  actors: SmpActors,
  positions: Float64Array,
  out: Float64Array = new Float64Array(actors.n * actors.n),
): Float64Array {
  const { n, dims, salience } = actors;
  for (let i = 0; i < n; i++) {
    const oi = i * dims;
    let ssSqr = 0;
    for (let d = 0; d < dims; d++) {
      const s = salience[oi + d]!;
      ssSqr += s * s;
    }
    for (let j = 0; j < n; j++) {
      const oj = j * dims;
      let dsSqr = 0;
      for (let d = 0; d < dims; d++) {
        const ds = (positions[oi + d]! - positions[oj + d]!) * salience[oi + d]!;
        dsSqr += ds * ds;
      }
      out[i * n + j] = Math.sqrt(dsSqr / ssSqr);
    }
  }
  return out;
}

/** Distance from actor i's current position to an arbitrary point (e.g. a bargain). */
export function distanceToPoint(
  actors: SmpActors,
  positions: Float64Array,
  i: number,
  point: Float64Array,
): number {
  const { dims, salience } = actors;
  const oi = i * dims;
  let dsSqr = 0;
  let ssSqr = 0;
  for (let d = 0; d < dims; d++) {
    const s = salience[oi + d]!;
    const ds = (positions[oi + d]! - point[d]!) * s;
    dsSqr += ds * ds;
    ssSqr += s * s;
  }
  return Math.sqrt(dsSqr / ssSqr);
}
