/**
 * Stop rule (KTAB `smpStopFn`): after at least `minTurns` turns, stop when the total movement of
 * this turn, Σ_i ‖x_i(t) − x_i(t−1)‖, divided by that of the first turn (plus a small constant),
 * falls below `stopRatio`; never run more than `maxTurns`.
 */
import type { SmpOptions } from './options.js';

/**
 * Σ_i ‖a_i − b_i‖ (Euclidean per actor, on the 0–1 scale).
 *
 * @example
 * stateDistance(Float64Array.of(0, 0), Float64Array.of(0.3, 0.4), 1, 2); // 0.5
 */
export function stateDistance(a: Float64Array, b: Float64Array, n: number, dims: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let d = 0; d < dims; d++) {
      const x = a[i * dims + d]! - b[i * dims + d]!;
      sq += x * x;
    }
    total += Math.sqrt(sq);
  }
  return total;
}

/**
 * Decides after `turns` steps whether to stop, given the movement of the first and latest steps.
 *
 * @example
 * stopDecision(10, 0.874, 0.00396, SMP_DEFAULTS); // { stop: true, converged: true, ratio: ≈0.0045 }
 */
export function stopDecision(
  turns: number,
  firstStep: number,
  lastStep: number,
  opts: Pick<SmpOptions, 'minTurns' | 'maxTurns' | 'stopRatio' | 'minStepChange'>,
): { stop: boolean; converged: boolean; ratio: number } {
  const ratio = lastStep / (firstStep + opts.minStepChange);
  const converged = turns >= opts.minTurns && ratio < opts.stopRatio;
  return { stop: converged || turns >= opts.maxTurns, converged, ratio };
}
