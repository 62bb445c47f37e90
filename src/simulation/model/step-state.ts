/**
 * The state a step hands to every mechanism, with the signals derived from it once per step so
 * that no mechanism recomputes them. All matrices are flat row-major n×n Float64Arrays.
 *
 * Signals (the reference dynamics of docs/design.md, with the refinements listed there):
 * - P = partner part, R = rival part of W, outside a neutral band θ:
 *   P = max(0, W − θ)/(1 − θ), R = max(0, −W − θ)/(1 − θ). Noise-level ties (|W| ≤ θ) count as
 *   neither partnership nor rivalry, which also keeps R sparse.
 * - V = W − M, the recent change of a tie: M is an exponential memory of W with time constant τ
 *   ("what actors are used to"). V is the reference velocity when τ is one step; a longer memory
 *   makes a reaction last while the change is fresh and makes results independent of step length.
 * - X_ij = f · Σ_k R_ik news(V_kj): how much j has recently moved toward i's rivals (bait and bite,
 *   hedging), with news(v) = v − a for a warming beyond the attention threshold a, κ·(v + a) for a
 *   cooling beyond it, 0 within it. A cooling is news as much as a warming (κ = 1, the default):
 *   the reactions follow how close j stands to i's rivals, so a partner that drifts back from
 *   them lowers what i bids for it, and a world shocked by −x moves as one shocked by +x, mirrored
 *   (with κ = 0 only warming counts, the reference dynamics' trigger V_jk > 0). Change within a
 *   (the size of ordinary fluctuations) goes unnoticed, so noise does not ratchet lasting
 *   reactions in a world without shocks. f = (1 − e^(−dt/τ))/(dt/τ) is the mean of a change
 *   fading with the memory over one step (0.96 for a month, 0.63 for a year with τ = 1), so
 *   monthly and yearly steps react alike to the same shock.
 * - g_i = (c_i − m_i)/m_i, recent relative capability growth against a capability memory m.
 */

import { thirdPartyShares } from './third-parties.js';

export interface StepState {
  readonly n: number;
  /** Step length in years (1/12 for monthly steps). */
  readonly dt: number;
  /**
   * Memory time constant τ (years). Reactions to recent change run at rate elasticity/τ, so the
   * total reaction to a lasting change is the elasticity whatever τ is.
   */
  readonly memory: number;
  /** Recent change within ±this goes unnoticed (see X above). */
  readonly attention: number;
  /** κ: how much a cooling beyond the attention threshold counts against a warming (see X above). */
  readonly cooling: number;
  readonly W: Float64Array;
  /** Long-run level each tie relaxes to (the start, moved by persistent shocks). */
  readonly anchor: Float64Array;
  readonly V: Float64Array;
  readonly P: Float64Array;
  readonly R: Float64Array;
  readonly X: Float64Array;
  /** Rivals of each actor, CSR: rivals of i are rivalIndex[rivalStart[i] … rivalStart[i+1]). */
  readonly rivalStart: Int32Array;
  readonly rivalIndex: Int32Array;
  /** Notable recent changes (|V| > attention), CSR like the rivals: usually very few. */
  readonly newsStart: Int32Array;
  readonly newsIndex: Int32Array;
  readonly c: Float64Array;
  /** Capabilities at the start. */
  readonly c0: Float64Array;
  readonly g: Float64Array;
  /** Proximity in [0, 1] (1 = same place), symmetric, zero diagonal. */
  readonly prox: Float64Array;
  /** n×n, 1 where the dyad has a tie at the start: a dyad without one is unknown, not neutral. */
  readonly linked: Uint8Array;
  /** Per packed pair: 1 / the third actors tied to either side at the start (third-parties.ts). */
  readonly thirdShare: Float64Array;
}

/** A step state whose buffers the engine owns and refills every step. */
export interface MutableStepState extends StepState {
  dt: number;
  memory: number;
  attention: number;
  cooling: number;
}

/** Allocates the buffers of a step state for n actors. */
export function allocateStepState(
  n: number,
  dt: number,
  prox: Float64Array,
  linked: Uint8Array,
): MutableStepState {
  const nn = n * n;
  return {
    n,
    dt,
    memory: 1,
    attention: 0,
    cooling: 1,
    W: new Float64Array(nn),
    anchor: new Float64Array(nn),
    V: new Float64Array(nn),
    P: new Float64Array(nn),
    R: new Float64Array(nn),
    X: new Float64Array(nn),
    rivalStart: new Int32Array(n + 1),
    rivalIndex: new Int32Array(nn),
    newsStart: new Int32Array(n + 1),
    newsIndex: new Int32Array(nn),
    c: new Float64Array(n),
    c0: new Float64Array(n),
    g: new Float64Array(n),
    prox,
    linked,
    thirdShare: thirdPartyShares(n, linked),
  };
}

/**
 * Recomputes V, P, R, the rival lists, X and g from W, c and the memories (of the tie memory only
 * the upper triangle is read). Allocation-free.
 *
 * @example
 * deriveSignals(state, memory, capabilityMemory, 0.05);
 */
