/**
 * Reduces chunk results (in run order) into what a user reads: per-dyad effects at the horizon
 * with 5–95% intervals and the probability of a positive sign, per-mechanism attribution,
 * trajectories of tracked pairs, capability effects and third-actor channels.
 *
 * Per-dimension effects: the engine simulates the composite; a layer d of a dyad moves by the
 * composite's change, clipped to [−1, 1]: L_d(H) = clip(L_d(0) + W(H) − W(0) + r_d), where r_d is,
 * for shocks aimed at layer d, the shock to d minus the composite's (weighted) share of it.
 */
import type { Dimension } from '../../domain/schema.js';
import type { Layer } from '../../domain/world.js';
import { selectQuantiles } from '../../kernels/quantiles.js';
import { type StepBands, stepBands } from '../measures/bands.js';
import { MEASURE_BY_ID } from '../measures/index.js';
import { pairIndex } from '../model/mechanisms/types.js';
import type { WorldModel } from '../model/world-model.js';
import type { Gathered } from '../runs/gather.js';
import { pairIndices } from '../runs/montecarlo.js';
import type { Plan, TieShock } from '../runs/plan.js';
import { shares, topThirdParties } from './attribution.js';

export interface SummaryOptions {
  /** Lower and upper quantiles of the reported interval. */
  quantiles: [number, number];
  /** Effects of the largest |mean| get an attribution (tracked pairs always do). */
  attributionTop: number;
  /** Third actors listed per mechanism in channels. */
  viaTop: number;
  /** Differences smaller than this count as zero (half positive) in pPositive. */
  zero: number;
  /** Decimal places kept in the output (stable, readable JSON). */
  digits: number;
}

export const SUMMARY_DEFAULTS: Readonly<SummaryOptions> = Object.freeze({
  quantiles: [0.05, 0.95] as [number, number],
  attributionTop: 20,
  viaTop: 5,
  zero: 1e-12,
  digits: 6,
});

export interface Effect {
  a: string;
  b: string;
  dimension: Layer;
  /** Mean of scenario − baseline at the horizon. */
  mean: number;
  lo: number;
  hi: number;
  /** Share of runs where the effect is positive (exact zeros count half). */
  pPositive: number;
  /** Mean baseline (twin) value at the horizon, for context. */
  baseline: number;
}

export interface TrajectoryPoint {
  step: number;
  date: string;
  mean: number;
  lo: number;
  hi: number;
  scenario: number;
  baseline: number;
}

export interface CapabilityEffect {
  actor: string;
  /** Mean relative change scenario/baseline − 1 at the horizon. */
  mean: number;
  lo: number;
  hi: number;
  pPositive: number;
}

export interface Channel {
  mechanism: string;
  /** Mean cumulative contribution to the pair's effect. */
  contribution: number;
  share: number;
  /** Largest third-actor parts of the contribution. */
  via: { actor: string; contribution: number }[];
}

/** Probability of one outcome of a categorical measure, in the scenario and in its twin. */
export interface MeasureOutcome {
  outcome: string;
  scenario: number;
  baseline: number;
}

/** A followed measure at one step: numeric (means, interval of the effect) or its outcomes. */
export interface MeasureStep {
  step: number;
  date: string;
  mean?: number | null;
  lo?: number | null;
  hi?: number | null;
  scenario?: number | null;
  baseline?: number | null;
  outcomes?: MeasureOutcome[];
  /** Numeric measures: the spread of the scenario's and the twin's values (fan chart data). */
  bands?: StepBands;
}

/**
 * A followed measure's answer at the horizon. Numeric: scenario − twin over the runs where the
 * measure is defined in both (mean, interval, P(positive)) and the twin's mean; categorical: the
 * probability of each outcome in the scenario and in the twin (mean, lo, hi, baseline are null).
 */
