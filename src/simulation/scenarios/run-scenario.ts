/**
 * `runScenario`: the library entry for what-ifs. Validates the scenario against its world,
 * compiles a plan, runs the paired Monte Carlo (in worker threads when worthwhile) and reduces it to
 * effects with intervals, attribution, trajectories and channels.
 */
import { ScenarioValidationError } from '../../domain/errors.js';
import { addMonths, endOf, startOf } from '../../domain/time.js';
import type { Layer, World } from '../../domain/world.js';
import { openWorld } from '../../worlds/open-world.js';
import { unknownIdHint } from '../../worlds/suggest.js';
import type { FollowOptions } from '../measures/collector.js';
import { followSpec, isMeasureEntry } from '../measures/follow-entry.js';
import { MECHANISM_IDS } from '../model/mechanisms/index.js';
import type { ParameterSource } from '../model/priors.js';
import { compileWorld, WORLD_MODEL_DEFAULTS, type WorldModelOptions } from '../model/world-model.js';
import type { Gathered } from '../runs/gather.js';
import { compilePlan, followedMeasures, type Plan } from '../runs/plan.js';
import { discardWorkers, POOL_DEFAULTS, runChunks, startWorkers, threadsFor } from '../runs/pool.js';
import { clippingWarnings } from './clipping.js';
import {
  checkScenario,
  type Scenario,
  type ScenarioDocument,
  type ScenarioLimits,
  scenarioFromObject,
  worldRef,
} from './scenario.js';
import {
  type CapabilityEffect,
  type Channel,
  type Effect,
  type MeasureEffect,
  pairKey,
  SUMMARY_DEFAULTS,
  Summariser,
  type SummaryOptions,
  type TrajectoryPoint,
} from './summary.js';

export interface RunScenarioOptions {
  /** Override the scenario's runs and seed. */
  runs?: number;
  seed?: number;
  /** A world (loaded) or reference overriding the scenario's `world:`. */
  world?: string | World;
  /** Threads computing runs (1 = this thread only); default min(cores, ceil(runs/50)). */
  workers?: number;
  /** Compute in worker threads only, keeping this thread free (servers). */
  offThread?: boolean;
  /** Layer the effects are reported on. */
  dimension: Layer;
  /** Extra pairs to follow and explain (actor ids). */
  track: [string, string][];
  /** Draw parameters from priors and initial ties from confidence (false: one fixed world). */
  drawParameters: boolean;
  drawTies: boolean;
  /**
   * Most runs per chunk (the grouping of sums; changing it may change the last digits). Small enough
   * that threads finish together: the last chunks are short whichever thread is slower.
   */
  chunk: number;
  /**
   * Fewest chunks a scenario's runs are cut into: with few, long runs (a large world) chunks shrink
   * below `chunk`, so the thread that finishes first waits at most for a small share of the work.
   * Chunk size depends on the runs only, never on the thread count, so output stays the same.
   */
  minChunks: number;
  limits: Partial<ScenarioLimits>;
  model: Partial<WorldModelOptions>;
  /** Options of followed measures (neutral band, heuristic restarts, exact-solver limits). */
  measures: Partial<FollowOptions>;
  /** Fitted parameters (values and priors under the scenario's own settings) and where they came from. */
  parameters?: ParameterSource & { label: string };
  summary: Partial<SummaryOptions>;
  /** Called after every chunk with runs done and total (the HTTP API streams it). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Cancels the run (it rejects with a SolverError; no chunk starts after the abort). */
  signal?: AbortSignal;
}

export const RUN_DEFAULTS: Readonly<RunScenarioOptions> = Object.freeze({
  dimension: 'composite',
  track: [],
  drawParameters: true,
  drawTies: true,
  chunk: 10,
  minChunks: 20,
  limits: {},
  model: {},
  measures: {},
  summary: {},
});

export interface Check {
  /** The tie checked (a < b), the actor whose capability is checked, or the measure. */
  pair?: [string, string];
  capability?: string;
  measure?: { name: string; args: string[]; title: string };
  dimension: Layer;
  direction: 'positive' | 'negative';
  mean: number;
  lo: number;
  hi: number;
  /** P(effect has the expected sign). */
  probability: number;
}

