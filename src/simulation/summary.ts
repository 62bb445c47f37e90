/**
 * Reduces chunk results (in run order) into what a user reads: per-dyad effects at the horizon
 * with 5–95% intervals and the probability of a positive sign, per-mechanism attribution,
 * trajectories of tracked pairs, capability effects and third-actor channels.
 *
 * Per-dimension effects: the engine simulates the composite; a layer d of a dyad moves by the
 * composite's change, clipped to [−1, 1]: L_d(H) = clip(L_d(0) + W(H) − W(0) + r_d), where r_d is,
 * for shocks aimed at layer d, the shock to d minus the composite's (weighted) share of it.
 */
import type { Dimension } from '../domain/schema.js';
import type { Layer } from '../domain/world.js';
import { shares, topThirdParties } from './attribution.js';
import { pairIndex } from './mechanisms/types.js';
import type { ChunkResult } from './montecarlo.js';
import { pairIndices } from './montecarlo.js';
import type { Plan, TieShock } from './plan.js';
import type { WorldModel } from './world-model.js';

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

/** Percentile of sorted values, linear interpolation between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Concatenated run-major views of chunk results (chunks are in run order). */
export interface Gathered {
  runs: number;
  horizon: Float64Array;
  capabilities: Float64Array;
  trajectories: Float64Array;
  attribution: Float64Array;
  via: Float64Array;
}

/** Joins chunks in order; sums are added chunk by chunk in that order. */
export function gather(chunks: readonly ChunkResult[]): Gathered {
  const cat = (pick: (c: ChunkResult) => Float64Array) => {
    const out = new Float64Array(chunks.reduce((s, c) => s + pick(c).length, 0));
    let o = 0;
    for (const c of chunks) {
      out.set(pick(c), o);
      o += pick(c).length;
    }
    return out;
  };
  const sum = (pick: (c: ChunkResult) => Float64Array) => {
    const out = new Float64Array(chunks[0] ? pick(chunks[0]).length : 0);
    for (const c of chunks) {
      const v = pick(c);
      for (let x = 0; x < v.length; x++) out[x]! += v[x]!;
    }
    return out;
  };
  return {
    runs: chunks.reduce((s, c) => s + c.to - c.from, 0),
    horizon: cat((c) => c.horizon),
    capabilities: cat((c) => c.capabilities),
    trajectories: cat((c) => c.trajectories),
    attribution: sum((c) => c.attribution),
    via: sum((c) => c.via),
  };
}

export class Summariser {
  private readonly opts: SummaryOptions;
  private readonly I: Int32Array;
  private readonly J: Int32Array;
  private readonly round: (x: number) => number;

  constructor(
    private readonly plan: Plan,
    private readonly model: WorldModel,
    private readonly g: Gathered,
    private readonly mechanisms: readonly string[],
    options: Partial<SummaryOptions> = {},
  ) {
    this.opts = { ...SUMMARY_DEFAULTS, ...options };
    ({ I: this.I, J: this.J } = pairIndices(model.n));
    const f = 10 ** this.opts.digits;
    this.round = (x: number) => {
      const r = Math.round(x * f) / f;
      return r === 0 ? 0 : r;
    };
  }

  private stats(values: Float64Array): { mean: number; lo: number; hi: number; pPositive: number } {
    let sum = 0;
    let pos = 0;
    for (const v of values) {
      sum += v;
      if (v > this.opts.zero) pos += 1;
      else if (v >= -this.opts.zero) pos += 0.5;
    }
    const sorted = Float64Array.from(values).sort();
    const [ql, qh] = this.opts.quantiles;
    const r = this.round;
    return {
      mean: r(sum / values.length),
      lo: r(quantile(sorted, ql)),
      hi: r(quantile(sorted, qh)),
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

  /** Effects at the horizon for every pair, largest |mean| first. */
  effects(layer: Layer): (Effect & { p: number })[] {
    const { g, model, I, J } = this;
    const P = I.length;
    const runs = g.runs;
    const diff = new Float64Array(runs);
    const out: (Effect & { p: number })[] = [];
    const clip = (x: number) => (x > 1 ? 1 : Math.max(x, -1));
    for (let p = 0; p < P; p++) {
      const i = I[p]!;
      const j = J[p]!;
      const x = i * model.n + j;
      const L0 = layer === 'composite' ? 0 : model.layers[layer][x]!;
      const rem = layer === 'composite' ? 0 : this.layerRemainder(i, j, layer);
      let base = 0;
      for (let r = 0; r < runs; r++) {
        const o = r * 3 * P;
        const w0 = g.horizon[o + p]!;
        const ws = g.horizon[o + P + p]!;
        const wt = g.horizon[o + 2 * P + p]!;
        if (layer === 'composite') {
          diff[r] = ws - wt;
          base += wt;
        } else {
          const lt = clip(L0 + wt - w0);
          diff[r] = clip(L0 + ws - w0 + rem) - lt;
          base += lt;
        }
      }
      const [a, b] = [model.ids[i]!, model.ids[j]!].sort();
      out.push({ a: a!, b: b!, dimension: layer, ...this.stats(diff), baseline: this.round(base / runs), p });
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
