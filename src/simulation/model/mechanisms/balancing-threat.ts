/**
 * Balancing against threat: states ally against the most threatening power, not simply the
 * strongest (Walt 1987, "The Origins of Alliances"; Walt 1985, International Security 9(4)).
 * Threat combines aggregate power, proximity and hostile intent; k's threat to i is
 *
 *   T_ki = c_k / (c_i + c_k) · prox_ki · R_ki
 *
 * (relative power × proximity × rivalry; offensive capability is folded into c). Two actors facing
 * a common threat are pulled together by the smaller of their two threats:
 *
 *   ΔW_ij = γ · dt · (1/|N_ij|) Σ_k min(T_ki, T_kj)
 *
 * averaged over N_ij, the third actors tied to i or to j at the start (third-parties.ts), not over
 * the world: states that bear on neither cannot threaten them. Only rivals threaten, so the sum
 * runs over pairs of k's rivals (sparse).
 * Prior: γ log-normal, median 1/yr, σ 0.5 (the order of structural balance's: both are triad
 * pressures). When the average moved from all n − 2 others to the pair's third actors, β was
 * rescaled to keep its per-triangle rate and γ was not: balancing against threat was nearly inert
 * (a doubled China moved India–US by +0.0045 in 60 months), so its rate per threat grows by
 * (n − 2)/|N_ij|, about 3× on eurasia. The backtest is where it should be fitted.
 */
import { lognormal } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism, pairIndex } from './types.js';

export type BalancingThreatParams = { gamma: number };

function threat(s: StepState, k: number, i: number): number {
  const { n, c } = s;
  return (c[k]! / (c[i]! + c[k]!)) * s.prox[k * n + i]! * s.R[k * n + i]!;
}

export const balancingThreat = defineMechanism<BalancingThreatParams>({
  id: 'balancingThreat',
  title: 'balancing against threat',
  theory: 'Walt 1987, The Origins of Alliances (balance of threat: power, proximity, intent)',
  lasting: false,
  params: {
    gamma: {
      default: 1,
      min: 0,
      max: 10,
      prior: lognormal(1, 0.5),
      unit: 'per year',
      doc: 'pull between two actors per unit of common threat',
    },
  },
  apply(s: StepState, p: BalancingThreatParams, out: Contribution): void {
    const { n, rivalStart, rivalIndex } = s;
    if (n < 3) return;
    const scale = p.gamma * s.dt;
    const share = s.thirdShare;
    const t = out.work;
    const dW = out.dW;
    // Rival lists are sorted, so a < b gives i < j: the pair's packed index is rowStart + j.
    for (let k = 0; k < n; k++) {
      const from = rivalStart[k]!;
      const to = rivalStart[k + 1]!;
      for (let e = from; e < to; e++) t[e - from] = threat(s, k, rivalIndex[e]!);
      for (let a = from; a < to; a++) {
        const i = rivalIndex[a]!;
        const rowStart = pairIndex(n, i, i + 1) - (i + 1);
        const ti = t[a - from]!;
        for (let b = a + 1; b < to; b++) dW[rowStart + rivalIndex[b]!]! += Math.min(ti, t[b - from]!);
      }
    }
    for (let q = 0; q < dW.length; q++) dW[q]! *= scale * share[q]!;
  },
  via(s: StepState, p: BalancingThreatParams, i: number, j: number, out: Float64Array): void {
    const { n } = s;
    if (n < 3) return;
    const scale = p.gamma * s.dt * s.thirdShare[pairIndex(n, i, j)]!;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j) continue;
      out[k] = scale * Math.min(threat(s, k, i), threat(s, k, j));
    }
  },
});
