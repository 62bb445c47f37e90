/**
 * Walk-based balance (Estrada & Benzi 2014, "Walk-based measure of balance in signed networks:
 * detecting lack of balance in social networks", Phys. Rev. E 90(4)): the ratio of signed to
 * unsigned closed walks of every length, weighted 1/k!,
 *   K = tr e^{βA} / tr e^{β|A|} ∈ (0, 1],
 * equal to 1 iff the graph is balanced. Traces come from the eigenvalues of the symmetric
 * matrices (`linalg/symmetric-eigen.ts`); both sums are shifted by the Perron root of |A|, which
 * bounds every |λ|, so that large graphs do not overflow.
 */
import { symmetricEigen } from '../linalg/symmetric-eigen.js';
import type { IndexedSignedGraph } from '../signed-graph.js';

export interface WalkBalanceOptions {
  /** Inverse temperature β: larger values weigh long walks more. */
  beta: number;
  /** Use the weights w (true) or only their signs ±1 (false). */
  weighted: boolean;
  /** `performance.now()` past which the computation stops with a LimitExceededError. */
  deadline: number;
}

export const WALK_BALANCE_DEFAULTS: Readonly<WalkBalanceOptions> = Object.freeze({
  beta: 1,
  weighted: false,
  deadline: Number.POSITIVE_INFINITY,
});

/** Dense row-major adjacency: w, sign(w) or |·| of it. */
export function denseAdjacency(g: IndexedSignedGraph, weighted: boolean, absolute = false): Float64Array {
  const a = new Float64Array(g.n * g.n);
  for (let e = 0; e < g.m; e++) {
    let w = weighted ? g.weight[e]! : Math.sign(g.weight[e]!);
    if (absolute) w = Math.abs(w);
    a[g.src[e]! * g.n + g.dst[e]!] = w;
    a[g.dst[e]! * g.n + g.src[e]!] = w;
  }
  return a;
}

/**
 * Walk-based balance index K of a signed graph (1 for a graph without edges).
 *
 * @example
 * // the all-negative triangle: K = (e^{-2} + 2e) / (e^{2} + 2e^{-1}) ≈ 0.7
 */
export function walkBalance(g: IndexedSignedGraph, options: Partial<WalkBalanceOptions> = {}): number {
  const { beta, weighted, deadline } = { ...WALK_BALANCE_DEFAULTS, ...options };
  if (g.m === 0) return 1;
  const signed = symmetricEigen(denseAdjacency(g, weighted), g.n, { deadline }).values;
  const unsigned = symmetricEigen(denseAdjacency(g, weighted, true), g.n, { deadline }).values;
  const top = unsigned[g.n - 1]!;
  let num = 0;
  let den = 0;
  for (let i = 0; i < g.n; i++) {
    num += Math.exp(beta * (signed[i]! - top));
    den += Math.exp(beta * (unsigned[i]! - top));
  }
  return Math.min(1, num / den);
}
