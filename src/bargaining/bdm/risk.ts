/**
 * Risk attitudes (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011, §5): an actor's danger is
 * what the others expect to gain by challenging it, danger_i = Σ_{j≠i} E(U_ji) (computed with all
 * r reset to 1); R_i = (2·danger_i − max − min)/(max − min) ∈ [−1, 1] over actors, and the risk
 * exponent r_i = (1 − R_i/3)/(1 + R_i/3) ∈ [½, 2].
 */

/**
 * R per actor from the dangers; 0 for everyone when all dangers are equal.
 *
 * @example
 * riskFromDanger(Float64Array.of(-4 / 3, 11 / 6, 11 / 6)); // [-1, 1, 1]
 */
export function riskFromDanger(danger: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const d of danger) {
    if (d > max) max = d;
    if (d < min) min = d;
  }
  const out = new Float64Array(danger.length);
  if (!(max - min > 0)) return out;
  for (let i = 0; i < danger.length; i++) out[i] = (2 * danger[i]! - max - min) / (max - min);
  return out;
}

/**
 * @example
 * riskExponent(1); // 0.5
 * riskExponent(-1); // 2
 */
export function riskExponent(R: number): number {
  return (1 - R / 3) / (1 + R / 3);
}
