/**
 * Paired Monte Carlo. Every run r draws its parameters from the priors and its initial ties from
 * their confidence, then steps a scenario trajectory (with shocks) and its twin (without) in
 * lockstep on the same draws and the same noise, so scenario − twin isolates the shocks' effect
 * (common random numbers; Glasserman 2004, "Monte Carlo Methods in Financial Engineering", §4.2).
 *
 * Run r reads only streams keyed by (seed, r, purpose) (domain/random.ts), so a run's numbers do
 * not depend on which thread computes it. Chunks of a fixed size are the unit of work; per-run
 * values are returned as they are, sums over a chunk are added in run order, and the main thread
 * adds chunks in chunk order, so the output is byte-identical for any number of threads.
 */

import { drawTie } from '../../analysis/tie-draw.js';
import type { Rng } from '../../kernels/random.js';
import { Collector, measureFloats } from '../measures/collector.js';
import { Engine } from '../model/engine.js';
import { ENGINE_PARAMS, type EngineParams } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import { type Mechanism, type ParamSpec, type Params, pairIndex } from '../model/mechanisms/types.js';
import { draw, type Prior } from '../model/priors.js';
import { runStream, StepNoise } from '../model/step-noise.js';
import type { CompiledShock, Plan } from './plan.js';

/**
 * The generator of measures' own draws (the frustration heuristic's starts): one fixed stream, so a
 * measure is a function of the state alone and the scenario and its twin read equal states alike.
 */
export function measureRng(seed: number): () => Rng {
  return () => runStream(seed, 0, 'measures');
}

/** Results of runs [from, to). Layouts are documented per field; P = n(n−1)/2 pairs (i < j). */
export interface ChunkResult {
  from: number;
  to: number;
  /** Per run: [start ties P][scenario at horizon P][twin at horizon P]. */
  horizon: Float64Array;
  /** Per run: [scenario capabilities n][twin capabilities n] at the horizon. */
  capabilities: Float64Array;
  /** Per run, per tracked pair, per step 0…steps: [scenario, twin]. */
  trajectories: Float64Array;
  /**
   * Sum over the chunk's runs and steps (in that order) of scenario − twin ΔW per mechanism × pair,
   * plus a last row for the shocks' own changes (the steady-start offsets are equal and cancel).
   */
  attribution: Float64Array;
  /** Same sum for tracked pairs split by third actor: tracked × mechanism × n. */
  via: Float64Array;
  /** Per run, per followed measure, per step 0…steps: [scenario, twin] (NaN: undefined there). */
  measures: Float64Array;
  /** Per run, per compiled shock: the part of a tie shock lost to clipping at ±1 (signed; 0 none). */
  clipped: Float64Array;
}

/**
 * Parameter values for one run: drawn, overridden or default; every prior is always consumed, so
 * an override never shifts the draws of the parameters after it. `priors` replaces or adds a
 * parameter's prior (fitted parameters, see `fitted-params.ts`).
 *
 * @example
 * drawValues(hedging.params, { eta: 0.3 }, runStream(1, 0, 'parameters'), true);
 */
export function drawValues(
  specs: Readonly<Record<string, ParamSpec>>,
  overrides: Record<string, number | boolean> | undefined,
  rng: Rng,
  drawing: boolean,
  priors: Readonly<Record<string, Prior>> = {},
): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const prior = priors[key] ?? spec.prior;
    const drawn = prior ? draw(prior, rng, spec.min, spec.max) : undefined;
    out[key] = overrides?.[key] ?? (drawing && drawn !== undefined ? drawn : spec.default);
  }
  return out;
}

/** Index pairs (i < j) in row-major order. */
export function pairIndices(n: number): { I: Int32Array; J: Int32Array } {
  const P = (n * (n - 1)) / 2;
  const I = new Int32Array(P);
  const J = new Int32Array(P);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      I[p] = i;
      J[p++] = j;
    }
  }
  return { I, J };
}