export function deriveSignals(
  s: StepState,
  memory: Float64Array,
  capabilityMemory: Float64Array,
  neutralBand: number,
): void {
  const { n, W, V, P, R, X, rivalStart, rivalIndex, newsStart, newsIndex, c, g } = s;
  const { attention, cooling } = s;
  const scale = 1 / (1 - neutralBand);
  // V, P and R on the upper triangle, mirrored (W and the memory are symmetric).
  for (let i = 0; i < n; i++) {
    const row = i * n;
    V[row + i] = 0;
    P[row + i] = 0;
    R[row + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const x = row + j;
      const y = j * n + i;
      const w = W[x]!;
      const v = w - memory[x]!;
      V[x] = v;
      V[y] = v;
      const p = w > neutralBand ? (w - neutralBand) * scale : 0;
      P[x] = p;
      P[y] = p;
      const q = -w > neutralBand ? (-w - neutralBand) * scale : 0;
      R[x] = q;
      R[y] = q;
    }
  }
  let r = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    rivalStart[i] = r;
    newsStart[i] = h;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (R[row + j]! > 0) rivalIndex[r++] = j;
      const v = V[row + j]!;
      if (v > attention || -v > attention) newsIndex[h++] = j;
    }
  }
  rivalStart[n] = r;
  newsStart[n] = h;
  // X = R · news(V), through the sparse lists of rivals and of notable changes,
  // as its mean over the step: a fresh change fades with the memory within the step, so a
  // reaction rate applied to V at the step's start would count a year's step as a year of the
  // undiminished change, and yearly steps would react more than monthly ones to the same shock.
  const within = meanOverStep(s);
  X.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let e = rivalStart[i]!; e < rivalStart[i + 1]!; e++) {
      const k = rivalIndex[e]!;
      const rik = R[row + k]!;
      const vrow = k * n;
      for (let f = newsStart[k]!; f < newsStart[k + 1]!; f++) {
        const j = newsIndex[f]!;
        X[row + j]! += within * rik * news(V[vrow + j]!, attention, cooling);
      }
    }
    X[row + i] = 0;
  }
  for (let i = 0; i < n; i++) g[i] = (c[i]! - capabilityMemory[i]!) / capabilityMemory[i]!;
}

/**
 * How much a recent change v of a tie counts as news: its part beyond the attention threshold,
 * a cooling weighted by `cooling` (κ in the header).
 *
 * @example
 * news(0.3, 0.05, 1); // 0.25
 * news(-0.3, 0.05, 0.5); // -0.125
 */
export function news(v: number, attention: number, cooling: number): number {
  if (v > attention) return v - attention;
  return -v > attention ? cooling * (v + attention) : 0;
}

/**
 * The mean over one step of a change that fades with the tie memory, as a share of the change at
 * the step's start: (1 − e^(−dt/τ))/(dt/τ).
 *
 * @example
 * meanOverStep({ dt: 1, memory: 1 }); // 0.632…
 */
export function meanOverStep(s: Pick<StepState, 'dt' | 'memory'>): number {
  const fade = s.dt / s.memory;
  return fade > 0 ? (1 - Math.exp(-fade)) / fade : 1;
}

/** Plain inputs for a step state (defaults: memories equal the current state, no recent change). */
export interface StepStateInput {
  n: number;
  W: ArrayLike<number>;
  c: ArrayLike<number>;
  dt?: number;
  anchor?: ArrayLike<number>;
  memory?: ArrayLike<number>;
  c0?: ArrayLike<number>;
  capabilityMemory?: ArrayLike<number>;
  prox?: ArrayLike<number>;
  /** Which dyads have a tie at the start (n×n, non-zero: tied); default: the non-zero entries of W. */
  linked?: ArrayLike<number>;
  /** Memory time constant τ in years (default 1). */
  tau?: number;
  attention?: number;
  /** κ (default 1). */
  cooling?: number;
  neutralBand?: number;
}

/**
 * A derived step state from plain matrices, to look at one mechanism in isolation.
 *
 * @example
 * const s = stepStateFrom({ n: 2, W: [0, 0.5, 0.5, 0], c: [0.1, 0.2] });
 * const out = allocateContribution(2);
 * inertia.apply(s, inertia.defaults, out); // out.dW[0]: the change of the one pair
 */
export function stepStateFrom(input: StepStateInput): StepState {
  const { n } = input;
  const prox = Float64Array.from(
    input.prox ?? Array.from({ length: n * n }, (_, x) => (x % (n + 1) === 0 ? 0 : 0.5)),
  );
  const linked = Uint8Array.from(input.linked ?? input.W, (w) => (w !== 0 ? 1 : 0));
  const s = allocateStepState(n, input.dt ?? 1 / 12, prox, linked);
  s.memory = input.tau ?? 1;
  s.attention = input.attention ?? 0;
  s.cooling = input.cooling ?? 1;
  s.W.set(Float64Array.from(input.W));
  s.anchor.set(Float64Array.from(input.anchor ?? input.W));
  s.c.set(Float64Array.from(input.c));
  s.c0.set(Float64Array.from(input.c0 ?? input.c));
  deriveSignals(
    s,
    Float64Array.from(input.memory ?? input.W),
    Float64Array.from(input.capabilityMemory ?? input.c),
    input.neutralBand ?? 0.05,
  );
  return s;
}
