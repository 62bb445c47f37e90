/**
 * Bargain proposed by initiator i to target j (KTAB `SMPActor::interpolateBrgn`, S2P2): on each
 * dimension the two positions are averaged with weights w_i = s_i²·P², w_j = s_j²·(1 − P)², P being
 * i's estimate that it prevails; a tiny extra weight on each side's own position settles 0/0 and
 * makes the two proposals differ in the last digit; results are rounded to 4 decimals (0–1 scale).
 */
import type { SmpOptions } from './options.js';

/** Positions (0–1) the initiator proposes for itself and for the target. */
export interface Bargain {
  initiator: number;
  target: number;
  forInitiator: Float64Array;
  forTarget: Float64Array;
}

/**
 * @example
 * // KTAB dummyData_3Dim turn 0: actor 0 challenges 6 with P = 0.7643 → 0 proposes (75.61, 24.78, 71.95)
 * const b = proposeBargain(0, 6, positions, actors.salience, 3, 0.7643, SMP_DEFAULTS);
 */
export function proposeBargain(
  initiator: number,
  target: number,
  positions: Float64Array,
  salience: Float64Array,
  dims: number,
  probability: number,
  opts: Pick<
    SmpOptions,
    'bargainSalienceExponent' | 'bargainProbabilityExponent' | 'bargainTieWeight' | 'bargainDecimals'
  >,
): Bargain {
  const scale = 10 ** opts.bargainDecimals;
  const round = (x: number) => Math.trunc(0.5 + x * scale) / scale;
  const power = (x: number, e: 1 | 2) => (e === 2 ? x * x : x);
  const pI = power(probability, opts.bargainProbabilityExponent);
  const pJ = power(1 - probability, opts.bargainProbabilityExponent);
  const tie = opts.bargainTieWeight;
  const forInitiator = new Float64Array(dims);
  const forTarget = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    const ti = positions[initiator * dims + d]!;
    const tj = positions[target * dims + d]!;
    const wi = power(salience[initiator * dims + d]!, opts.bargainSalienceExponent) * pI;
    const wj = power(salience[target * dims + d]!, opts.bargainSalienceExponent) * pJ;
    forInitiator[d] = round(((wi + tie) * ti + wj * tj) / (wi + tie + wj));
    forTarget[d] = round((wi * ti + (tie + wj) * tj) / (wi + tie + wj));
  }
  return { initiator, target, forInitiator, forTarget };
}
