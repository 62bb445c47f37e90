/**
 * Military diplomacy: an arms supplier on good terms with both sides of a rivalry splits its
 * transfers so that neither side gains a decisive edge. From the seed texts: Moscow's "military
 * diplomacy" is "always aimed at reinforcing the existing balance of power between various parties
 * and preventing one or the other from acquiring a decisive enough advantage" (Korybko 2017),
 * practised between India & Pakistan, Armenia & Azerbaijan, China & Vietnam (Korybko 2021); in the
 * literature, arms transfers as a tool of influence and balance (Krause 1992, "Arms and the State";
 * Yarhi-Milo, Lanoszka & Cooper 2016, International Security 41(2)).
 *
 * For rivals i, j (R_ij > 0), their balance drift d = ln(c_i/c_j) − ln(c0_i/c0_j) and its part
 * outside a tolerated band e = tanh(sign(d) · max(0, |d| − band)). A supplier s weighs in with
 * w_s = min(P_si, P_sj) · c_s/(c_s + c_i + c_j) (friendly to both, and big enough to matter):
 *
 *   Δc_i = −μ·dt·R_ij·min(1, Σ_s w_s)·e·c_i/2,   Δc_j = +μ·dt·R_ij·min(1, Σ_s w_s)·e·c_j/2
 *   ΔW_sj = +ν·dt·R_ij·w_s·e,  ΔW_si = −ν·dt·R_ij·w_s·e   (the supplier leans to the side it arms)
 *
 * Priors: μ log-normal, median 0.5/yr, σ 0.5; band uniform(0.05, 0.2) (5–20% drift tolerated);
 * ν log-normal, median 0.2/yr, σ 0.5.
 */
import { lognormal, uniform } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism, pairIndex } from './types.js';

export type MilitaryDiplomacyParams = { mu: number; band: number; nu: number };

/** The bounded excess drift of the balance between rivals x and y (positive: x gained). */
function excess(s: StepState, band: number, x: number, y: number): number {
  const { c, c0 } = s;
  const d = Math.log(c[x]! / c[y]!) - Math.log(c0[x]! / c0[y]!);
  const over = Math.abs(d) - band;
  return over > 0 ? Math.tanh(d > 0 ? over : -over) : 0;
}

function supplierWeight(s: StepState, sup: number, x: number, y: number): number {
  const { n, P, c } = s;
  const px = P[sup * n + x]!;
  const py = P[sup * n + y]!;
  const m = Math.min(px, py);
  return m > 0 ? (m * c[sup]!) / (c[sup]! + c[x]! + c[y]!) : 0;
}

/** The part of `via` where `sup` supplies both x and one of x's rivals l: out[l] gets that lean. */
function leanVia(s: StepState, p: MilitaryDiplomacyParams, sup: number, x: number, out: Float64Array): void {
  const { n, R } = s;
  for (let e = s.rivalStart[x]!; e < s.rivalStart[x + 1]!; e++) {
    const l = s.rivalIndex[e]!;
    if (l === sup) continue;
    const w = supplierWeight(s, sup, x, l);
    if (w !== 0) out[l]! -= p.nu * s.dt * R[x * n + l]! * w * excess(s, p.band, x, l);
  }
}

export const militaryDiplomacy = defineMechanism<MilitaryDiplomacyParams>({
  id: 'militaryDiplomacy',
  title: 'military diplomacy',
  theory: 'seeds (Korybko 2017, 2021: "military diplomacy"); Krause 1992, Arms and the State',
  lasting: false,
  params: {
    mu: {
      default: 0.5,
      min: 0,
      max: 1.5,
      prior: lognormal(0.5, 0.5),
      unit: 'per year',
      doc: 'rate at which suppliers restore the balance between rivals',
    },
    band: {
      default: 0.1,
      min: 0,
      max: 2,
      prior: uniform(0.05, 0.2),
      unit: 'log ratio',
      doc: 'drift of the capability ratio tolerated before suppliers step in',
    },
    nu: {
      default: 0.2,
      min: 0,
      max: 2,
      prior: lognormal(0.2, 0.5),
      unit: 'per year',
      doc: "how much a supplier's ties lean to the side it arms",
    },
  },
  apply(s: StepState, p: MilitaryDiplomacyParams, out: Contribution): void {
    const { n, R, c, rivalStart, rivalIndex } = s;
    for (let i = 0; i < n; i++) {
      for (let e = rivalStart[i]!; e < rivalStart[i + 1]!; e++) {
        const j = rivalIndex[e]!;
        if (j < i) continue;
        const ex = excess(s, p.band, i, j);
        if (ex === 0) continue;
        const r = R[i * n + j]!;
        const lean = p.nu * s.dt * r * ex;
        let total = 0;
        for (let sup = 0; sup < n; sup++) {
          if (sup === i || sup === j) continue;
          const w = supplierWeight(s, sup, i, j);
          if (w === 0) continue;
          total += w;
          out.dW[sup < j ? pairIndex(n, sup, j) : pairIndex(n, j, sup)]! += lean * w;
          out.dW[sup < i ? pairIndex(n, sup, i) : pairIndex(n, i, sup)]! -= lean * w;
        }
        const k = (p.mu * s.dt * r * Math.min(total, 1) * ex) / 2;
        out.dC[i]! -= k * c[i]!;
        out.dC[j]! += k * c[j]!;
      }
    }
  },
  via(s: StepState, p: MilitaryDiplomacyParams, a: number, b: number, out: Float64Array): void {
    leanVia(s, p, a, b, out);
    leanVia(s, p, b, a, out);
  },
});
