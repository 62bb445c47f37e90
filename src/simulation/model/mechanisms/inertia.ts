/**
 * Inertia: every tie relaxes toward its long-run level. Dyadic cooperation and conflict are
 * strongly autoregressive (Goldstein & Freeman 1990, "Three-Way Street: Strategic Reciprocity in
 * World Politics"; McGinnis & Williams 1989, APSR 83(4)), i.e. mean-reverting: an
 * Ornstein–Uhlenbeck pull dW = −κ (W − W̄) dt, integrated exactly over a step so that yearly steps
 * with a fast rate cannot overshoot.
 *
 * ΔW_ij = −(1 − e^(−κ·dt)) · (W_ij − W̄_ij), with W̄ the anchor (start level, moved by persistent
 * shocks).
 *
 * Prior: κ log-normal, median 0.5/yr (half-life ≈ 1.4 years), σ 0.25 — relations revert within a
 * few years unless something keeps pushing, and this is the rate that keeps a world without
 * shocks near its start (with the default noise, observed ties move by about 0.03 in three years).
 */
import { lognormal } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism } from './types.js';

export type InertiaParams = { kappa: number };

export const inertia = defineMechanism<InertiaParams>({
  id: 'inertia',
  title: 'inertia toward the long-run level',
  theory: 'mean reversion of dyadic relations (Goldstein & Freeman 1990; McGinnis & Williams 1989)',
  lasting: false,
  params: {
    kappa: {
      default: 0.5,
      min: 0.01,
      max: 5,
      prior: lognormal(0.5, 0.25),
      unit: 'per year',
      doc: 'rate at which a tie returns to its long-run level',
    },
  },
  apply(s: StepState, p: InertiaParams, out: Contribution): void {
    const { n, W, anchor } = s;
    const f = 1 - Math.exp(-p.kappa * s.dt);
    const dW = out.dW;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++) dW[q++] = -f * (W[row + j]! - anchor[row + j]!);
    }
  },
});
