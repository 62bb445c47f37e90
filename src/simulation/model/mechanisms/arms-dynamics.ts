/**
 * Arms dynamics: each state's military effort responds to the threat its rivals pose and decays by
 * fatigue and cost (Richardson 1960, "Arms and Insecurity"; Intriligator 1964). Richardson's
 * dx/dt = a·y − b·x + g is written here in relative terms (growth rates), with the rivals'
 * strength y measured as i's rivalry-weighted threat share, so that a micro-state facing a
 * superpower does not try to match it unit for unit:
 *
 *   y_i  = Σ_j R_ij · c_j/(c_i + c_j) / max(1, Σ_j R_ij)      (in [0, 1])
 *   Δc_i = dt · c_i · ( a · y_i − b · (c_i/c0_i − 1) )
 *
 * The grievance term g is the engine's steady start (the start level of a·y is subtracted), so a
 * rival's growth or a new rivalry raises y and i arms; i's own growth lowers its threat share, and
 * fatigue pulls effort back, so the race is self-limiting. With a < b (the prior draws the
 * reactivity ratio ρ = a/b below 1) the linearised system is stable (Richardson's condition).
 * Priors: b log-normal, median 0.3/yr, σ 0.4 (efforts revert within a few years); ρ uniform(0.1, 0.6).
 */
import { lognormal, uniform } from '../priors.js';
import type { StepState } from '../step-state.js';
import { type Contribution, defineMechanism } from './types.js';

export type ArmsDynamicsParams = { fatigue: number; reactivity: number };

export const armsDynamics = defineMechanism<ArmsDynamicsParams>({
  id: 'armsDynamics',
  title: 'arms dynamics',
  theory: 'Richardson 1960, Arms and Insecurity (dx/dt = a·y − b·x + g, in growth rates)',
  lasting: false,
  params: {
    fatigue: {
      default: 0.3,
      min: 0.01,
      max: 1,
      prior: lognormal(0.3, 0.4),
      unit: 'per year',
      doc: 'Richardson b: rate at which extra military effort decays',
    },
    reactivity: {
      default: 0.3,
      min: 0,
      max: 0.95,
      prior: uniform(0.1, 0.6),
      unit: 'ratio a/b',
      doc: 'Richardson a as a share of b: response to the threat share of rivals (< 1 keeps the race stable)',
    },
  },
  apply(s: StepState, p: ArmsDynamicsParams, out: Contribution): void {
    const { n, R, c, c0 } = s;
    const a = p.reactivity * p.fatigue;
    for (let i = 0; i < n; i++) {
      let threat = 0;
      let rivalry = 0;
      for (let e = s.rivalStart[i]!; e < s.rivalStart[i + 1]!; e++) {
        const j = s.rivalIndex[e]!;
        const r = R[i * n + j]!;
        threat += (r * c[j]!) / (c[i]! + c[j]!);
        rivalry += r;
      }
      const y = threat / Math.max(rivalry, 1);
      out.dC[i] = s.dt * c[i]! * (a * y - p.fatigue * (c[i]! / c0[i]! - 1));
    }
  },
});