export interface ScenarioResult {
  scenario: {
    name: string;
    file?: string;
    world: string;
    start: string;
    step: 'month' | 'year';
    horizon: number;
    seed: number;
    shocks: Scenario['shocks'];
    mechanisms: string[];
    /** Where fitted parameters came from (`scenario run --params`), when they were used. */
    parameters?: string;
    quote?: string;
    source?: string;
  };
  runs: number;
  effects: Effect[];
  attribution: Record<string, Record<string, number>>;
  trajectories: Record<string, TrajectoryPoint[]>;
  channels: Record<string, Channel[]>;
  capabilities: CapabilityEffect[];
  /** Followed measures (`follow:` and measure expectations), in the order the scenario names them. */
  measures: MeasureEffect[];
  checks: Check[];
  warnings: string[];
}

function isDocument(x: unknown): x is ScenarioDocument {
  return typeof x === 'object' && x !== null && 'scenario' in x && 'locate' in x;
}

/** Dates of steps 0…horizon. */
export function stepDates(start: string, step: 'month' | 'year', horizon: number): string[] {
  const months = step === 'year' ? 12 : 1;
  return Array.from({ length: horizon + 1 }, (_, t) => addMonths(start, t * months));
}

function prepare(input: ScenarioDocument | unknown, options: RunScenarioOptions) {
  const base = isDocument(input) ? input : scenarioFromObject(input);
  const doc: ScenarioDocument = {
    ...base,
    scenario: {
      ...base.scenario,
      runs: options.runs ?? base.scenario.runs,
      seed: options.seed ?? base.scenario.seed,
    },
  };
  // Worker threads start now and warm up while the world loads.
  const { spawned } = threadsFor(doc.scenario.runs, chunkFor(doc.scenario.runs, options), options);
  const prepared = spawned > 0 ? startWorkers(spawned) : undefined;
  try {
    return { ...compileAgainstWorld(doc, options), prepared };
  } catch (err) {
    void discardWorkers(prepared);
    throw err;
  }
}

/** Runs per chunk for `runs` runs: `chunk`, or fewer so that there are at least `minChunks`. */
function chunkFor(runs: number, { chunk, minChunks }: Pick<RunScenarioOptions, 'chunk' | 'minChunks'>) {
  return Math.max(1, Math.min(chunk, Math.floor(runs / minChunks)));
}

/** Loads the world, checks the scenario against it and compiles the run plan. */
function compileAgainstWorld(doc: ScenarioDocument, options: RunScenarioOptions) {
  const world =
    typeof options.world === 'object'
      ? options.world
      : openWorld(worldRef(doc, typeof options.world === 'string' ? options.world : undefined));
  checkScenario(doc, world, options.limits);
  for (const [a, b] of options.track) {
    for (const id of [a, b]) {
      if (!world.actorById.has(id))
        throw new ScenarioValidationError({
          field: 'pair',
          message: `unknown actor '${id}' in world '${world.meta.id}'`,
          hint: unknownIdHint(id, world.actorById.keys(), 'actors'),
        });
    }
  }
  const sc = doc.scenario;
  const named = [
    ...sc.shocks.flatMap((s) => s.tie ?? (s.capability ? [s.capability] : [])),
    ...sc.expect.flatMap((x) => x.pair ?? (x.capability ? [x.capability] : [])),
    ...sc.track.flat(),
    ...options.track.flat(),
    ...followedMeasures(sc).flatMap((f) => f.args),
  ];
  const model = compileWorld(world, sc.start, {
    ...options.model,
    keep: [...(options.model.keep ?? []), ...named],
  });
  const plan = compilePlan(sc, model, {
    drawParameters: options.drawParameters,
    drawTies: options.drawTies,
    chunk: chunkFor(sc.runs, options),
    track: options.track,
    measures: options.measures,
    ...(options.parameters && { parameters: options.parameters }),
  });
  const warnings: string[] = [];
  if (startOf(sc.start) > endOf(world.meta.period.to)) {
    warnings.push(
      `start ${sc.start} is after the world's data end (${world.meta.period.to}); ties are the latest known`,
    );
  }
  if (model.isolates.length > 0) {
    warnings.push(
      `${model.isolates.length} actor(s) without any tie at ${sc.start} left out: ${model.isolates.join(', ')}`,
    );
  }
  if (model.defaultedCapabilities.length > 0) {
    warnings.push(
      `${model.defaultedCapabilities.length} actor(s) without a capability record use the default ` +
        `${options.model.defaultCapability ?? WORLD_MODEL_DEFAULTS.defaultCapability}: ` +
        model.defaultedCapabilities.join(', '),
    );
  }
  return { doc, world, model, plan, warnings };
}

/**
 * Runs a scenario against its paired baseline and summarises the difference.
 *
 * @example
 * const result = await runScenario(loadScenario('seed-us-china-rapprochement'), { runs: 200 });
 * result.effects.find((e) => e.a === 'C' && e.b === 'D')?.pPositive;
 */
