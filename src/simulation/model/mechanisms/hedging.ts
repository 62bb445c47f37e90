/**
 * Hedging and autonomy: an actor avoids depending on one partner. Two parts:
 *
 * 1. Diversification. When i's partners warm to i's rivals (exposure a_ij = s_ij X_ij, as in bait
 *    and bite), i also spreads its bets: it warms to the other actors it is open to, in proportion
 *    to their weight as counterweights u_iq = s_iq · c_q (openness × capability), among the actors
 *    i has a known tie with at the start (a dyad with no data is unknown, not a neutral opening:
 *    counting every stranger as a counterweight spread the hedge over the whole world):
 *      H_iq = (η/τ) · u_iq · Σ_{j≠q} a_ij / (U_i − u_ij),   U_i = Σ_q u_iq
 *    (j's own share is taken out of the budget it triggers, so no partner counterweighs itself).
 *    A partner that drifts back from i's rivals unwinds the hedge in the same way (X is signed,
 *    step-state.ts): the insurance i bought against it is worth less.
 *    The seeds: "Russia would do well to 'balance' India with someone else", "a Chinese-American
 *    rapprochement would compel Russia into reactively 'balancing' with India"; in the literature,
 *    hedging under uncertainty (Kuik 2008, Contemporary Southeast Asia 30(2); Goh 2005).
 * 2. Dependence ("junior partner"). A partner j that takes more than a share h of i's
 *    capability-weighted partner mass, and outweighs i, is held at arm's length:
 *      L_ij = −λ · P_ij · max(0, (c_j − c_i)/(c_j + c_i)) · max(0, P_ij c_j / Σ_q P_iq c_q − h)
 *    (only a stronger partner makes i a junior one; equals leaning on each other are left alone).
 *    (Hirschman 1945, National Power and the Structure of Foreign Trade; Keohane & Nye 1977,
 *    asymmetric interdependence; the seeds' "junior partner").
 *
 *   ΔW_ij = dt · (H_ij + H_ji + L_ij + L_ji)      (either side's initiative moves the shared tie)
 *
 * η is an elasticity like bait and bite's δ (τ the memory): a lasting exposure x is met by a total
 * diversification of η·x spread over the counterweights. Both parts are lasting reactions (they
 * move the long-run level, engine.ts): diversification and distancing are policy choices.
 * Priors: η log-normal, median 0.6, σ 0.3, capped at 1.2 (as for δ); reach uniform(0.3, 0.7);
 * λ log-normal, median 0.3/yr, σ 0.5; h uniform(0.35, 0.65).
 */
import { lognormal, uniform } from '../priors.js';
import type { StepState } from '../step-state.js';
import { stake } from './bait-and-bite.js';
import { type Contribution, defineMechanism } from './types.js';

export type HedgingParams = { eta: number; reach: number; lambda: number; share: number };

const TINY = 1e-12;

/** L_ij: i's pull-back from partner j when j takes too large a share of i's partner mass `mass`. */
function dependence(s: StepState, p: HedgingParams, mass: number, i: number, j: number): number {
  const { n, P, c } = s;
  const pij = P[i * n + j]!;
  // Most partners hold less than the share: that is settled without a division.
  if (pij === 0 || mass <= TINY || pij * c[j]! <= p.share * mass) return 0;
  const excess = (pij * c[j]!) / mass - p.share;
  const junior = (c[j]! - c[i]!) / (c[j]! + c[i]!);
  return excess > 0 && junior > 0 ? -p.lambda * pij * junior * excess : 0;
}

