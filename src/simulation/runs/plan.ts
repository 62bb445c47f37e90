/**
 * A run plan: a scenario compiled against its world into plain, cloneable data (indices instead of
 * ids), so worker threads need neither the world nor the scenario file.
 */
import { InvalidInputError } from '../../domain/errors.js';
import type { Dimension } from '../../domain/schema.js';
import { FOLLOW_DEFAULTS, type FollowOptions } from '../measures/collector.js';
import { followSpec, isMeasureEntry } from '../measures/follow-entry.js';
import type { ViewModel } from '../measures/state-view.js';
import type { FollowSpec } from '../measures/types.js';
import type { EngineParams } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ParameterSource } from '../model/priors.js';
import { compositeWithLayer, type WorldModel } from '../model/world-model.js';
import { runsMechanism, type Scenario } from '../scenarios/scenario.js';

export interface TieShock {
  at: number;
  kind: 'tie';
  i: number;
  j: number;
  /** `set`: the composite takes `value`; `shift`: the composite moves by `value`. */
  mode: 'shift' | 'set';
  value: number;
  persist: boolean;
  /** For dimension shocks: the layer and how much more the layer moves than the composite. */
  dimension?: Dimension;
  layerRemainder: number;
  /** Its place in the scenario's `shocks:` list (compiled shocks are in time order). */
  source: number;
  /** A dimension shift past ±1 is clipped when compiled: the part of the shift lost (signed). */
  layerClipped?: number;
}

export interface CapabilityShock {
  at: number;
  kind: 'capability';
  i: number;
  factor: number;
}

export interface MechanismShock {
  at: number;
  kind: 'mechanism';
  /** Index of the mechanism in `Plan.mechanisms`. */
  m: number;
  /** New parameter values, or a switch on or off. */
  params?: Record<string, number | boolean>;
  enabled?: boolean;
}

export type CompiledShock = TieShock | CapabilityShock | MechanismShock;

/** What the engine needs of a world model (the per-dimension layers stay on the main thread). */
export type CoreModel = Pick<WorldModel, 'n' | 'ties' | 'confidence' | 'observed' | 'capabilities' | 'prox'>;

export interface Plan {
  model: CoreModel;
  /** Step length in years. */
  dt: number;
  steps: number;
  runs: number;
  seed: number;
  /** Enabled mechanisms, in registry order. */
  mechanisms: string[];
  /** Fixed parameter values per mechanism id (scenario overrides). */
  overrides: Record<string, Record<string, number | boolean>>;
  engine: Partial<EngineParams>;
  /** Priors replacing the documented ones per mechanism id and `engine` (fitted parameters). */
  priors: ParameterSource['priors'];
  /** false: every run uses defaults and overrides (no prior draws). */
  drawParameters: boolean;
  /** false: every run starts from the observed tie values (no draws from confidence). */
  drawTies: boolean;
  shocks: CompiledShock[];
  /** Pairs followed step by step and split by third actor, as index pairs i < j. */
  tracked: [number, number][];
  /** Runs per chunk; fixed, so sums are grouped the same way whatever the thread count. */
  chunk: number;
  /** Measures followed step by step (`follow:` and measure expectations), args as model indices. */
  follow: CompiledFollow[];
  /** What snapshot views of simulated states are made of. */
  view: ViewModel;
  measures: FollowOptions;
}

/** A followed measure: its kind and its actors as model indices. */
export interface CompiledFollow {
  kind: string;
  args: number[];
}

/** Measures of a scenario, each once: its `follow:` list, then those only its `expect:` names. */
export function followedMeasures(sc: Scenario): FollowSpec[] {
  const out = new Map<string, FollowSpec>();
  for (const entry of [...sc.follow, ...sc.expect.filter(isMeasureEntry)]) {
    const spec = followSpec(entry);
    const key = `${spec.kind}:${spec.args.join(',')}`;
    if (!out.has(key)) out.set(key, spec);
  }
  return [...out.values()];
}

export interface PlanOptions {
  /** Default: the scenario's. */
  runs: number;
  /** Default: the scenario's. */
  seed: number;
  drawParameters: boolean;
  drawTies: boolean;
  chunk: number;
  /** Extra pairs to track, as actor ids. */
  track: [string, string][];
  measures: Partial<FollowOptions>;
  /** Fitted parameters: fixed values and priors under the scenario's own settings. */
  parameters: ParameterSource;
}

/** Plan options other than runs and seed (which default to the scenario's). */
export const PLAN_DEFAULTS: Readonly<Omit<PlanOptions, 'runs' | 'seed'>> = Object.freeze({
  drawParameters: true,
  drawTies: true,
  chunk: 10,
  track: [],
  measures: {},
  parameters: Object.freeze({ overrides: {}, priors: {} }),
});