/** Runs chunks of a plan; all buffers are allocated once per runner. */
export class Runner {
  readonly plan: Plan;
  readonly mechanisms: readonly Mechanism<Params>[];
  private readonly scen: Engine;
  private readonly twin: Engine;
  private readonly W0: Float64Array;
  private readonly noise: StepNoise;
  private readonly I: Int32Array;
  private readonly J: Int32Array;
  /** Linear index i·n + j of every pair. */
  private readonly X: Int32Array;
  /** A mechanism's split of one tracked pair over third actors, in the scenario and in the twin. */
  private readonly viaBuffer: Float64Array;
  private readonly viaTwin: Float64Array;
  private readonly collector: Collector;

  constructor(plan: Plan) {
    this.plan = plan;
    const { n, prox, observed } = plan.model;
    const byId = new Map(MECHANISMS.map((m) => [m.id, m]));
    this.mechanisms = plan.mechanisms.map((id) => byId.get(id)!);
    this.scen = new Engine(n, plan.dt, prox, observed, this.mechanisms);
    this.twin = new Engine(n, plan.dt, prox, observed, this.mechanisms);
    this.twin.offsets = this.scen.offsets;
    this.W0 = new Float64Array(n * n);
    this.noise = new StepNoise(n, plan.model.observed);
    ({ I: this.I, J: this.J } = pairIndices(n));
    this.X = this.I.map((i, p) => i * n + this.J[p]!);
    this.viaBuffer = new Float64Array(n);
    this.viaTwin = new Float64Array(n);
    this.collector = new Collector(plan, measureRng(plan.seed));
  }

  /** Computes runs [from, to); followed measures hold the step values (heuristic) at the horizon too. */
  runChunk(from: number, to: number): ChunkResult {
    const { plan } = this;
    const { n } = plan.model;
    const P = this.I.length;
    const T = plan.tracked.length;
    const M = this.mechanisms.length;
    const count = to - from;
    const result: ChunkResult = {
      from,
      to,
      horizon: new Float64Array(count * 3 * P),
      capabilities: new Float64Array(count * 2 * n),
      trajectories: new Float64Array(count * T * (plan.steps + 1) * 2),
      attribution: new Float64Array((M + 1) * P),
      via: new Float64Array(T * M * n),
      measures: new Float64Array(count * measureFloats(plan)),
      clipped: new Float64Array(count * plan.shocks.length),
    };
    for (let r = from; r < to; r++) this.run(r, r - from, result);
    return result;
  }

  private start(run: number): { params: Params[]; engine: EngineParams } {
    const { plan } = this;
    const rng = runStream(plan.seed, run, 'parameters');
    const all = MECHANISMS.map((m) =>
      drawValues(m.params, plan.overrides[m.id], rng, plan.drawParameters, plan.priors[m.id]),
    );
    const engine = drawValues(
      ENGINE_PARAMS,
      plan.engine,
      rng,
      plan.drawParameters,
      plan.priors.engine,
    ) as EngineParams;
    const index = new Map(MECHANISMS.map((m, k) => [m.id, k]));
    return { params: this.mechanisms.map((m) => all[index.get(m.id)!]!), engine };
  }

