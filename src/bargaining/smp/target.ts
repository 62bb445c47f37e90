/**
 * Choice of target (KTAB `SMPState::bestChallenge`): each actor challenges the actor whose
 * challenge has the largest expected gain from its own view, and only if that gain exceeds a small
 * threshold; ties go to the lowest index.
 */

/**
 * Index of the best target, or −1 when no challenge is worth making. `gains[j]` is the expected
 * gain of challenging j (the entry for the actor itself is ignored).
 *
 * @example
 * bestTarget(Float64Array.of(0, 0.2, 0.3), 0, 1e-5); // 2
 */
export function bestTarget(gains: Float64Array, self: number, minGain: number): number {
  let best = -1;
  let bestGain = -1;
  for (let j = 0; j < gains.length; j++) {
    if (j === self) continue;
    const g = gains[j]!;
    if (minGain < g && bestGain < g) {
      best = j;
      bestGain = g;
    }
  }
  return best;
}