export interface MeasureEffect {
  name: string;
  args: string[];
  title: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  pPositive: number | null;
  baseline: number | null;
  scenario: number | null;
  /** Runs in which the measure is defined at the horizon in both the scenario and the twin. */
  defined: number;
  outcomes?: MeasureOutcome[];
  steps: MeasureStep[];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/**
 * Pairs whose horizon differences are gathered together: their values for all runs (runs × 8 bytes
 * each) stay in cache while every run is read once.
 */
const PAIR_BLOCK = 64;

export class Summariser {
  private readonly opts: SummaryOptions;
  private readonly I: Int32Array;
  private readonly J: Int32Array;
  private readonly round: (x: number) => number;
  /** Scratch for sorting a distribution of `runs` values. */
  /** Scratch for the values a quantile is selected from (selection reorders them). */
  private readonly scratch: Float64Array;

  constructor(
    private readonly plan: Plan,
    private readonly model: WorldModel,
    private readonly g: Gathered,
    private readonly mechanisms: readonly string[],
    options: Partial<SummaryOptions> = {},
  ) {
    this.opts = { ...SUMMARY_DEFAULTS, ...options };
    ({ I: this.I, J: this.J } = pairIndices(model.n));
    this.scratch = new Float64Array(g.runs);
    const f = 10 ** this.opts.digits;
    this.round = (x: number) => {
      const r = Math.round(x * f) / f;
      return r === 0 ? 0 : r;
    };
  }

  private stats(values: Float64Array): { mean: number; lo: number; hi: number; pPositive: number } {
    const { zero } = this.opts;
    let sum = 0;
    let pos = 0;
    for (let r = 0; r < values.length; r++) {
      const v = values[r]!;
      sum += v;
      if (v > zero) pos += 1;
      else if (v >= -zero) pos += 0.5;
    }
    const scratch = this.scratch.length === values.length ? this.scratch : new Float64Array(values.length);
    scratch.set(values);
    const [lo, hi] = selectQuantiles(scratch, this.opts.quantiles);
    const r = this.round;
    return {
      mean: r(sum / values.length),
      lo: r(lo!),
      hi: r(hi!),
      pPositive: r(pos / values.length),
    };
  }

  private layerRemainder(i: number, j: number, d: Dimension): number {
    let r = 0;
    for (const s of this.plan.shocks) {
      if (s.kind === 'tie' && s.i === i && s.j === j && (s as TieShock).dimension === d)
        r += s.layerRemainder;
    }
    return r;
  }

  /**
   * scenario − twin at the horizon of pairs [p0, p1) on `layer`, pair-major (`runs` values per
   * pair, in run order), and each pair's summed baseline. Runs are read in order, one contiguous
   * stretch of pairs at a time, rather than one pair across all runs.
   */
  private horizonDifferences(
    layer: Layer,
    p0: number,
    p1: number,
    diffs: Float64Array,
    bases: Float64Array,
  ): void {
    const { g, model, I, J } = this;
    const P = I.length;
    const runs = g.runs;
    const h = g.horizon;
    const clip = (x: number) => (x > 1 ? 1 : Math.max(x, -1));
    bases.fill(0);
    if (layer === 'composite') {
      for (let r = 0; r < runs; r++) {
        const o = r * 3 * P;
        for (let p = p0; p < p1; p++) {
          const wt = h[o + 2 * P + p]!;
          diffs[(p - p0) * runs + r] = h[o + P + p]! - wt;
          bases[p - p0]! += wt;
        }
      }
      return;
    }
    const L0 = new Float64Array(p1 - p0);
    const rem = new Float64Array(p1 - p0);
    for (let p = p0; p < p1; p++) {
      L0[p - p0] = model.layers[layer][I[p]! * model.n + J[p]!]!;
      rem[p - p0] = this.layerRemainder(I[p]!, J[p]!, layer);
    }
    for (let r = 0; r < runs; r++) {
      const o = r * 3 * P;
      for (let p = p0; p < p1; p++) {
        const k = p - p0;
        const w0 = h[o + p]!;
        const lt = clip(L0[k]! + h[o + 2 * P + p]! - w0);
        diffs[k * runs + r] = clip(L0[k]! + h[o + P + p]! - w0 + rem[k]!) - lt;
        bases[k]! += lt;
      }
    }
  }