  private initialTies(run: number, spread: number): void {
    const { plan, W0 } = this;
    const { n, ties, confidence, observed } = plan.model;
    const rng = runStream(plan.seed, run, 'ties');
    W0.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = i * n + j;
        if (!observed[x]) continue;
        const z = rng.normal();
        const v = plan.drawTies ? drawTie(ties[x]!, confidence[x]!, z, spread) : ties[x]!;
        W0[x] = v;
        W0[j * n + i] = v;
      }
    }
  }

  /** Applies a shock; returns what clipping at ±1 took from a tie shock (0 when nothing). */
  private applyShock(s: CompiledShock, attribution: Float64Array): number {
    const { scen } = this;
    if (s.kind === 'capability') {
      scen.scaleCapability(s.i, s.factor);
      return 0;
    }
    if (s.kind === 'mechanism') {
      scen.switchMechanism(s.m, s);
      return 0;
    }
    const x = s.i * scen.n + s.j;
    const before = scen.s.W[x]!;
    if (s.mode === 'set') scen.setTie(s.i, s.j, s.value, s.persist);
    else scen.shiftTie(s.i, s.j, s.value, s.persist);
    attribution[this.mechanisms.length * this.I.length + pairIndex(scen.n, s.i, s.j)]! +=
      scen.s.W[x]! - before;
    return (s.mode === 'set' ? s.value : before + s.value) - scen.s.W[x]!;
  }

  private run(run: number, slot: number, out: ChunkResult): void {
    const { plan, scen, twin, I, X } = this;
    const { n, capabilities } = plan.model;
    const P = I.length;
    const T = plan.tracked.length;
    const { params, engine } = this.start(run);
    this.initialTies(run, engine.tieSpread);
    scen.reset(this.W0, capabilities, params, engine, true);
    twin.reset(this.W0, capabilities, params, engine, false);
    this.noise.reset(runStream(plan.seed, run, 'noise'), engine.noise, plan.dt);
    const trajBase = slot * T * (plan.steps + 1) * 2;
    const measureBase = slot * measureFloats(plan);
    this.record(out.trajectories, trajBase, 0);
    this.collector.record(out.measures, measureBase, 0, scen.s, twin.s);
    let next = 0;
    const clipBase = slot * plan.shocks.length;
    for (let t = 0; t < plan.steps; t++) {
      for (; next < plan.shocks.length && plan.shocks[next]!.at === t; next++)
        out.clipped[clipBase + next] = this.applyShock(plan.shocks[next]!, out.attribution);
      scen.evaluate();
      twin.evaluate();
      if (T > 0) this.accumulateVia(out.via);
      scen.commitPaired(twin, this.noise.draw(), out.attribution);
      this.record(out.trajectories, trajBase, t + 1);
      this.collector.record(out.measures, measureBase, t + 1, scen.s, twin.s);
    }
    const hb = slot * 3 * P;
    for (let p = 0; p < P; p++) {
      const x = X[p]!;
      out.horizon[hb + p] = this.W0[x]!;
      out.horizon[hb + P + p] = scen.s.W[x]!;
      out.horizon[hb + 2 * P + p] = twin.s.W[x]!;
    }
    out.capabilities.set(scen.s.c, slot * 2 * n);
    out.capabilities.set(twin.s.c, slot * 2 * n + n);
  }

  private record(traj: Float64Array, base: number, step: number): void {
    const { plan, scen, twin } = this;
    const n = plan.model.n;
    const stride = (plan.steps + 1) * 2;
    for (let t = 0; t < plan.tracked.length; t++) {
      const pair = plan.tracked[t]!;
      const x = pair[0] * n + pair[1];
      traj[base + t * stride + step * 2] = scen.s.W[x]!;
      traj[base + t * stride + step * 2 + 1] = twin.s.W[x]!;
    }
  }

  private accumulateVia(via: Float64Array): void {
    const { plan, scen, twin, viaBuffer, viaTwin } = this;
    const M = this.mechanisms.length;
    const n = plan.model.n;
    const work = scen.outs[0]!.work;
    for (let t = 0; t < plan.tracked.length; t++) {
      const i = plan.tracked[t]![0];
      const j = plan.tracked[t]![1];
      for (let m = 0; m < M; m++) {
        const split = this.mechanisms[m]!.via;
        if (!split) continue;
        viaBuffer.fill(0);
        viaTwin.fill(0);
        if (scen.acts(m)) split(scen.s, scen.paramsOf(m), i, j, viaBuffer, work);
        if (twin.acts(m)) split(twin.s, twin.paramsOf(m), i, j, viaTwin, work);
        const base = (t * M + m) * n;
        for (let k = 0; k < n; k++) via[base + k]! += viaBuffer[k]! - viaTwin[k]!;
      }
    }
  }
}
