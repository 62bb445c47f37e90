/**
 * Security dilemma: what one state does to feel secure makes its rivals less secure (Jervis 1978,
 * "Cooperation under the Security Dilemma", World Politics 30(2); Herz 1950). A rival's recent
 * capability gain cools the tie:
 *
 *   ΔW_ij = −(σ/τ) · dt · R_ij · (max(0, g_i) + max(0, g_j)) / 2
 *
 * with g the recent relative capability growth and τ the memory (see step-state.ts), so σ is an
 * elasticity: a lasting 10% gain of one rival ends up cooling the tie by σ·R·0.05. Distrust is a
 * lasting reaction (it moves the long-run level, engine.ts). The arms-spending side of the dilemma
 * is the rival term of arms dynamics (arms-dynamics.ts), so it is not counted twice here.
 * Prior: σ log-normal, median 0.5, σ_log 0.4.
 */
import { lognormal } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism, pairIndex } from './types.js';

export type SecurityDilemmaParams = { sigma: number };

export const securityDilemma = defineMechanism<SecurityDilemmaParams>({
  id: 'securityDilemma',
  title: 'security dilemma',
  theory: 'Jervis 1978, Cooperation under the Security Dilemma; Herz 1950',
  lasting: true,
  params: {
    sigma: {
      default: 0.5,
      min: 0,
      max: 3,
      prior: lognormal(0.5, 0.4),
      unit: 'elasticity',
      doc: "cooling of a rivalry per unit of a rival's recent relative capability growth",
    },
  },
  apply(s: StepState, p: SecurityDilemmaParams, out: Contribution): void {
    const { n, R, g, rivalStart, rivalIndex } = s;
    const scale = (p.sigma * s.dt) / (2 * s.memory);
    for (let i = 0; i < n; i++) {
      const gi = Math.max(g[i]!, 0);
      for (let e = rivalStart[i]!; e < rivalStart[i + 1]!; e++) {
        const j = rivalIndex[e]!;
        if (j < i) continue;
        const gj = Math.max(g[j]!, 0);
        out.dW[pairIndex(n, i, j)] = -scale * R[i * n + j]! * (gi + gj);
      }
    }
  },
});
