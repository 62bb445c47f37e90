/**
 * The simulation engine: one trajectory of tie and capability matrices under the mechanisms.
 *
 * State: W (n×n composite ties, symmetric, in [−1, 1]), its anchor W̄ and memory M; capabilities
 * c (n), their start c0 and memory. A step, in this order:
 *   1. the caller applies shocks due at this step (`shiftTie`, `setTie`, `scaleCapability`);
 *   2. signals are derived once (V, P, R, rival lists, X, g; step-state.ts);
 *   3. every enabled mechanism is evaluated on that same state (simultaneous update, so the
 *      listing order never matters) and writes its own ΔW and Δc;
 *   4. steady start (engine option `steadyStart`, on by default): each mechanism's contribution at
 *      the start state is subtracted, so the observed world is read as an equilibrium of the
 *      dynamics and only departures from it move anything (the calibration Richardson used for
 *      grievances, applied to every mechanism). Off, the mechanisms act on the start as it is:
 *      unbalanced triads resolve, which is balance theory's core prediction, and a world with no
 *      shocks drifts to the mechanisms' own fixed point;
 *   5. memories move toward the current state (rate 1 − e^(−dt/memory));
 *      a dyad with no tie at the start is unknown, not neutral: with `unknownStays` (the default)
 *      no contribution and no noise moves it until a shock gives it a value;
 *   6. W ← clip(W + Σ_m ΔW_m + ε, −1, 1), c ← max(floor, c + Σ_m Δc_m), with ε the caller's noise;
 *      the anchor W̄ moves by the contributions of lasting mechanisms (deliberate reactions: bait
 *      and bite, hedging, security dilemma), so inertia pulls back only what pressures and noise
 *      did.
 *
 * Per-dimension layers are not simulated separately: every layer of a dyad moves by the composite
 * change (see summary.ts), a documented simplification that keeps a step O(n³/2) for the one
 * matrix product of structural balance plus sparse work for the rest.
 *
 * All buffers are allocated once in the constructor; `evaluate` and `commit` allocate nothing.
 */
import type { EngineParams } from './engine-params.js';
import { type Contribution, type Mechanism, type Params, pairIndex } from './mechanisms/types.js';
import { allocateStepState, deriveSignals, type MutableStepState } from './step-state.js';

/** Packed indices of the pairs (i < j) with no tie at the start. */
function unknownPairs(n: number, observed: Uint8Array): Int32Array {
  const out: number[] = [];
  let p = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, p++) if (!observed[i * n + j]) out.push(p);
  return Int32Array.from(out);
}

/** into[p] = Σ over the listed rows (offsets into `all`, in list order) of all[row + p]. */
function sumRows(all: Float64Array, rows: Int32Array, into: Float64Array): void {
  into.fill(0);
  for (let e = 0; e < rows.length; e++) {
    const base = rows[e]!;
    for (let p = 0; p < into.length; p++) into[p]! += all[base + p]!;
  }
}

/**
 * `sumRows` for a scenario (a) and its twin (b) at once, also adding a − b per listed row into the
 * same rows of `attribution`.
 */
function sumPaired(
  a: Float64Array,
  b: Float64Array,
  rows: Int32Array,
  intoA: Float64Array,
  intoB: Float64Array,
  attribution: Float64Array,
): void {
  intoA.fill(0);
  intoB.fill(0);
  for (let e = 0; e < rows.length; e++) {
    const base = rows[e]!;
    for (let p = 0; p < intoA.length; p++) {
      const va = a[base + p]!;
      const vb = b[base + p]!;
      // Most mechanisms touch few pairs; adding zeros would change nothing.
      if (va === 0 && vb === 0) continue;
      intoA[p]! += va;
      intoB[p]! += vb;
      attribution[base + p]! += va - vb;
    }
  }
}

/** Capabilities never fall below this, so ratios and logarithms stay finite. */
export const CAPABILITY_FLOOR = 1e-9;

