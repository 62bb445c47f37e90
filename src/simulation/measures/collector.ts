/**
 * The collector: like a Mesa model's DataCollector, it takes every followed measure on the
 * scenario's and the twin's state at every step of a run, through one snapshot view per state
 * (made once, refilled), and writes the values beside the run's other per-run results. Where the
 * two states are still equal (before the first shock) the twin's values are the scenario's.
 * At the horizon, measures with an exact form (the frustration index) are taken again exactly,
 * chunk by chunk in the thread that ran it, once per distinct sign pattern in that thread.
 */
import { SNAPSHOT_GRAPH_DEFAULTS } from '../../analysis/from-snapshot.js';
import type { Rng } from '../../kernels/random.js';
import { MEASURE_BY_ID } from './index.js';
import { type Frame, StateViewer, signHash, type ViewModel } from './state-view.js';
import type { Evaluate, MeasureContext, MeasureKind } from './types.js';

/** Options of followed measures (see `MeasureContext`). */
export type FollowOptions = Omit<MeasureContext, 'ids' | 'rng'>;

export const FOLLOW_DEFAULTS: Readonly<FollowOptions> = Object.freeze({
  neutral: SNAPSHOT_GRAPH_DEFAULTS.neutral,
  // A few starts find the optimum of a small signed graph nearly always; the horizon is exact.
  heuristicRestarts: 4,
  exactMaxActors: 80,
  exactTimeLimit: 5,
});

/** One state as the engine holds it. */
export interface EngineState {
  W: Float64Array;
  c: Float64Array;
}

/** What the collector needs of a plan. */
export interface CollectorPlan {
  follow: readonly { kind: string; args: readonly number[] }[];
  view: ViewModel;
  measures: FollowOptions;
  steps: number;
}

