/**
 * Structural balance: the friend of a friend becomes a friend, the enemy of an enemy a friend,
 * and so on (Heider 1946, "Attitudes and cognitive organization"; Cartwright & Harary 1956). The
 * continuous-time dynamics dX/dt = X² of Marvel, Kleinberg, Kleinberg & Strogatz (2011, PNAS 108,
 * "Continuous-time model of structural balance") drive any signed network to two camps; here the
 * pressure is averaged over third actors and saturated by (1 − W²) so ties stay in [−1, 1]
 * (Appendix A of DESIGN.md).
 *
 * ΔW_ij = β · dt · (1 − W_ij²) · (1/(n−2)) Σ_k W_ik W_kj
 *
 * The sum is a matrix product, done as row-by-row dot products over the upper triangle (W is
 * symmetric, W_ii = 0 so k = i, j add nothing).
 * Prior: β log-normal, median 0.8/yr, σ 0.4. Averaged over n−2 third actors, a single triangle
 * moves a tie by about β/n per year, slower than inertia: balance theory is a tendency, not a law
 * (India–Russia–China stayed unbalanced for decades). The seed predictions bound it from above:
 * in the Russia–Pakistan "bait" scenario balance pushes Pakistan–US down while bait and bite pushes
 * it up, and the bite wins in the seeds; with β/κ above about 5 it would not.
 */
import { lognormal } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism, pairIndex } from './types.js';

export type StructuralBalanceParams = { beta: number };

export const structuralBalance = defineMechanism<StructuralBalanceParams>({
  id: 'structuralBalance',
  title: 'structural balance',
  theory: 'Heider 1946; Cartwright & Harary 1956; Marvel et al. 2011 (dX/dt = X², saturated)',
  lasting: false,
  params: {
    beta: {
      default: 0.8,
      min: 0,
      max: 10,
      prior: lognormal(0.8, 0.4),
      unit: 'per year',
      doc: 'strength of friend-of-friend / enemy-of-enemy pressure',
    },
  },
  apply(s: StepState, params: StructuralBalanceParams, out: Contribution): void {
    const { n, W } = s;
    if (n < 3) return;
    const scale = (params.beta * s.dt) / (n - 2);
    const dW = out.dW;
    // W is symmetric, so (W·W)_ij is the dot product of rows i and j: contiguous loops, two rows
    // i, i+1 at a time against each row j so that row j is read once for both.
    for (let i = 0; i < n; i += 2) {
      const ri = i * n;
      const r2 = ri + n;
      const pi = pairIndex(n, i, i + 1) - (i + 1);
      if (i + 1 < n) {
        const w = W[ri + i + 1]!;
        let d = 0;
        for (let k = 0; k < n; k++) d += W[ri + k]! * W[r2 + k]!;
        dW[pi + i + 1] = scale * (1 - w * w) * d;
      }
      const pi2 = i + 1 < n ? pairIndex(n, i + 1, Math.min(i + 2, n - 1)) - (i + 2) : 0;
      for (let j = i + 2; j < n; j++) {
        const rj = j * n;
        let a = 0;
        let b = 0;
        for (let k = 0; k < n; k++) {
          const wjk = W[rj + k]!;
          a += W[ri + k]! * wjk;
          b += W[r2 + k]! * wjk;
        }
        const w1 = W[ri + j]!;
        const w2 = W[r2 + j]!;
        dW[pi + j] = scale * (1 - w1 * w1) * a;
        dW[pi2 + j] = scale * (1 - w2 * w2) * b;
      }
    }
  },
  via(s: StepState, p: StructuralBalanceParams, i: number, j: number, out: Float64Array): void {
    const { n, W } = s;
    if (n < 3) return;
    const w = W[i * n + j]!;
    const scale = ((p.beta * s.dt) / (n - 2)) * (1 - w * w);
    for (let k = 0; k < n; k++) if (k !== i && k !== j) out[k] = scale * W[i * n + k]! * W[k * n + j]!;
  },
});