  /** Effects at the horizon for every pair, largest |mean| first. */
  effects(layer: Layer): (Effect & { p: number })[] {
    const { g, model, I, J } = this;
    const P = I.length;
    const runs = g.runs;
    const block = Math.max(1, Math.min(P, PAIR_BLOCK));
    const diffs = new Float64Array(block * runs);
    const bases = new Float64Array(block);
    const out: (Effect & { p: number })[] = [];
    for (let p0 = 0; p0 < P; p0 += block) {
      const p1 = Math.min(P, p0 + block);
      this.horizonDifferences(layer, p0, p1, diffs, bases);
      for (let p = p0; p < p1; p++) {
        const k = p - p0;
        const [a, b] = [model.ids[I[p]!]!, model.ids[J[p]!]!].sort();
        const stats = this.stats(diffs.subarray(k * runs, (k + 1) * runs));
        out.push({ a: a!, b: b!, dimension: layer, ...stats, baseline: this.round(bases[k]! / runs), p });
      }
    }
    return out.sort(
      (x, y) =>
        Math.abs(y.mean) - Math.abs(x.mean) || (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1),
    );
  }

  /** Mean contribution per mechanism (and shock) for pair index p. */
  contributions(p: number): Record<string, number> {
    const P = this.I.length;
    const out: Record<string, number> = {};
    [...this.mechanisms, 'shock'].forEach((m, k) => {
      const v = this.g.attribution[k * P + p]! / this.g.runs;
      if (v !== 0) out[m] = v;
    });
    return out;
  }

