/**
 * The one interface every mechanism implements. A mechanism is a general rule of international
 * politics (it never names an actor): given the state of a step it writes its own contribution to
 * the change of ties ΔW (n×n, symmetric, zero diagonal) and, where it acts on power, of
 * capabilities Δc (n). Keeping contributions apart is what makes attribution possible.
 */
import type { Prior } from '../priors.js';
import type { StepState } from '../step-state.js';

/** Parameter values of one mechanism (rates per year, shares, switches). */
export type Params = Readonly<Record<string, number | boolean>>;

/** What a parameter means, its default, its valid range and its prior. */
export interface ParamSpec {
  readonly default: number | boolean;
  /** Valid range: scenario overrides outside it are rejected, prior draws are clamped to it. */
  readonly min?: number;
  readonly max?: number;
  /** Distribution each Monte Carlo run draws from; absent = fixed at the default (or override). */
  readonly prior?: Prior;
  readonly unit: string;
  readonly doc: string;
}

/**
 * Output buffers of one mechanism for one step; `dW` and `dC` arrive zeroed, add into them.
 * ΔW is symmetric, so `dW` holds only the upper triangle, packed: the pair (i, j), i < j, sits at
 * `pairIndex(n, i, j)`, i.e. pairs in row-major order (0,1), (0,2), …, (1,2), …
 */
export interface Contribution {
  /** n(n−1)/2 pairs. */
  readonly dW: Float64Array;
  /** n actors. */
  readonly dC: Float64Array;
  /** Scratch space of 2n² + 4n doubles; contents are undefined on entry. */
  readonly work: Float64Array;
}

/** Index of the pair (i, j), i < j, in a packed upper triangle of an n×n matrix. */
export function pairIndex(n: number, i: number, j: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Allocates output buffers for n actors. */
export function allocateContribution(n: number, work = new Float64Array(2 * n * n + 4 * n)): Contribution {
  return { dW: new Float64Array((n * (n - 1)) / 2), dC: new Float64Array(n), work };
}

export interface Mechanism<P extends Params = Params> {
  /** Identifier used in scenario files and outputs (camelCase). */
  readonly id: string;
  readonly title: string;
  /** The theory and literature the rule comes from. */
  readonly theory: string;
  readonly params: { readonly [K in keyof P]: ParamSpec };
  /**
   * Lasting reactions (deliberate policy: offers, diversification, distrust) also move the long-run
   * level of the ties they change, so inertia does not undo them; pressures (balance, threat,
   * inertia itself) act only while their cause lasts.
   */
  readonly lasting: boolean;
  /** Frozen default parameters. */
  readonly defaults: Readonly<P>;
  /** Priors of the parameters that Monte Carlo draws. */
  readonly priors: Readonly<Partial<Record<keyof P, Prior>>>;
  /** Writes this step's contribution (already scaled to the step length `s.dt`) into `out`. */
  apply(s: StepState, p: P, out: Contribution): void;
  /**
   * Splits this mechanism's ΔW of the pair (i, j) over the third actors it runs through:
   * `out[k]` receives the part due to actor k (out arrives zeroed). Absent for mechanisms that act
   * on a pair directly (inertia, security dilemma). `work` is scratch space as in `Contribution`.
   */
  via?(s: StepState, p: P, i: number, j: number, out: Float64Array, work: Float64Array): void;
}

type Body<P extends Params> = Omit<Mechanism<P>, 'defaults' | 'priors'>;

/** Builds a mechanism, deriving its frozen defaults and priors from the parameter specs. */
export function defineMechanism<P extends Params>(body: Body<P>): Mechanism<P> {
  const entries = Object.entries(body.params) as [keyof P & string, ParamSpec][];
  const defaults = Object.freeze(Object.fromEntries(entries.map(([k, s]) => [k, s.default]))) as Readonly<P>;
  const priors = Object.freeze(
    Object.fromEntries(entries.filter(([, s]) => s.prior).map(([k, s]) => [k, s.prior])),
  ) as Readonly<Partial<Record<keyof P, Prior>>>;
  return Object.freeze({ ...body, defaults, priors });
}
