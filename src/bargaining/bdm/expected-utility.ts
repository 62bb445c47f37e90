/**
 * Expected utility of i challenging j (Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011, §2.2):
 * E(U_ij) = s_j[P·U_s + (1 − P)·U_f] + (1 − s_j)·U_s − Q·U_sq − (1 − Q)[T·U_b + (1 − T)·U_w],
 * with the utilities of the actor whose view is computed (its risk exponent r).
 */
import type { BdmOptions } from './options.js';
import { bdmUtilities, changeUtilities } from './utilities.js';
import type { BdmState } from './win-probability.js';

/**
 * E(U_ij) seen with risk exponent `r`, given P = P(i beats j) and the state's mean position `mean`.
 *
 * @example
 * // r = 1, d = 0.5, s_j = 0.5, P = 5/6, Q = 1: 0.5(5/6·1 + 1/6·(−1)) + 0.5·1 − 0 = 5/6
 */
export function expectedUtility(
  state: BdmState,
  i: number,
  j: number,
  probability: number,
  r: number,
  mean: number,
  opts: Pick<BdmOptions, 'Q' | 'T'>,
): number {
  const { x, salience, range } = state;
  const gap = Math.abs(x[i]! - x[j]!);
  const u = bdmUtilities(gap / range, r);
  const sj = salience[j]!;
  const { Q, T } = opts;
  const challenge = sj * (probability * u.success + (1 - probability) * u.failure) + (1 - sj) * u.success;
  if (Q === 1) return challenge - u.statusQuo;
  const change = changeUtilities((0.25 * (Math.abs(x[i]! - mean) + gap)) / range, r);
  return challenge - Q * u.statusQuo - (1 - Q) * (T * change.better + (1 - T) * change.worse);
}