export async function runScenario(
  input: ScenarioDocument | unknown,
  options: Partial<RunScenarioOptions> = {},
): Promise<ScenarioResult> {
  const opts: RunScenarioOptions = { ...RUN_DEFAULTS, ...options };
  const { doc, world, model, plan, warnings, prepared } = prepare(input, opts);
  const gathered = await runChunks(plan, {
    prepared,
    workers: opts.workers ?? POOL_DEFAULTS.workers,
    offThread: opts.offThread ?? POOL_DEFAULTS.offThread,
    ...(opts.signal && { signal: opts.signal }),
    onChunk: opts.onProgress ? (done, total) => opts.onProgress!({ done, total }) : undefined,
  });
  return summarise(doc, world, model, plan, gathered, opts, warnings);
}

function summarise(
  doc: ScenarioDocument,
  world: World,
  model: ReturnType<typeof compileWorld>,
  plan: Plan,
  gathered: Gathered,
  opts: RunScenarioOptions,
  warnings: string[],
): ScenarioResult {
  const sc = doc.scenario;
  const s = new Summariser(plan, model, gathered, plan.mechanisms, opts.summary);
  const effects = s.effects(opts.dimension);
  const top = effects
    .slice(0, opts.summary.attributionTop ?? SUMMARY_DEFAULTS.attributionTop)
    .map((e) => e.p);
  const tracked = plan.tracked.map(([i, j]) => s.pairIndex(i, j));
  const attribution = s.attribution([...new Set([...top, ...tracked])]);
  const byKey = new Map(effects.map((e) => [pairKey(e.a, e.b), e]));
  const layered = new Map<Layer, Map<string, Effect>>([[opts.dimension, byKey]]);
  const effectOn = (layer: Layer, a: string, b: string): Effect => {
    if (!layered.has(layer)) layered.set(layer, new Map(s.effects(layer).map((e) => [pairKey(e.a, e.b), e])));
    return layered.get(layer)!.get(pairKey(a, b))!;
  };
  const capabilities = s.capabilities();
  const measures = s.measures(stepDates(sc.start, sc.step, sc.horizon));
  const checks: Check[] = sc.expect.map((x) => {
    let e: { mean: number; lo: number; hi: number; pPositive: number };
    let target: Pick<Check, 'pair' | 'capability' | 'measure'>;
    if (isMeasureEntry(x)) {
      const spec = followSpec(x);
      const m = measures.find((y) => y.name === spec.kind && y.args.join() === spec.args.join())!;
      e = { mean: m.mean ?? 0, lo: m.lo ?? 0, hi: m.hi ?? 0, pPositive: m.pPositive ?? 0.5 };
      target = { measure: { name: m.name, args: m.args, title: m.title } };
    } else if (x.pair) {
      const effect = effectOn(x.dimension ?? 'composite', x.pair[0], x.pair[1]);
      e = effect;
      target = { pair: [effect.a, effect.b] };
    } else {
      e = capabilities.find((c) => c.actor === x.capability) ?? { mean: 0, lo: 0, hi: 0, pPositive: 0.5 };
      target = { capability: x.capability! };
    }
    return {
      ...target,
      dimension: x.dimension ?? 'composite',
      direction: x.direction,
      mean: e.mean,
      lo: e.lo,
      hi: e.hi,
      probability: x.direction === 'positive' ? e.pPositive : Math.round((1 - e.pPositive) * 1e6) / 1e6,
    };
  });
  return {
    scenario: {
      name: sc.name,
      ...(doc.file !== undefined && { file: doc.file }),
      world: world.meta.id,
      start: sc.start,
      step: sc.step,
      horizon: sc.horizon,
      seed: sc.seed,
      shocks: sc.shocks,
      mechanisms: MECHANISM_IDS.filter((id) => plan.mechanisms.includes(id)),
      ...(opts.parameters && { parameters: opts.parameters.label }),
      ...(sc.quote !== undefined && { quote: sc.quote }),
      ...(sc.source !== undefined && { source: sc.source }),
    },
    runs: plan.runs,
    effects: effects.map(({ p: _p, ...e }) => e),
    attribution,
    trajectories: s.trajectories(stepDates(sc.start, sc.step, sc.horizon)),
    channels: s.channels(),
    capabilities,
    measures,
    checks,
    warnings: [...warnings, ...clippingWarnings(sc, plan, gathered)],
  };
}