export class Engine {
  readonly n: number;
  readonly s: MutableStepState;
  readonly mechanisms: readonly Mechanism<Params>[];
  /**
   * This step's raw contribution of each mechanism. The steady-start offset is kept apart (it is
   * the same in a scenario and its twin, so attribution differences never need it); use
   * `netContribution` for one mechanism's net ΔW.
   */
  readonly outs: readonly Contribution[];
  /** Start contributions per mechanism; shareable between a scenario and its twin. */
  offsets: { dW: Float64Array; dC: Float64Array }[];
  /** Whether each mechanism is lasting (its contribution also moves the anchor). */
  private readonly lasting: Uint8Array;
  private readonly memory: Float64Array;
  private readonly capabilityMemory: Float64Array;
  /** Every mechanism's dW and dC, mechanism-major (outs[m].dW, outs[m].dC are views of them). */
  private readonly dWAll: Float64Array;
  private readonly dCAll: Float64Array;
  /** Capability offsets summed over mechanisms, in mechanism order. */
  private readonly offsetC: Float64Array;
  /** Rows (offsets into the mechanism-major buffer) of the non-lasting and of the lasting mechanisms. */
  private readonly pressureRows: Int32Array;
  private readonly lastingRows: Int32Array;
  /** Offsets summed over the non-lasting and over the lasting mechanisms, in mechanism order. */
  private readonly offsetSum: Float64Array;
  private readonly offsetKept: Float64Array;
  /** Per-pair sums of the non-lasting and of the lasting contributions (scratch of the commits). */
  private readonly pairSum: Float64Array;
  private readonly pairKept: Float64Array;
  private params: Params[] = [];
  /** 1 for mechanisms switched off during this trajectory. */
  private readonly disabled: Uint8Array;
  private engineParams: EngineParams | undefined;
  /** Per packed pair: 1 if the pair moves (tied at the start, shocked, or unknowns may move). */
  private readonly moving: Uint8Array;
  /** Packed pairs with no tie at the start, which stay where they are while `moving` says 0. */
  private readonly unknown: Int32Array;

  /** `observed`: the n×n mask of dyads tied at the start, which says who bears on each pair. */
  constructor(
    n: number,
    dt: number,
    prox: Float64Array,
    observed: Uint8Array,
    mechanisms: readonly Mechanism<Params>[],
  ) {
    const nn = n * n;
    this.n = n;
    this.mechanisms = mechanisms;
    this.s = allocateStepState(n, dt, prox, observed);
    const work = new Float64Array(2 * nn + 4 * n);
    const P = (n * (n - 1)) / 2;
    this.dWAll = new Float64Array(mechanisms.length * P);
    this.dCAll = new Float64Array(mechanisms.length * n);
    this.offsetC = new Float64Array(n);
    this.outs = mechanisms.map((_, m) => ({
      dW: this.dWAll.subarray(m * P, (m + 1) * P),
      dC: this.dCAll.subarray(m * n, (m + 1) * n),
      work,
    }));
    const rows = (lasting: boolean) =>
      Int32Array.from(mechanisms.flatMap((m, k) => (m.lasting === lasting ? [k * P] : [])));
    this.pressureRows = rows(false);
    this.lastingRows = rows(true);
    this.offsets = mechanisms.map(() => ({
      dW: new Float64Array((n * (n - 1)) / 2),
      dC: new Float64Array(n),
    }));
    this.lasting = Uint8Array.from(mechanisms, (m) => (m.lasting ? 1 : 0));
    this.disabled = new Uint8Array(mechanisms.length);
    this.memory = new Float64Array(nn);
    this.capabilityMemory = new Float64Array(n);
    this.offsetSum = new Float64Array(P);
    this.offsetKept = new Float64Array(P);
    this.moving = new Uint8Array(P);
    this.unknown = unknownPairs(n, observed);
    this.pairSum = new Float64Array(P);
    this.pairKept = new Float64Array(P);
  }

  /**
   * Starts a trajectory from ties W0 and capabilities c0 with the given parameters (one entry per
   * mechanism, in order). With `computeOffsets` the steady-start offsets are computed here;
   * otherwise the current (possibly shared) offsets are kept.
   */
  reset(
    W0: Float64Array,
    c0: Float64Array,
    params: readonly Params[],
    engineParams: EngineParams,
    computeOffsets = true,
  ): void {
    const { s } = this;
    s.W.set(W0);
    s.anchor.set(W0);
    this.memory.set(W0);
    s.c.set(c0);
    s.c0.set(c0);
    this.capabilityMemory.set(c0);
    this.params = [...params];
    this.disabled.fill(0);
    this.engineParams = engineParams;
    s.memory = engineParams.memory;
    s.attention = engineParams.attention;
    s.cooling = engineParams.cooling;
    this.moving.fill(1);
    if (engineParams.unknownStays) for (const p of this.unknown) this.moving[p] = 0;
    if (computeOffsets && engineParams.steadyStart) {
      this.evaluate();
      this.outs.forEach((out, m) => {
        this.offsets[m]!.dW.set(out.dW);
        this.offsets[m]!.dC.set(out.dC);
      });
    } else if (computeOffsets) {
      for (const o of this.offsets) {
        o.dW.fill(0);
        o.dC.fill(0);
      }
    }
    this.sumOffsets();
  }

