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
    // W is symmetric, so (W·W)_ij is the dot product of rows i and j: contiguous loops over blocks
    // of four rows i…i+3 against each later row j, so that row j is read once for all four. Every
    // dot product still sums k = 0…n−1 in order.
    for (let i = 0; i < n; i += 4) {
      const end = Math.min(i + 4, n);
      for (let r = i; r < end; r++) {
        const rr = r * n;
        const pr = pairIndex(n, r, r + 1) - (r + 1);
        for (let j = r + 1; j < end; j++) {
          const rj = j * n;
          const w = W[rr + j]!;
          let d = 0;
          for (let k = 0; k < n; k++) d += W[rr + k]! * W[rj + k]!;
          dW[pr + j] = scale * (1 - w * w) * d;
        }
      }
      // A block of fewer than four rows is the last one: no later rows remain.
      if (end - i < 4) break;
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      const p0 = pairIndex(n, i, i + 1) - (i + 1);
      const p1 = pairIndex(n, i + 1, i + 2) - (i + 2);
      const p2 = pairIndex(n, i + 2, i + 3) - (i + 3);
      const p3 = pairIndex(n, i + 3, i + 4) - (i + 4);
      for (let j = end; j < n; j++) {
        const rj = j * n;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let k = 0; k < n; k++) {
          const wjk = W[rj + k]!;
          a0 += W[r0 + k]! * wjk;
          a1 += W[r1 + k]! * wjk;
          a2 += W[r2 + k]! * wjk;
          a3 += W[r3 + k]! * wjk;
        }
        const w0 = W[r0 + j]!;
        const w1 = W[r1 + j]!;
        const w2 = W[r2 + j]!;
        const w3 = W[r3 + j]!;
        dW[p0 + j] = scale * (1 - w0 * w0) * a0;
        dW[p1 + j] = scale * (1 - w1 * w1) * a1;
        dW[p2 + j] = scale * (1 - w2 * w2) * a2;
        dW[p3 + j] = scale * (1 - w3 * w3) * a3;
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