/** Orders a pair of indices as i < j. */
export function ordered(i: number, j: number): [number, number] {
  return i < j ? [i, j] : [j, i];
}

/**
 * Compiles a checked scenario against its world model.
 *
 * @example
 * const plan = compilePlan(doc.scenario, compileWorld(world, '2021-12'), { runs: 100 });
 */
export function compilePlan(sc: Scenario, m: WorldModel, given: Partial<PlanOptions> = {}): Plan {
  const options: PlanOptions = { runs: sc.runs, seed: sc.seed, ...PLAN_DEFAULTS, ...given };
  const index = new Map(m.ids.map((id, i) => [id, i]));
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new InvalidInputError({ field: 'pair', message: `unknown actor '${id}'` });
    return i;
  };
  const enabled = MECHANISMS.map((mech) => mech.id).filter((id) => runsMechanism(sc, id));
  const shocks: CompiledShock[] = sc.shocks.map((s, source) => {
    if (s.mechanism !== undefined) {
      const m = enabled.indexOf(s.mechanism);
      if (m < 0)
        throw new InvalidInputError({
          field: 'mechanism',
          message: `mechanism '${s.mechanism}' does not run`,
        });
      return s.params
        ? { at: s.at, kind: 'mechanism', m, params: s.params }
        : { at: s.at, kind: 'mechanism', m, enabled: s.enabled! };
    }
    if (s.capability !== undefined)
      return { at: s.at, kind: 'capability', i: at(s.capability), factor: s.scale! };
    const [i, j] = ordered(at(s.tie![0]), at(s.tie![1]));
    const x = i * m.n + j;
    const persist = s.persist ?? true;
    if (s.dimension === undefined) {
      return s.set !== undefined
        ? { at: s.at, kind: 'tie', i, j, mode: 'set', value: s.set, persist, layerRemainder: 0, source }
        : { at: s.at, kind: 'tie', i, j, mode: 'shift', value: s.shift!, persist, layerRemainder: 0, source };
    }
    const d = s.dimension;
    const layer = m.layerObserved[d][x] ? m.layers[d][x]! : 0;
    const wanted = s.set !== undefined ? s.set : layer + s.shift!;
    const target = Math.max(-1, Math.min(1, wanted));
    const delta = compositeWithLayer(m, x, d, target) - m.ties[x]!;
    return {
      at: s.at,
      kind: 'tie',
      i,
      j,
      mode: 'shift',
      value: delta,
      persist,
      dimension: d,
      layerRemainder: target - layer - delta,
      source,
      ...(target !== wanted && { layerClipped: wanted - target }),
    };
  });
  shocks.sort((a, b) => a.at - b.at);
  const pairs = new Map<string, [number, number]>();
  const addPair = (a: string, b: string) => {
    const p = ordered(at(a), at(b));
    pairs.set(`${p[0]},${p[1]}`, p);
  };
  for (const x of sc.expect) if (x.pair) addPair(x.pair[0], x.pair[1]);
  for (const s of sc.shocks) if (s.tie) addPair(s.tie[0], s.tie[1]);
  for (const p of [...sc.track, ...options.track]) addPair(p[0], p[1]);
  // The scenario's own settings win over fitted values, which win over the defaults.
  const { engine: fittedEngine, ...fitted } = options.parameters.overrides;
  const overrides: Plan['overrides'] = { ...fitted };
  for (const [id, v] of Object.entries(sc.mechanisms)) {
    if (typeof v === 'object')
      overrides[id] = {
        ...fitted[id],
        ...Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'enabled')),
      };
  }
  return {
    model: {
      n: m.n,
      ties: m.ties,
      confidence: m.confidence,
      observed: m.observed,
      capabilities: m.capabilities,
      prox: m.prox,
    },
    dt: sc.step === 'year' ? 1 : 1 / 12,
    steps: sc.horizon,
    runs: options.runs,
    seed: options.seed,
    mechanisms: enabled,
    overrides,
    engine: { ...fittedEngine, ...(sc.engine as Partial<EngineParams>) },
    priors: options.parameters.priors,
    drawParameters: options.drawParameters,
    drawTies: options.drawTies,
    shocks,
    tracked: [...pairs.values()],
    chunk: options.chunk,
    follow: followedMeasures(sc).map((f) => ({ kind: f.kind, args: f.args.map(at) })),
    view: { world: m.world, at: m.at, actors: m.actors, n: m.n, observed: m.observed, records: m.records },
    measures: { ...FOLLOW_DEFAULTS, ...options.measures },
  };
}