  attribution(pairs: number[]): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const p of pairs) {
      const key = pairKey(this.model.ids[this.I[p]!]!, this.model.ids[this.J[p]!]!);
      out[key] = Object.fromEntries(
        Object.entries(shares(this.contributions(p))).map(([k, v]) => [k, this.round(v)]),
      );
    }
    return out;
  }

  /** Pair index of (i, j), i < j. */
  pairIndex(i: number, j: number): number {
    return pairIndex(this.model.n, i, j);
  }

  trajectories(dates: readonly string[]): Record<string, TrajectoryPoint[]> {
    const { plan, g, model } = this;
    const T = plan.tracked.length;
    const S = plan.steps + 1;
    const runs = g.runs;
    const out: Record<string, TrajectoryPoint[]> = {};
    const diff = new Float64Array(runs);
    plan.tracked.forEach(([i, j], t) => {
      const points: TrajectoryPoint[] = [];
      for (let step = 0; step < S; step++) {
        let sc = 0;
        let bl = 0;
        for (let r = 0; r < runs; r++) {
          const o = ((r * T + t) * S + step) * 2;
          const s = g.trajectories[o]!;
          const b = g.trajectories[o + 1]!;
          diff[r] = s - b;
          sc += s;
          bl += b;
        }
        const { mean, lo, hi } = this.stats(diff);
        points.push({
          step,
          date: dates[step]!,
          mean,
          lo,
          hi,
          scenario: this.round(sc / runs),
          baseline: this.round(bl / runs),
        });
      }
      out[pairKey(model.ids[i]!, model.ids[j]!)] = points;
    });
    return out;
  }

  channels(): Record<string, Channel[]> {
    const { plan, g, model } = this;
    const M = this.mechanisms.length;
    const n = model.n;
    const out: Record<string, Channel[]> = {};
    plan.tracked.forEach(([i, j], t) => {
      const p = this.pairIndex(i, j);
      const contrib = this.contributions(p);
      const share = shares(contrib);
      const list: Channel[] = Object.entries(contrib).map(([mechanism, c]) => {
        const m = this.mechanisms.indexOf(mechanism);
        const via =
          m < 0
            ? []
            : topThirdParties(
                g.via.subarray((t * M + m) * n, (t * M + m + 1) * n).map((v) => v / g.runs),
                model.ids,
                this.opts.viaTop,
              ).map((x) => ({ actor: x.actor, contribution: this.round(x.contribution) }));
        return { mechanism, contribution: this.round(c), share: this.round(share[mechanism] ?? 0), via };
      });
      list.sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
      out[pairKey(model.ids[i]!, model.ids[j]!)] = list;
    });
    return out;
  }

  /** scenario − twin of followed measure f at a step, over the runs where both are defined. */
  private measureAt(f: number, step: number, diff: Float64Array) {
    const { g, plan } = this;
    const stride = (plan.steps + 1) * 2;
    const per = plan.follow.length * stride;
    let k = 0;
    let sc = 0;
    let bl = 0;
    for (let r = 0; r < g.runs; r++) {
      const o = r * per + f * stride + 2 * step;
      const s = g.measures[o]!;
      const b = g.measures[o + 1]!;
      if (Number.isNaN(s) || Number.isNaN(b)) continue;
      diff[k++] = s - b;
      sc += s;
      bl += b;
    }
    if (k === 0)
      return { defined: 0, mean: null, lo: null, hi: null, pPositive: null, scenario: null, baseline: null };
    return {
      defined: k,
      ...this.stats(diff.subarray(0, k)),
      scenario: this.round(sc / k),
      baseline: this.round(bl / k),
    };
  }

  /** Probability of each outcome (those seen in either) of categorical measure f at a step. */
  private outcomesAt(f: number, step: number, labels: readonly string[]): MeasureOutcome[] {
    const { g, plan } = this;
    const stride = (plan.steps + 1) * 2;
    const per = plan.follow.length * stride;
    const counts = new Float64Array(2 * labels.length);
    for (let r = 0; r < g.runs; r++) {
      const o = r * per + f * stride + 2 * step;
      counts[2 * g.measures[o]!]! += 1;
      counts[2 * g.measures[o + 1]! + 1]! += 1;
    }
    const out: MeasureOutcome[] = [];
    labels.forEach((outcome, k) => {
      if (counts[2 * k] === 0 && counts[2 * k + 1] === 0) return;
      out.push({
        outcome,
        scenario: this.round(counts[2 * k]! / g.runs),
        baseline: this.round(counts[2 * k + 1]! / g.runs),
      });
    });
    return out;
  }

  /** Every followed measure: its answer at the horizon and its course step by step. */
  measures(dates: readonly string[]): MeasureEffect[] {
    const { plan, model } = this;
    const diff = new Float64Array(this.g.runs);
    return plan.follow.map((f, k) => {
      const kind = MEASURE_BY_ID.get(f.kind)!;
      const args = f.args.map((i) => model.ids[i]!);
      const head = { name: f.kind, args, title: kind.title(args) };
      const steps = Array.from({ length: plan.steps + 1 }, (_, step) => step);
      if (kind.outcomes) {
        const labels = kind.outcomes(args);
        return {
          ...head,
          mean: null,
          lo: null,
          hi: null,
          pPositive: null,
          baseline: null,
          scenario: null,
          defined: this.g.runs,
          outcomes: this.outcomesAt(k, plan.steps, labels),
          steps: steps.map((step) => ({
            step,
            date: dates[step]!,
            outcomes: this.outcomesAt(k, step, labels),
          })),
        };
      }
      const h = this.measureAt(k, plan.steps, diff);
      return {
        ...head,
        mean: h.mean,
        lo: h.lo,
        hi: h.hi,
        pPositive: h.pPositive,
        baseline: h.baseline,
        scenario: h.scenario,
        defined: h.defined,
        steps: steps.map((step) => {
          const { mean, lo, hi, scenario, baseline } = this.measureAt(k, step, diff);
          const stride = (plan.steps + 1) * 2;
          const at = { values: this.g.measures, runs: this.g.runs };
          const offset = (r: number) => r * plan.follow.length * stride + k * stride + 2 * step;
          const bands = stepBands({ ...at, offset }, this.round);
          return { step, date: dates[step]!, mean, lo, hi, scenario, baseline, bands };
        }),
      };
    });
  }

  capabilities(): CapabilityEffect[] {
    const { g, model } = this;
    const n = model.n;
    const runs = g.runs;
    const rel = new Float64Array(runs);
    const out: CapabilityEffect[] = [];
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < runs; r++)
        rel[r] = g.capabilities[r * 2 * n + i]! / g.capabilities[r * 2 * n + n + i]! - 1;
      const st = this.stats(rel);
      if (st.mean !== 0 || st.lo !== 0 || st.hi !== 0) out.push({ actor: model.ids[i]!, ...st });
    }
    return out.sort((x, y) => Math.abs(y.mean) - Math.abs(x.mean) || (x.actor < y.actor ? -1 : 1));
  }
}
