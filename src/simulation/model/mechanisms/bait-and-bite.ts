/**
 * Bait and bite: when i's partner j warms to i's rival k ("bait"), i raises its offer to j to win
 * it back ("bite"); with a veto player's reflex, i punishes j instead. From the seed texts
 * (Korybko 2019, "Russia, Pakistan, And The 'Bait Theory'": the Russian–Pakistani rapprochement
 * "led" India to court Russia and the US to ease pressure on Pakistan); in the literature it is
 * competition for a third party's alignment (Crawford 2003, "Pivotal Deterrence"; Snyder 1984,
 * "The security dilemma in alliance politics": fear of abandonment).
 *
 *   D_ij = (δ/τ) · s_ij · X_ij,  X_ij = j's recent warming to i's rivals (step-state.ts)
 *   ΔW_ij = ± dt · (D_ij + D_ji)                  (− with `veto`)
 *
 * What triggers i is how close j stands to i's rivals, so a cooling is news as much as a warming:
 * a partner that drifts back from i's rival lowers what i bids for it (the price of its alignment
 * falls), and a shock of −x moves the world as one of +x, mirrored (engine option `cooling`,
 * step-state.ts; 0 restores the warming-only trigger of the reference dynamics).
 * A tie is shared, so either side's initiative moves it: i's raised offer warms i–j by D_ij whether
 * or not j does anything. δ is an elasticity: as the recent-change signal fades over the memory τ,
 * a lasting warming x of j toward i's rival (beyond the attention threshold) ends up moving the
 * i–j tie by about δ·s·R·x. The reaction is lasting (a new offer, not a blip): it moves the tie's
 * long-run level too (engine.ts).
 * Stake s_ij = max(0, (W_ij + m)/(1 + m)) with reach m: 1 for an ally, m/(1+m) for a neutral
 * swing state, 0 for a rival beyond −m. The reference dynamics (docs/design.md) use the partner
 * part P_ij (m = 0); a positive reach lets a power also compete for a lukewarm pivot state,
 * which is what the seeds describe (the US and Pakistan as "briefly wayward partners").
 *
 * Priors: δ log-normal, median 0.6, σ 0.3, capped at 1.2 (reactions trigger reactions; below 1 a
 * chain passes on less than it receives, and on the eurasia world effects stay nearly linear in δ
 * up to the cap); reach uniform(0.3, 0.7).
 */
import { lognormal, uniform } from '../priors.js';
import { meanOverStep, news, type StepState } from '../step-state.js';
import { type Contribution, defineMechanism } from './types.js';

export type BaitAndBiteParams = { delta: number; reach: number; veto: boolean };

/** How much i stands to lose if j drifts away: 1 for an ally, 0 for a rival beyond −reach. */
export function stake(w: number, reach: number): number {
  const x = (w + reach) / (1 + reach);
  return Math.max(x, 0);
}

export const baitAndBite = defineMechanism<BaitAndBiteParams>({
  id: 'baitAndBite',
  title: 'bait and bite',
  theory: 'seeds (Korybko 2019, "bait theory"); Crawford 2003, Pivotal Deterrence; Snyder 1984',
  lasting: true,
  params: {
    delta: {
      default: 0.6,
      min: 0,
      max: 1.2,
      prior: lognormal(0.6, 0.3),
      unit: 'elasticity',
      doc: "how far i's offer to j rises per unit of j's warming to i's rivals",
    },
    reach: {
      default: 0.5,
      min: 0,
      max: 1,
      prior: uniform(0.3, 0.7),
      unit: 'tie value',
      doc: 'how far below neutral a third party still counts as worth competing for',
    },
    veto: {
      default: false,
      unit: 'switch',
      doc: 'true: i punishes the partner that courts its rival instead of bidding for it',
    },
  },
  apply(s: StepState, p: BaitAndBiteParams, out: Contribution): void {
    const { n, W, X } = s;
    const scale = ((p.veto ? -1 : 1) * p.delta * s.dt) / s.memory;
    const dW = out.dW;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++, q++) {
        const x = X[row + j]! + X[j * n + i]!;
        if (x !== 0) dW[q] = scale * stake(W[row + j]!, p.reach) * x;
      }
    }
  },
  via(s: StepState, p: BaitAndBiteParams, i: number, j: number, out: Float64Array): void {
    const { n, W, R, V } = s;
    // X holds the exposure's mean over the step (step-state.ts); its parts here must too.
    const scale =
      (((p.veto ? -1 : 1) * p.delta * s.dt * meanOverStep(s)) / s.memory) * stake(W[i * n + j]!, p.reach);
    const { attention, cooling } = s;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j) continue;
      const vkj = news(V[k * n + j]!, attention, cooling);
      const vki = news(V[k * n + i]!, attention, cooling);
      out[k] = scale * (R[i * n + k]! * vkj + R[j * n + k]! * vki);
    }
  },
});
