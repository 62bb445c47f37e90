/**
 * Hedging and autonomy: an actor avoids depending on one partner. Two parts:
 *
 * 1. Diversification. When i's partners warm to i's rivals (exposure a_ij = s_ij X_ij, as in bait
 *    and bite), i also spreads its bets: it warms to the other actors it is open to, in proportion
 *    to their weight as counterweights u_iq = s_iq · c_q (openness × capability):
 *      H_iq = (η/τ) · u_iq · Σ_{j≠q} a_ij / (U_i − u_ij),   U_i = Σ_q u_iq
 *    (j's own share is taken out of the budget it triggers, so no partner counterweighs itself).
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

/** L_ij: i's pull-back from partner j when j takes too large a share of i's partner mass. */
function dependence(s: StepState, p: HedgingParams, mass: Float64Array, i: number, j: number): number {
  const { n, P, c } = s;
  const pij = P[i * n + j]!;
  if (pij === 0 || mass[i]! <= TINY) return 0;
  const excess = (pij * c[j]!) / mass[i]! - p.share;
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
    const { n, W, X, P, c } = s;
    const nn = n * n;
    const a = out.work.subarray(0, nn);
    const H = out.work.subarray(nn, 2 * nn);
    const mass = out.work.subarray(2 * nn, 2 * nn + n);
    const rate = p.eta / s.memory;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let m = 0;
      let exposed = false;
      for (let q = 0; q < n; q++) {
        m += P[row + q]! * c[q]!;
        if (X[row + q]! !== 0) exposed = true;
      }
      mass[i] = m;
      // H holds i's directed diversification; rows without exposure (no partner warmed to a
      // rival: the usual case) are zero.
      if (!exposed) {
        H.fill(0, row, row + n);
        continue;
      }
      // Row i: stake s_iq into a, weight u_iq = s_iq c_q into H, then exposures a_iq in place.
      let U = 0;
      for (let q = 0; q < n; q++) {
        const st = q === i ? 0 : stake(W[row + q]!, p.reach);
        const u = st * c[q]!;
        a[row + q] = st;
        H[row + q] = u;
        U += u;
      }
      let b = 0;
      for (let q = 0; q < n; q++) {
        const den = U - H[row + q]!;
        const e = den > TINY ? (a[row + q]! * X[row + q]!) / den : 0;
        a[row + q] = e;
        b += e;
      }
      for (let q = 0; q < n; q++) H[row + q] = rate * H[row + q]! * (b - a[row + q]!);
    }
    let q = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, q++) {
        let v = H[i * n + j]! + H[j * n + i]!;
        if (P[i * n + j]! > 0) v += dependence(s, p, mass, i, j) + dependence(s, p, mass, j, i);
        out.dW[q] = v * s.dt;
      }
    }
  },
  via(s: StepState, p: HedgingParams, i: number, j: number, out: Float64Array, work: Float64Array): void {
    const { n, W, X, c } = s;
    const rate = (s.dt * p.eta) / s.memory;
    // Only rows i and j are needed: their weights in O(n) instead of the whole matrix.
    for (let side = 0; side < 2; side++) {
      const x = side === 0 ? i : j;
      const y = side === 0 ? j : i;
      const row = x * n;
      let U = 0;
      for (let q = 0; q < n; q++) {
        const u = q === x ? 0 : stake(W[row + q]!, p.reach) * c[q]!;
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
