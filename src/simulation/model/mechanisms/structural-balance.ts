/**
 * Structural balance: the friend of a friend becomes a friend, the enemy of an enemy a friend,
 * and so on (Heider 1946, "Attitudes and cognitive organization"; Cartwright & Harary 1956). The
 * continuous-time dynamics dX/dt = X² of Marvel, Kleinberg, Kleinberg & Strogatz (2011, PNAS 108,
 * "Continuous-time model of structural balance") drive any signed network to two camps; here the
 * pressure is averaged over the third actors that bear on the pair (N_ij: those tied to i or to j
 * at the start, third-parties.ts) and saturated by (1 − W²) so ties stay in [−1, 1] (the reference
 * dynamics in docs/design.md). Actors tied to neither side add no triad, so they do not dilute it.
 *
 * ΔW_ij = β · dt · (1 − W_ij²) · (1/|N_ij|) Σ_k W_ik W_kj
 *
 * The sum is a matrix product (two-path-sums.ts: W is symmetric, W_ii = 0 so k = i, j add nothing).
 * Prior: β log-normal, median 0.27/yr, σ 0.4. A single triangle among the m third actors of a
 * pair moves its tie by about β/m per year, slower than inertia: balance theory is a tendency, not a
 * law (India–Russia–China stayed unbalanced for decades). The seed predictions bound it from above:
 * in the Russia–Pakistan "bait" scenario balance pushes Pakistan–US down while bait and bite pushes
 * it up, and the bite wins in the seeds. The median was 0.8 while the mean ran over all n − 2 other
 * actors; on eurasia at 2021-12 (where the seed scenarios start) the median tied pair has 8 third
 * actors against n − 2 = 24, so 0.8 · 8/24 ≈ 0.27 keeps the per-triangle rate the prior was set
 * for. The backtest is where it should be fitted.
 */
import { lognormal } from '../priors.js';
import type { StepState } from '../step-state.js';
import { twoPathSums } from '../two-path-sums.js';
import { type Contribution, defineMechanism, pairIndex } from './types.js';

export type StructuralBalanceParams = { beta: number };

export const structuralBalance = defineMechanism<StructuralBalanceParams>({
  id: 'structuralBalance',
  title: 'structural balance',
  theory: 'Heider 1946; Cartwright & Harary 1956; Marvel et al. 2011 (dX/dt = X², saturated)',
  lasting: false,
  params: {
    beta: {
      default: 0.27,
      min: 0,
      max: 10,
      prior: lognormal(0.27, 0.4),
      unit: 'per year',
      doc: 'strength of friend-of-friend / enemy-of-enemy pressure',
    },
  },
  apply(s: StepState, params: StructuralBalanceParams, out: Contribution): void {
    const { n, W } = s;
    if (n < 3) return;
    const scale = params.beta * s.dt;
    const share = s.thirdShare;
    const dW = out.dW;
    twoPathSums(W, n, dW);
    let q = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++, q++) {
        const w = W[row + j]!;
        dW[q] = scale * share[q]! * (1 - w * w) * dW[q]!;
      }
    }
  },
  via(s: StepState, p: StructuralBalanceParams, i: number, j: number, out: Float64Array): void {
    const { n, W } = s;
    if (n < 3) return;
    const w = W[i * n + j]!;
    const scale = p.beta * s.dt * s.thirdShare[pairIndex(n, i, j)]! * (1 - w * w);
    for (let k = 0; k < n; k++) if (k !== i && k !== j) out[k] = scale * W[i * n + k]! * W[k * n + j]!;
  },
});
