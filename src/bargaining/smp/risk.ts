/**
 * Risk attitudes inferred from how exposed each position is (KTAB `SMPState::setAllAUtil` with
 * BigRRange Mid): with risk-neutral utilities U_ki = 1 − d_ki and capability-weighted votes, each
 * position's probability p_i of prevailing is found (see win-probabilities.ts); then
 * R_i = (3p_i − (pMax + 2·pMin)) / (2(pMax − pMin)), so the likeliest position is risk-averse
 * (R = 1) and the least likely risk-acceptant (R = −½).
 */
import { spatialUtility } from './utility.js';
import { optionProbabilities } from './win-probabilities.js';

/**
 * R_i per actor from the distance matrix. When every position is equally likely (a lone actor,
 * or all positions equal) KTAB would divide by zero; everyone is then risk neutral (R = 0).
 *
 * @example
 * const r = riskAttitudes(distances, actors.capability, actors.n, 1e-8);
 */
export function riskAttitudes(
  distances: Float64Array,
  capability: Float64Array,
  n: number,
  floor: number,
): Float64Array {
  const utility = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) utility[i * n + k] = spatialUtility(distances[k * n + i]!, 0);
  }
  const p = optionProbabilities(capability, utility, n, n, floor);
  return bigRFromProbabilities(p);
}

/** KTAB `Model::bigRfromProb` with BigRRange Mid. */
export function bigRFromProbabilities(p: Float64Array): Float64Array {
  let pMin = 1;
  let pMax = 0;
  for (const pi of p) {
    pMin = Math.min(pi, pMin);
    pMax = Math.max(pi, pMax);
  }
  const out = new Float64Array(p.length);
  if (!(pMax - pMin > 0)) return out;
  for (let i = 0; i < p.length; i++) out[i] = (3 * p[i]! - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
  return out;
}
