/**
 * Value of a challenge (KTAB `SMPState::probEduChlg`): estimator h's view of the probability that
 * i prevails when it challenges j, and of k's expected gain from the challenge over the status quo.
 *
 * Coalitions are seeded with the principals' own votes (weight = capability × total salience,
 * each side starting at a small floor). Each third party n first takes a provisional lean p_in from
 * its own vote added to those seeds, then votes w_n·(U_ik,j − U_i,jk) on the sum of three
 * position-utilities, with SemiCommit: U_ik,j = p(2u_ni + u_nn) + (1 − p)·3u_nj and
 * U_i,jk = p·3u_ni + (1 − p)(2u_nj + u_nn). With P = c_ij/(c_ij + c_ji) and S_j = j's total
 * salience (the chance j resists): ΔEU = (1 − S_j)·2u_ki + S_j(P·2u_ki + (1 − P)·2u_kj) − (u_ki + u_kj).
 */
import type { ThirdPartyCommit } from './options.js';

/** Result slot written by `challengeValue`: [probability i prevails, k's expected gain]. */
export type ChallengeOut = Float64Array;

/**
 * Writes [P(i > j), ΔEU_k] as seen by the estimator whose utilities `u` are given
 * (column-major: `u[b·n + a]` = u(a, b)), into `out` so the O(n³) loop allocates nothing.
 *
 * @example
 * const out = new Float64Array(2);
 * challengeValue(u, n, weight, totalSalience, 0, 0, 6, 1e-10, 'semi', out);
 * // out[0] ≈ 0.7643, out[1] ≈ +0.0947 on KTAB's dummyData_3Dim, turn 0
 */
export function challengeValue(
  u: Float64Array,
  n: number,
  weight: Float64Array,
  totalSalience: Float64Array,
  k: number,
  i: number,
  j: number,
  floor: number,
  commit: ThirdPartyCommit,
  out: ChallengeOut,
): ChallengeOut {
  const ci = i * n;
  const cj = j * n;
  const uii = u[ci + i]!;
  const uij = u[cj + i]!;
  const uji = u[ci + j]!;
  const ujj = u[cj + j]!;
  const contribI = weight[i]! * (uii - uij);
  const contribJ = weight[j]! * (uji - ujj);
  let chij = floor;
  let chji = floor;
  if (contribI > 0) chij = chij + contribI;
  if (contribI < 0) chji = chji - contribI;
  if (contribJ > 0) chij = chij + contribJ;
  if (contribJ < 0) chji = chji - contribJ;
  const seedI = chij;
  const seedJ = chji;
  // Which third position enters each 3-position sum (the committed third party's own, or not).
  const ikOwn = commit !== 'full';
  const jOwn = commit === 'none';
  const iOwn = commit === 'none';
  const jkOwn = commit !== 'full';
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = weight[m]!;
    const umi = u[ci + m]!;
    const umj = u[cj + m]!;
    const umm = u[m * n + m]!;
    const lean = wm * (umi - umj);
    const cmi = lean > 0 ? seedI + lean : seedI;
    const cmj = lean < 0 ? seedJ - lean : seedJ;
    const pin = cmi / (cmi + cmj);
    const pjn = 1.0 - pin;
    const ikDefJ = umi + umi + (ikOwn ? umm : umi);
    const jDefIk = umj + umj + (jOwn ? umm : umj);
    const iDefJk = umi + umi + (iOwn ? umm : umi);
    const jkDefI = umj + umj + (jkOwn ? umm : umj);
    const uIkJ = pin * ikDefJ + pjn * jDefIk;
    const uIJk = pin * iDefJk + pjn * jkDefI;
    const vote = wm * (uIkJ - uIJk);
    chij = vote > 0 ? chij + vote : chij;
    chji = vote < 0 ? chji - vote : chji;
  }
  const pij = chij / (chij + chji);
  const pji = chji / (chij + chji);
  const uki = u[ci + k]!;
  const ukj = u[cj + k]!;
  const sj = totalSalience[j]!;
  const euVictory = uki + uki;
  const euContest = pij * euVictory + pji * (ukj + ukj);
  const euChallenge = (1 - sj) * euVictory + sj * euContest;
  out[0] = pij;
  out[1] = euChallenge - (uki + ukj);
  return out;
}
