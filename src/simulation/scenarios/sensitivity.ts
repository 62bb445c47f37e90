/**
 * How a scenario's effects depend on the engine's uncertain parameters (Saltelli et al. 2008,
 * "Global Sensitivity Analysis: The Primer", ch. 1–2):
 *
 * - one at a time: every parameter with a prior, in turn, at the prior's low and high quantile
 *   (5 % and 95 % by default) with every other parameter at its default, on the same seeded runs;
 *   the swing of an effect is its value at the high quantile minus that at the low one (a tornado
 *   chart's bar), and a flip is a swing across 0;
 * - jointly: the scenario's own Monte Carlo, every parameter drawn from its prior at once; its
 *   interval and P(> 0) say how far the sign holds when everything varies together.
 *
 * Parameters the scenario fixes itself are left out (they have no spread to explore). The effects
 * reported are the pairs the scenario's expectations name, then the largest of the joint run.
 */
import type { Layer } from '../../domain/world.js';
import { ENGINE_PARAMS } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ParamSpec } from '../model/mechanisms/types.js';
import { describePrior, priorQuantile } from '../model/priors.js';
import { type RunScenarioOptions, runScenario } from './run-scenario.js';
import type { ScenarioDocument } from './scenario.js';

export interface SensitivityOptions {
  /** Runs per variant (the joint Monte Carlo too). */
  runs?: number;
  seed?: number;
  /** Central level of the prior range explored one at a time. */
  level: number;
  /** Effects reported besides the pairs the scenario's expectations name: the largest |mean| of the joint run. */
  top: number;
  dimension: Layer;
  workers?: number;
  /** Called after each variant with variants done and total. */
  onVariant?: (done: number, total: number) => void;
}

export const SENSITIVITY_DEFAULTS: Readonly<SensitivityOptions> = Object.freeze({
  level: 0.9,
  top: 6,
  dimension: 'composite',
});

/** One varied parameter. */
export interface VariedParameter {
  /** Mechanism id, or `engine`. */
  mechanism: string;
  param: string;
  prior: string;
  default: number;
  low: number;
  high: number;
}

export interface EffectSensitivity {
  a: string;
  b: string;
  /** Joint Monte Carlo: every parameter drawn from its prior. */
  joint: { mean: number; lo: number; hi: number; pPositive: number };
  /** Every parameter at its default. */
  nominal: number;
  /** One row per varied parameter, largest |swing| first. */
  oneAtATime: {
    mechanism: string;
    param: string;
    atLow: number;
    atHigh: number;
    swing: number;
    flips: boolean;
  }[];
}

export interface SensitivityResult {
  scenario: string;
  runs: number;
  level: number;
  dimension: Layer;
  parameters: VariedParameter[];
  effects: EffectSensitivity[];
}

/** The parameters with a prior that the scenario does not fix itself. */
function variedParameters(doc: ScenarioDocument, level: number): VariedParameter[] {
  const sc = doc.scenario;
  const fixed = (id: string, key: string) =>
    id === 'engine'
      ? key in sc.engine
      : sc.mechanisms[id] === false || (typeof sc.mechanisms[id] === 'object' && key in sc.mechanisms[id]!);
  const groups: [string, Readonly<Record<string, ParamSpec>>][] = [
    ...MECHANISMS.map((m) => [m.id, m.params] as [string, Readonly<Record<string, ParamSpec>>]),
    ['engine', ENGINE_PARAMS],
  ];
  return groups.flatMap(([id, specs]) =>
    Object.entries(specs)
      .filter(([key, s]) => s.prior !== undefined && typeof s.default === 'number' && !fixed(id, key))
      .map(([key, s]) => ({
        mechanism: id,
        param: key,
        prior: describePrior(s.prior!),
        default: s.default as number,
        low: priorQuantile(s.prior!, (1 - level) / 2, s.min, s.max),
        high: priorQuantile(s.prior!, (1 + level) / 2, s.min, s.max),
      })),
  );
}

/**
 * Varies each prior'd parameter over its prior, one at a time and jointly.
 *
 * @example
 * const s = await scenarioSensitivity(loadScenario('seed-russia-pakistan-bait'), { runs: 100 });
 * s.effects[0].oneAtATime[0]; // the parameter that moves the largest effect most
 */
export async function scenarioSensitivity(
  doc: ScenarioDocument,
  given: Partial<SensitivityOptions> = {},
): Promise<SensitivityResult> {
  const opts = { ...SENSITIVITY_DEFAULTS, ...given };
  const base: Partial<RunScenarioOptions> = {
    runs: opts.runs,
    seed: opts.seed,
    dimension: opts.dimension,
    workers: opts.workers,
  };
  const parameters = variedParameters(doc, opts.level);
  const total = 2 + 2 * parameters.length;
  let done = 0;
  const variant = async (options: Partial<RunScenarioOptions>) => {
    const result = await runScenario(doc, { ...base, ...options });
    opts.onVariant?.(++done, total);
    return new Map(result.effects.map((e) => [`${e.a}-${e.b}`, e]));
  };
  const jointRun = await runScenario(doc, base);
  opts.onVariant?.(++done, total);
  // The pairs the scenario's expectations name come first: they are what its argument claims.
  const expected = new Set(
    doc.scenario.expect.flatMap((x) => (x.pair ? [[...x.pair].sort().join('-')] : [])),
  );
  const claimed = jointRun.effects.filter((e) => expected.has(`${e.a}-${e.b}`));
  const largest = [...jointRun.effects]
    .filter((e) => !expected.has(`${e.a}-${e.b}`))
    .sort((x, y) => Math.abs(y.mean) - Math.abs(x.mean))
    .slice(0, opts.top);
  const chosen = [...claimed, ...largest];
  const nominal = await variant({ drawParameters: false });
  const at = (p: VariedParameter, value: number) =>
    variant({
      drawParameters: false,
      parameters: {
        overrides: { [p.mechanism]: { [p.param]: value } },
        priors: {},
        label: `${p.mechanism}.${p.param} = ${value}`,
      },
    });
  const swings: {
    p: VariedParameter;
    low: Map<string, { mean: number }>;
    high: Map<string, { mean: number }>;
  }[] = [];
  for (const p of parameters) swings.push({ p, low: await at(p, p.low), high: await at(p, p.high) });
  const effects = chosen.map((e) => {
    const key = `${e.a}-${e.b}`;
    const rows = swings.map(({ p, low, high }) => {
      const atLow = low.get(key)?.mean ?? 0;
      const atHigh = high.get(key)?.mean ?? 0;
      return {
        mechanism: p.mechanism,
        param: p.param,
        atLow,
        atHigh,
        swing: atHigh - atLow,
        flips: atLow * atHigh < 0,
      };
    });
    rows.sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing));
    return {
      a: e.a,
      b: e.b,
      joint: { mean: e.mean, lo: e.lo, hi: e.hi, pPositive: e.pPositive },
      nominal: nominal.get(key)?.mean ?? 0,
      oneAtATime: rows,
    };
  });
  return {
    scenario: doc.scenario.name,
    runs: jointRun.runs,
    level: opts.level,
    dimension: opts.dimension,
    parameters,
    effects,
  };
}