  /**
   * Sets what the actors remember after `reset`: ties W1 and capabilities c1 one step before the
   * start (callers fill W1 with the start's values where nothing is known before), so the first
   * step sees the start's recent change as news. The steady-start offsets stay those of a start
   * without news: only what changed is news, not the level.
   */
  recall(W1: Float64Array, c1: Float64Array): void {
    this.memory.set(W1);
    this.capabilityMemory.set(c1);
  }

  /** Sums the start offsets of the mechanisms that act, in mechanism order. */
  private sumOffsets(): void {
    this.offsetSum.fill(0);
    this.offsetKept.fill(0);
    this.offsetC.fill(0);
    this.offsets.forEach((o, m) => {
      if (this.disabled[m]) return;
      for (let i = 0; i < o.dC.length; i++) this.offsetC[i]! += o.dC[i]!;
      // Summed in the same order as commit sums contributions, so an unmoved state nets to 0 exactly.
      const into = this.lasting[m] ? this.offsetKept : this.offsetSum;
      for (let p = 0; p < into.length; p++) into[p]! += o.dW[p]!;
    });
  }

  /** Parameters of mechanism m in this trajectory. */
  paramsOf(m: number): Params {
    return this.params[m]!;
  }

  /** Whether mechanism m acts (it may be switched off during a trajectory). */
  acts(m: number): boolean {
    return this.disabled[m] === 0;
  }

  /**
   * Changes mechanism m from now on: new values for some parameters, or a switch. A switched-off
   * mechanism contributes nothing net of its start offset (the departures it would cause stop; the
   * world it held in place at the start stays where it was), so its offset leaves the sums too.
   */
  switchMechanism(m: number, change: { params?: Params; enabled?: boolean }): void {
    if (change.params) this.params[m] = { ...this.params[m]!, ...change.params };
    if (change.enabled !== undefined && change.enabled === (this.disabled[m] === 1)) {
      this.disabled[m] = change.enabled ? 0 : 1;
      this.sumOffsets();
    }
  }

  /** Net ΔW of mechanism m on pair p (packed index, see `pairIndex`) in the last evaluated step. */
  netContribution(m: number, p: number): number {
    return this.disabled[m] ? 0 : this.outs[m]!.dW[p]! - this.offsets[m]!.dW[p]!;
  }

  /** Adds `delta` to the tie (i, j), clipped; `persist` also moves its long-run level. */
  shiftTie(i: number, j: number, delta: number, persist: boolean): void {
    this.setTie(i, j, this.s.W[i * this.n + j]! + delta, persist);
  }

  /** Sets the tie (i, j) to `value`, clipped; `persist` also moves its long-run level. */
  setTie(i: number, j: number, value: number, persist: boolean): void {
    const v = Math.max(-1, Math.min(1, value));
    const { n, s } = this;
    // A shock gives the dyad a value: from now on it is known and moves like any other.
    this.moving[i < j ? pairIndex(n, i, j) : pairIndex(n, j, i)] = 1;
    s.W[i * n + j] = v;
    s.W[j * n + i] = v;
    if (persist) {
      s.anchor[i * n + j] = v;
      s.anchor[j * n + i] = v;
    }
  }

  /** Multiplies capability i by `factor` (an impulse: memories keep the old level). */
  scaleCapability(i: number, factor: number): void {
    this.s.c[i] = Math.max(CAPABILITY_FLOOR, this.s.c[i]! * factor);
  }

  /** Steps 2–3: derives the signals and every mechanism's raw contribution. */
  evaluate(): void {
    const { s, outs } = this;
    deriveSignals(s, this.memory, this.capabilityMemory, this.engineParams!.neutralBand);
    this.dWAll.fill(0);
    this.dCAll.fill(0);
    for (let m = 0; m < outs.length; m++)
      if (!this.disabled[m]) this.mechanisms[m]!.apply(s, this.params[m]!, outs[m]!);
    this.holdUnknown();
  }

