/**
 * The noise model for a tie's uncertainty, shared by the Monte Carlo engine's initial ties and the
 * stability of every measure read off a snapshot: a tie observed at value v with confidence c is
 * drawn as N(v, (spread · (1 − c))²), clipped to [−1, 1]. A tie held with full confidence never
 * moves; one held with confidence 0.5 has a standard deviation of spread / 2. This is a
 * measurement-error reading of confidence (a parametric bootstrap of the coded values, in the spirit
 * of Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 6), not a model of change.
 */
import { InvalidInputError } from '../domain/errors.js';
import type { Snapshot } from '../domain/world.js';
import type { Rng } from '../kernels/random.js';

export interface TieDrawOptions {
  /** Standard deviation of a tie held with confidence 0. */
  spread: number;
}

export const TIE_DRAW_DEFAULTS: Readonly<TieDrawOptions> = Object.freeze({ spread: 0.25 });

/**
 * The tie value for one standard-normal draw `z`.
 *
 * @example
 * drawTie(0.5, 0.6, 1.2, 0.25); // 0.5 + 0.25 · 0.4 · 1.2 = 0.62
 */
export function drawTie(
  value: number,
  confidence: number,
  z: number,
  spread = TIE_DRAW_DEFAULTS.spread,
): number {
  const w = value + spread * (1 - confidence) * z;
  return w > 1 ? 1 : Math.max(w, -1);
}

/**
 * A copy of a snapshot whose ties on its layer are drawn once from their confidence (one normal
 * per tie, in the snapshot's order); dyads without a tie stay without one.
 *
 * @example
 * const drawn = drawSnapshot(snap, stream(7)); // drawn.ties[i].value ≈ snap.ties[i].value
 */
export function drawSnapshot(s: Snapshot, rng: Rng, spread = TIE_DRAW_DEFAULTS.spread): Snapshot {
  return {
    ...s,
    ties: s.ties.map((t) => ({ ...t, value: drawTie(t.value, t.confidence, rng.normal(), spread) })),
  };
}

/**
 * Refuses a number of draws that is not a whole number ≥ 1, for every stability measure alike.
 *
 * @example
 * checkDraws(500); // passes; checkDraws(0) throws InvalidInputError
 */
export function checkDraws(draws: number): void {
  if (!Number.isSafeInteger(draws) || draws < 1) {
    throw new InvalidInputError({
      field: 'draws',
      message: `the number of draws must be a whole number ≥ 1, got ${draws}`,
      hint: 'a few hundred draws give shares to about ±0.03',
    });
  }
}