export const hedging = defineMechanism<HedgingParams>({
  id: 'hedging',
  title: 'hedging and autonomy',
  theory: 'seeds ("junior partner", "balance India with someone else"); Kuik 2008; Hirschman 1945',
  lasting: true,
  params: {
    eta: {
      default: 0.6,
      min: 0,
      max: 1.2,
      prior: lognormal(0.6, 0.3),
      unit: 'elasticity',
      doc: 'total diversification per unit of exposure (partners warming to rivals)',
    },
    reach: {
      default: 0.5,
      min: 0,
      max: 1,
      prior: uniform(0.3, 0.7),
      unit: 'tie value',
      doc: 'how far below neutral an actor still counts as a possible counterweight',
    },
    lambda: {
      default: 0.3,
      min: 0,
      max: 5,
      prior: lognormal(0.3, 0.5),
      unit: 'per year',
      doc: 'pull-back from a dominant partner per unit of excess dependence',
    },
    share: {
      default: 0.5,
      min: 0,
      max: 1,
      prior: uniform(0.35, 0.65),
      unit: 'share',
      doc: 'share of partner mass above which one partner becomes a dependence risk',
    },
  },
  apply(s: StepState, p: HedgingParams, out: Contribution): void {
    const { n, W, X, P, c, linked } = s;
    // Scratch, by offsets into one buffer (views would be allocated every step): exposures a
    // (n×n) at 0, diversification H (n×n) at h, partner mass (n) at m, exposed rows (1/0) at x.
    const work = out.work;
    const h = n * n;
    const m = 2 * n * n;
    const x = m + n;
    const rate = p.eta / s.memory;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let mass = 0;
      let exposed = false;
      for (let q = 0; q < n; q++) mass += P[row + q]! * c[q]!;
      // X_iq is non-zero only for q moving toward or away from one of i's rivals: look there, not along the row.
      for (let e = s.rivalStart[i]!; e < s.rivalStart[i + 1]! && !exposed; e++) {
        const k = s.rivalIndex[e]!;
        for (let f = s.newsStart[k]!; f < s.newsStart[k + 1]! && !exposed; f++)
          exposed = X[row + s.newsIndex[f]!]! !== 0;
      }
      work[m + i] = mass;
      work[x + i] = exposed ? 1 : 0;
      // H holds i's directed diversification; rows without exposure (no partner moved notably
      // toward or away from a rival: the usual case) are zero and left unwritten.
      if (!exposed) continue;
      // Row i: stake s_iq into a, weight u_iq = s_iq c_q into H, then exposures a_iq in place.
      let U = 0;
      for (let q = 0; q < n; q++) {
        const st = q === i || !linked[row + q] ? 0 : stake(W[row + q]!, p.reach);
        const u = st * c[q]!;
        work[row + q] = st;
        work[h + row + q] = u;
        U += u;
      }
      let b = 0;
      for (let q = 0; q < n; q++) {
        const den = U - work[h + row + q]!;
        const e = den > TINY ? (work[row + q]! * X[row + q]!) / den : 0;
        work[row + q] = e;
        b += e;
      }
      for (let q = 0; q < n; q++) work[h + row + q] = rate * work[h + row + q]! * (b - work[row + q]!);
    }
    const dW = out.dW;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const exposedI = work[x + i] !== 0;
      for (let j = i + 1; j < n; j++, q++) {
        let v = (exposedI ? work[h + i * n + j]! : 0) + (work[x + j] !== 0 ? work[h + j * n + i]! : 0);
        // Only the weaker side of a partnership can be the junior partner.
        if (P[i * n + j]! > 0 && c[i] !== c[j])
          v += c[j]! > c[i]! ? dependence(s, p, work[m + i]!, i, j) : dependence(s, p, work[m + j]!, j, i);
        dW[q] = v * s.dt;
      }
    }
  },
  via(s: StepState, p: HedgingParams, i: number, j: number, out: Float64Array, work: Float64Array): void {
    const { n, W, X, c, linked } = s;
    const rate = (s.dt * p.eta) / s.memory;
    // Only rows i and j are needed: their weights in O(n) instead of the whole matrix.
    for (let side = 0; side < 2; side++) {
      const x = side === 0 ? i : j;
      const y = side === 0 ? j : i;
      const row = x * n;
      let U = 0;
      for (let q = 0; q < n; q++) {
        const u = q === x || !linked[row + q] ? 0 : stake(W[row + q]!, p.reach) * c[q]!;
        work[q] = u;
        U += u;
      }
      const uxy = work[y]!;
      if (uxy === 0) continue;
      for (let l = 0; l < n; l++) {
        const ul = work[l]!;
        const den = U - ul;
        if (l !== x && l !== y && den > TINY && ul > 0)
          out[l]! += rate * uxy * (((ul / c[l]!) * X[row + l]!) / den);
      }
    }
  },
});
