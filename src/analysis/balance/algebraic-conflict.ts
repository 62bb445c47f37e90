/**
 * Algebraic conflict: the smallest eigenvalue of the signed Laplacian L = D − A with
 * D = diag(Σ_j |w_ij|) (Kunegis et al. 2010, "Spectral analysis of signed graphs for clustering,
 * prediction and visualization", SDM; Hou, Li & Pan 2003, Linear Multilinear Algebra 51). L is
 * positive semidefinite; its least eigenvalue is 0 iff every connected component is balanced and
 * grows with how far the graph is from balance. Because one balanced component (an isolated node
 * will do) already gives 0 for the whole graph, the measure is taken on the largest connected
 * component, as Kunegis et al. do.
 */
import { symmetricEigen } from '../linalg/symmetric-eigen.js';
import { type IndexedSignedGraph, indexGraph } from '../signed-graph.js';
import { denseAdjacency } from './walk-balance.js';

export interface AlgebraicConflictOptions {
  /** Use the weights w (true) or only their signs ±1 (false). */
  weighted: boolean;
  /** `performance.now()` past which the computation stops with a LimitExceededError. */
  deadline: number;
}

export const ALGEBRAIC_CONFLICT_DEFAULTS: Readonly<AlgebraicConflictOptions> = Object.freeze({
  weighted: false,
  deadline: Number.POSITIVE_INFINITY,
});

/**
 * Smallest eigenvalue of the signed Laplacian (0 for a balanced graph).
 *
 * @example
 * // the all-negative triangle: L = I + J (J all ones), eigenvalues 1, 1, 4 → 1
 */
export function algebraicConflict(
  g: IndexedSignedGraph,
  options: Partial<AlgebraicConflictOptions> = {},
): number {
  const { weighted, deadline } = { ...ALGEBRAIC_CONFLICT_DEFAULTS, ...options };
  const core = largestComponent(g);
  if (core.n === 0) return 0;
  const lap = denseAdjacency(core, weighted);
  const n = core.n;
  for (let i = 0; i < n; i++) {
    let degree = 0;
    for (let j = 0; j < n; j++) {
      degree += Math.abs(lap[i * n + j]!);
      lap[i * n + j] = -lap[i * n + j]!;
    }
    lap[i * n + i] = degree;
  }
  // Rounding can leave −1e-16 for a balanced graph; the true value is never negative.
  return Math.max(0, symmetricEigen(lap, n, { deadline }).values[0]!);
}

/** The induced subgraph on the largest connected component (first found on ties). */
export function largestComponent(g: IndexedSignedGraph): IndexedSignedGraph {
  const label = new Int32Array(g.n).fill(-1);
  let best = -1;
  let bestSize = 0;
  for (let root = 0, c = 0; root < g.n; root++) {
    if (label[root] !== -1) continue;
    let size = 0;
    const stack = [root];
    label[root] = c;
    while (stack.length > 0) {
      const v = stack.pop()!;
      size++;
      for (let p = g.offsets[v]!; p < g.offsets[v + 1]!; p++) {
        if (label[g.adj[p]!] === -1) {
          label[g.adj[p]!] = c;
          stack.push(g.adj[p]!);
        }
      }
    }
    if (size > bestSize) [best, bestSize] = [c, size];
    c++;
  }
  const nodes = g.nodes.filter((_, v) => label[v] === best);
  const edges = [];
  for (let e = 0; e < g.m; e++) {
    if (label[g.src[e]!] === best)
      edges.push({ a: g.nodes[g.src[e]!]!, b: g.nodes[g.dst[e]!]!, w: g.weight[e]! });
  }
  return indexGraph({ nodes, edges });
}