function same(x: Float64Array, y: Float64Array): boolean {
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** Per-run floats of followed measures: follow × step (0…steps) × [scenario, twin]. */
export function measureFloats(plan: Pick<CollectorPlan, 'follow' | 'steps'>): number {
  return plan.follow.length * (plan.steps + 1) * 2;
}

function contextOf(plan: CollectorPlan, rng: () => Rng): MeasureContext {
  return { ...plan.measures, ids: plan.view.actors.map((a) => a.id), rng };
}

/** Values by sign pattern: a hash, checked against the stored codes (so collisions are harmless). */
class SignMemo {
  private readonly entries = new Map<number, { codes: Uint8Array; value: number }[]>();
  private size = 0;

  constructor(private readonly limit: number) {}

  get(hash: number, codes: Uint8Array): number | undefined {
    const list = this.entries.get(hash);
    if (!list) return undefined;
    for (const e of list) if (equalCodes(e.codes, codes)) return e.value;
    return undefined;
  }

  set(hash: number, codes: Uint8Array, value: number): void {
    if (this.size >= this.limit) {
      this.entries.clear();
      this.size = 0;
    }
    const list = this.entries.get(hash) ?? [];
    list.push({ codes: codes.slice(), value });
    this.entries.set(hash, list);
    this.size++;
  }
}

function equalCodes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** One followed measure as the collector runs it. */
interface Slot {
  evaluate: Evaluate;
  /** The view per side (scenario, twin): one snapshot, each side with its own sign codes. */
  frames: readonly [Frame, Frame];
  /** Index into the collector's frames (frames are shared by measures of the same actors). */
  frameIndex: number;
  memo?: SignMemo;
  /** Per side, the value at the signs that side's frame last held (valid once `known`). */
  last: Float64Array;
}

/** Per frame and side: the state's sign hash, or one of these. */
const NOT_TAKEN = -1;
const UNMOVED = -2;

/** Sign patterns remembered per measure; past this many the memory starts again. */
const MEMO_LIMIT = 16384;

/**
 * Takes a plan's followed measures on states. Values that depend only on signs are remembered
 * per pattern; they are pure functions of the state, so what is remembered never changes a value.
 *
 * @example
 * const c = new Collector(plan, measureRng(plan.seed));
 * c.record(out, base, step, scen.s, twin.s);
 */
export class Collector {
  private readonly viewer: StateViewer;
  private readonly slots: Slot[];
  private readonly stride: number;
  /** Per frame × side: the hash of its signs in the current state, `NOT_TAKEN` or `UNMOVED`. */
  private readonly hashes: Float64Array;
  /** Per frame × side: whether its codes (and the slots' `last`) come from a state already. */
  private readonly known: Uint8Array;

  constructor(plan: CollectorPlan, rng: () => Rng) {
    const ctx = contextOf(plan, rng);
    this.viewer = new StateViewer(plan.view, ctx.neutral);
    const frames = new Map<string, { frames: [Frame, Frame]; index: number }>();
    this.slots = plan.follow.map((f) => {
      const kind = MEASURE_BY_ID.get(f.kind)!;
      const key = kind.scope === 'full' ? '*' : [...f.args].sort((x, y) => x - y).join(',');
      let entry = frames.get(key);
      if (!entry) {
        const frame = this.viewer.frame(kind.scope === 'full' ? undefined : f.args, kind.capabilities);
        // The twin's frame shares the snapshot and its tie objects (measures cache by them).
        entry = {
          frames: [frame, { ...frame, codes: new Uint8Array(frame.codes.length) }],
          index: frames.size,
        };
        frames.set(key, entry);
      }
      for (const side of entry.frames) side.capabilities ||= kind.capabilities;
      return {
        evaluate: kind.create(f.args, ctx),
        frames: entry.frames,
        frameIndex: entry.index,
        ...(kind.signsOnly && { memo: new SignMemo(MEMO_LIMIT) }),
        last: new Float64Array(2),
      };
    });
    this.hashes = new Float64Array(2 * frames.size);
    this.known = new Uint8Array(2 * frames.size);
    this.stride = (plan.steps + 1) * 2;
  }

  private take(slot: Slot, side: 0 | 1): number {
    const { viewer, hashes, known } = this;
    const frame = slot.frames[side];
    if (!slot.memo) return slot.evaluate(viewer.fill(frame));
    const k = 2 * slot.frameIndex + side;
    let h = hashes[k]!;
    if (h === NOT_TAKEN) {
      // A side whose signs did not move since its last state has its last values: the measure is a
      // function of the signs alone, so this is what the memo would return, without hashing.
      h = viewer.signsMoved(frame) || !known[k] ? signHash(frame.codes) : UNMOVED;
      hashes[k] = h;
      known[k] = 1;
    }
    if (h === UNMOVED) return slot.last[side]!;
    let v = slot.memo.get(h, frame.codes);
    if (v === undefined) {
      v = slot.evaluate(viewer.fill(frame));
      slot.memo.set(h, frame.codes, v);
    }
    slot.last[side] = v;
    return v;
  }

  private state(s: EngineState): void {
    this.viewer.view(s.W, s.c);
    this.hashes.fill(NOT_TAKEN);
  }

  /** Writes step `step` of every measure at `out[base + f·stride + 2·step (+1 for the twin)]`. */
  record(out: Float64Array, base: number, step: number, scen: EngineState, twin: EngineState): void {
    const { slots, stride } = this;
    if (slots.length === 0) return;
    this.state(scen);
    for (let f = 0; f < slots.length; f++) out[base + f * stride + 2 * step] = this.take(slots[f]!, 0);
    const equal = same(scen.W, twin.W) && same(scen.c, twin.c);
    if (!equal) this.state(twin);
    for (let f = 0; f < slots.length; f++) {
      const o = base + f * stride + 2 * step;
      out[o + 1] = equal ? out[o]! : this.take(slots[f]!, 1);
    }
  }
}

/**
 * Replaces the horizon values of measures that have an exact form, run by run, from the horizon
 * ties (per run [start P][scenario P][twin P], pairs i < j) and capabilities of some runs; each
 * distinct sign pattern is solved once (the values are pure, so remembering changes none).
 *
 * @example
 * await new ExactAtHorizon(plan, measureRng(plan.seed)).apply(gathered);
 */
export class ExactAtHorizon {
  private readonly ctx: MeasureContext;
  private readonly exact: { kind: MeasureKind; k: number; memo: SignMemo }[];
  private readonly viewer: StateViewer;
  /** The full view, made on first use (most plans have no exact measure). */
  private frame: Frame | undefined;
  private readonly W: Float64Array;

  constructor(
    private readonly plan: CollectorPlan,
    rng: () => Rng,
  ) {
    this.ctx = contextOf(plan, rng);
    this.exact = plan.follow
      .map((f, k) => ({ kind: MEASURE_BY_ID.get(f.kind)!, k, memo: new SignMemo(MEMO_LIMIT) }))
      .filter((x) => x.kind.atHorizon !== undefined);
    this.viewer = new StateViewer(plan.view, this.ctx.neutral);
    this.W = new Float64Array(this.exact.length > 0 ? plan.view.n * plan.view.n : 0);
  }

  async apply(chunk: {
    horizon: Float64Array;
    capabilities: Float64Array;
    measures: Float64Array;
  }): Promise<void> {
    const { plan, exact, viewer, W, ctx } = this;
    if (exact.length === 0) return;
    this.frame ??= viewer.frame();
    const { frame } = this;
    const { n } = plan.view;
    const P = (n * (n - 1)) / 2;
    const stride = (plan.steps + 1) * 2;
    const per = measureFloats(plan);
    const runs = chunk.horizon.length / (3 * P);
    for (let r = 0; r < runs; r++) {
      for (let side = 0; side < 2; side++) {
        const o = r * 3 * P + (1 + side) * P;
        let p = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const w = chunk.horizon[o + p++]!;
            W[i * n + j] = w;
            W[j * n + i] = w;
          }
        }
        viewer.view(W, chunk.capabilities.subarray((2 * r + side) * n, (2 * r + side + 1) * n));
        const h = viewer.signs(frame);
        for (const { kind, k, memo } of exact) {
          const at = r * per + k * stride + 2 * plan.steps + side;
          let v = memo.get(h, frame.codes);
          if (v === undefined) {
            const pending = kind.atHorizon!(viewer.fill(frame), ctx, chunk.measures[at]!);
            if (pending === undefined) continue;
            v = await pending;
            memo.set(h, frame.codes, v);
          }
          chunk.measures[at] = v;
        }
      }
    }
  }
}
