/**
 * Parameters of the engine itself (not of any one mechanism): noise, memory, neutral band,
 * attention threshold, the weight of cooling as news, the spread of initial ties, whether the
 * start is read as a steady state and whether dyads without data may move. Same spec format as mechanism parameters, so scenarios override them the
 * same way (`engine: { noise: 0 }`).
 */
import { TIE_DRAW_DEFAULTS } from '../../analysis/tie-draw.js';
import type { ParamSpec } from './mechanisms/types.js';
import { lognormal } from './priors.js';

export type EngineParams = {
  noise: number;
  memory: number;
  neutralBand: number;
  attention: number;
  cooling: number;
  tieSpread: number;
  steadyStart: boolean;
  unknownStays: boolean;
};

export const ENGINE_PARAMS: { readonly [K in keyof EngineParams]: ParamSpec } = Object.freeze({
  noise: {
    default: 0.04,
    min: 0,
    max: 0.5,
    unit: 'per √year',
    doc:
      'standard deviation of the seeded shocks to observed ties per √year (uniform increments; their ' +
      'sum is close to Gaussian). With inertia κ the stationary spread is noise/√(2κ) ≈ 0.04',
  },
  memory: {
    default: 1,
    min: 0.1,
    max: 5,
    prior: lognormal(1, 0.4),
    unit: 'years',
    doc: 'time constant of the memory M against which recent change V = W − M is judged',
  },
  neutralBand: {
    default: 0.05,
    min: 0,
    max: 0.5,
    unit: 'tie value',
    doc: 'ties within ±band count as neither partnership nor rivalry',
  },
  attention: {
    default: 0.05,
    min: 0,
    max: 0.5,
    unit: 'tie value',
    doc:
      'recent change smaller than this goes unnoticed by bait and bite and hedging: about twice ' +
      'the spread of noise-driven change (≈ noise·√(memory/2) ≈ 0.03 by default)',
  },
  cooling: {
    default: 1,
    min: 0,
    max: 1,
    unit: 'share',
    doc:
      'how much a recent cooling toward an actor’s rivals counts against a warming of the same size ' +
      'in bait and bite and hedging: 1 = a cooling is news as much as a warming (reactions mirror), ' +
      '0 = only warming triggers them',
  },
  tieSpread: {
    default: TIE_DRAW_DEFAULTS.spread,
    min: 0,
    max: 1,
    unit: 'tie value',
    doc: 'initial ties are drawn as N(value, (tieSpread·(1 − confidence))²), clipped to [−1, 1]',
  },
  steadyStart: {
    default: true,
    unit: 'switch',
    doc:
      'true: every mechanism’s push at the start state is subtracted, so the observed world is an ' +
      'equilibrium and only departures from it move anything; false: the mechanisms act on the ' +
      'start as it is (unbalanced triads resolve, a world without shocks drifts to their fixed point)',
  },
  unknownStays: {
    default: true,
    unit: 'switch',
    doc:
      'true: a dyad with no tie at the start (no data, which is not a neutral relation) stays ' +
      'unknown: no mechanism and no noise moves it unless a shock gives it a value; false: it is ' +
      'read as a neutral 0 that the mechanisms move (new ties form through third actors)',
  },
});

export const ENGINE_DEFAULTS: Readonly<EngineParams> = Object.freeze(
  Object.fromEntries(Object.entries(ENGINE_PARAMS).map(([k, s]) => [k, s.default])) as EngineParams,
);