  /** Takes every contribution off the dyads that stay unknown, so attribution sees none either. */
  private holdUnknown(): void {
    const { moving, unknown, outs } = this;
    for (let e = 0; e < unknown.length; e++) {
      const p = unknown[e]!;
      if (moving[p]) continue;
      for (let m = 0; m < outs.length; m++) outs[m]!.dW[p] = 0;
    }
  }

  /**
   * Steps 4–6: subtracts the steady-start offsets (summed in mechanism order, so an unmoved state
   * nets to exactly zero), moves the memories, then applies the summed contributions and `noise`
   * (n×n, symmetric, or null). Works on the upper triangle and mirrors.
   */
  commit(noise: Float64Array | null): void {
    const { dWAll, pressureRows, lastingRows, pairSum, pairKept } = this;
    sumRows(dWAll, pressureRows, pairSum);
    sumRows(dWAll, lastingRows, pairKept);
    const alpha = this.alpha();
    this.updateAll(pairSum, pairKept, noise, alpha);
    this.commitCapabilities(alpha);
  }

  /**
   * Commits this engine (a scenario) and its `twin` in one pass over the same mechanisms, adding
   * each mechanism's scenario − twin ΔW per pair into `attribution` (mechanism-major, packed pairs;
   * the offsets are equal in both and cancel). Both get the same `noise`.
   */
  commitPaired(twin: Engine, noise: Float64Array | null, attribution: Float64Array): void {
    const { pressureRows, lastingRows } = this;
    // Mechanism-major passes over contiguous rows; each pair still sums its mechanisms in order.
    sumPaired(this.dWAll, twin.dWAll, pressureRows, this.pairSum, twin.pairSum, attribution);
    sumPaired(this.dWAll, twin.dWAll, lastingRows, this.pairKept, twin.pairKept, attribution);
    // Attribution sums raw contributions, whose offsets cancel between the two engines; a
    // mechanism switched off in one of them has no offset there, so its offset is added back.
    this.addOffsetsOfSwitchedOff(attribution, 1);
    twin.addOffsetsOfSwitchedOff(attribution, -1);
    const alpha = this.alpha();
    const alphaTwin = twin.alpha();
    this.updateAll(this.pairSum, this.pairKept, noise, alpha);
    twin.updateAll(twin.pairSum, twin.pairKept, noise, alphaTwin);
    this.commitCapabilities(alpha);
    twin.commitCapabilities(alphaTwin);
  }

  private addOffsetsOfSwitchedOff(attribution: Float64Array, sign: number): void {
    for (let m = 0; m < this.disabled.length; m++) {
      if (!this.disabled[m]) continue;
      const offset = this.offsets[m]!.dW;
      const base = m * offset.length;
      for (let p = 0; p < offset.length; p++) attribution[base + p]! += sign * offset[p]!;
    }
  }

  private alpha(): number {
    return 1 - Math.exp(-this.s.dt / this.engineParams!.memory);
  }

  /** Applies the summed raw contributions d (pressures) and k (lasting reactions) to every pair. */
  private updateAll(d: Float64Array, k: Float64Array, noise: Float64Array | null, alpha: number): void {
    const { n, W, anchor } = this.s;
    const { memory, offsetKept, offsetSum, moving } = this;
    let p = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, p++) {
        // An unknown dyad has no contribution (holdUnknown) and takes no noise either.
        if (!moving[p]) continue;
        const x = i * n + j;
        const y = j * n + i;
        const w = W[x]!;
        const kept = k[p]! - offsetKept[p]!;
        if (kept !== 0) {
          const a = anchor[x]! + kept;
          anchor[x] = a;
          anchor[y] = a;
        }
        // Only the upper triangle of the memory is read (deriveSignals), so it is not mirrored.
        memory[x]! += alpha * (w - memory[x]!);
        const v = w + (d[p]! - offsetSum[p]!) + kept + (noise === null ? 0 : noise[x]!);
        const clipped = v > 1 ? 1 : Math.max(v, -1);
        W[x] = clipped;
        W[y] = clipped;
      }
    }
  }

  private commitCapabilities(alpha: number): void {
    const { dCAll, offsetC, capabilityMemory } = this;
    const { n, c } = this.s;
    const M = this.outs.length;
    for (let i = 0; i < n; i++) {
      capabilityMemory[i]! += alpha * (c[i]! - capabilityMemory[i]!);
      let d = 0;
      for (let m = 0; m < M; m++) d += dCAll[m * n + i]!;
      c[i] = Math.max(c[i]! + (d - offsetC[i]!), CAPABILITY_FLOOR);
    }
  }
}
