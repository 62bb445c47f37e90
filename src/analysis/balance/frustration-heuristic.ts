/**
 * Fast upper bound on the frustration index for graphs too large for the exact solver: a spectral
 * start (signs of the signed-Laplacian eigenvector of smallest eigenvalue, Kunegis et al. 2010,
 * "Spectral analysis of signed graphs for clustering, prediction and visualization", SDM), then
 * multi-start local search: greedy single-node flips followed by Kernighan–Lin passes (Kernighan &
 * Lin 1970, "An efficient heuristic procedure for partitioning graphs", Bell Syst. Tech. J. 49(2))
 * that accept worsening moves and keep the best prefix, restarted from random sides or from
 * perturbations of the best solution found (iterated local search).
 */

import { type Rng, randomInt } from '../../kernels/random.js';
import { MinHeap } from '../min-heap.js';
import { type Adjacency, adjacencyOf, type CostGraph, frustrationCost } from './cost-graph.js';

export interface FrustrationHeuristicOptions {
  /** Number of local-search starts (the first is spectral). */
  restarts: number;
  /** Share of nodes flipped when a start perturbs the best solution. */
  perturbation: number;
  /** Power iterations for the spectral start. */
  spectralIterations: number;
  /** Moves without a new best after which a Kernighan–Lin pass stops. */
  klPatience: number;
  /** Stop as soon as this cost is reached (e.g. a known lower bound). */
  target: number;
  /** Wall-clock budget in seconds. */
  timeLimit: number;
}

export const FRUSTRATION_HEURISTIC_DEFAULTS: Readonly<FrustrationHeuristicOptions> = Object.freeze({
  restarts: 24,
  perturbation: 0.08,
  spectralIterations: 40,
  klPatience: 60,
  target: 0,
  timeLimit: 30,
});

/** Sides (0/1 per node) and the cost of the edges they leave frustrated. */
export interface HeuristicResult {
  side: Uint8Array;
  cost: number;
  starts: number;
}

/** Tolerance below which a cost change counts as no change (weights are floating point). */
const EPS = 1e-9;

/** Local search state: spins ±1, the signed field on each node, and the current cost. */
class Search {
  readonly spin: Int8Array;
  readonly field: Float64Array;
  readonly heap: MinHeap;
  cost = 0;
  constructor(
    readonly g: CostGraph,
    readonly a: Adjacency,
    start: Int8Array,
  ) {
    this.spin = start.slice();
    this.field = new Float64Array(g.n);
    this.heap = new MinHeap(4 * g.n + 16);
    for (let e = 0; e < g.u.length; e++) {
      const u = g.u[e]!;
      const v = g.v[e]!;
      const w = g.cost[e]! * g.sign[e]!;
      this.field[u]! += w * this.spin[v]!;
      this.field[v]! += w * this.spin[u]!;
      if (w * this.spin[u]! * this.spin[v]! < 0) this.cost += g.cost[e]!;
    }
  }
  /** Cost change if v flips sides. */
  delta(v: number): number {
    return this.spin[v]! * this.field[v]!;
  }
  flip(v: number): void {
    this.cost += this.delta(v);
    const s = -this.spin[v]!;
    this.spin[v] = s;
    const { a, g } = this;
    for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
      const e = a.edge[p]!;
      this.field[a.adj[p]!]! += 2 * g.cost[e]! * g.sign[e]! * s;
    }
  }
  /** Flips improving nodes until none is left. */
  descend(): void {
    const { a, g } = this;
    const queued = new Uint8Array(g.n).fill(1);
    const queue: number[] = Array.from({ length: g.n }, (_, i) => i);
    while (queue.length > 0) {
      const v = queue.pop()!;
      queued[v] = 0;
      if (this.delta(v) >= -EPS) continue;
      this.flip(v);
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const u = a.adj[p]!;
        if (!queued[u]) {
          queued[u] = 1;
          queue.push(u);
        }
      }
    }
  }
  /** One Kernighan–Lin pass; returns true when it lowered the cost. */
  klPass(patience: number): boolean {
    const { a, g } = this;
    const heap = this.heap;
    heap.clear();
    for (let v = 0; v < g.n; v++) heap.push(this.delta(v), v);
    const locked = new Uint8Array(g.n);
    const moves: number[] = [];
    const startCost = this.cost;
    let best = startCost;
    let bestLen = 0;
    while (heap.size > 0 && moves.length - bestLen < patience) {
      heap.pop();
      const v = heap.topItem;
      if (locked[v] || heap.topKey !== this.delta(v)) continue;
      this.flip(v);
      locked[v] = 1;
      moves.push(v);
      if (this.cost < best - EPS) {
        best = this.cost;
        bestLen = moves.length;
      }
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const u = a.adj[p]!;
        if (!locked[u]) heap.push(this.delta(u), u);
      }
    }
    for (let k = moves.length - 1; k >= bestLen; k--) this.flip(moves[k]!);
    return best < startCost - EPS;
  }
}

/** Signs of an approximate eigenvector for the smallest eigenvalue of L = D − A (power method on cI − L). */
function spectralStart(g: CostGraph, a: Adjacency, rng: Rng, iterations: number): Int8Array {
  const degree = new Float64Array(g.n);
  for (let e = 0; e < g.u.length; e++) {
    degree[g.u[e]!]! += g.cost[e]!;
    degree[g.v[e]!]! += g.cost[e]!;
  }
  let shift = 2;
  for (const d of degree) shift = Math.max(shift, 2 * d);
  let x = Float64Array.from({ length: g.n }, () => rng.next() - 0.5);
  let y = new Float64Array(g.n);
  for (let it = 0; it < iterations; it++) {
    let norm = 0;
    for (let v = 0; v < g.n; v++) {
      let ax = 0;
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const e = a.edge[p]!;
        ax += g.cost[e]! * g.sign[e]! * x[a.adj[p]!]!;
      }
      const yv = (shift - degree[v]!) * x[v]! + ax;
      y[v] = yv;
      norm += yv * yv;
    }
    norm = Math.sqrt(norm) || 1;
    for (let v = 0; v < g.n; v++) y[v]! /= norm;
    [x, y] = [y, x];
  }
  return Int8Array.from(x, (value) => (value >= 0 ? 1 : -1));
}

/**
 * Finds a low-frustration bipartition by multi-start local search. Deterministic for a given
 * generator state.
 *
 * @example
 * const { cost, side } = frustrationHeuristic(toCostGraph(g, false), createRng(1));
 */
export function frustrationHeuristic(
  g: CostGraph,
  rng: Rng,
  options: Partial<FrustrationHeuristicOptions> = {},
): HeuristicResult {
  const opts = { ...FRUSTRATION_HEURISTIC_DEFAULTS, ...options };
  const a = adjacencyOf(g);
  const deadline = performance.now() + opts.timeLimit * 1000;
  let bestSpin = new Int8Array(g.n).fill(1);
  let bestCost = Number.POSITIVE_INFINITY;
  let starts = 0;
  for (let r = 0; r < Math.max(1, opts.restarts); r++) {
    let start: Int8Array;
    if (r === 0) start = spectralStart(g, a, rng, opts.spectralIterations);
    else if (r % 3 === 1) start = Int8Array.from({ length: g.n }, () => (rng.next() < 0.5 ? 1 : -1));
    else {
      start = bestSpin.slice();
      const flips = Math.max(1, Math.round(opts.perturbation * g.n));
      for (let k = 0; k < flips; k++) {
        const v = randomInt(rng, g.n);
        start[v] = -start[v]! as 1 | -1;
      }
    }
    const search = new Search(g, a, start);
    do search.descend();
    while (search.klPass(opts.klPatience));
    starts++;
    if (search.cost < bestCost - EPS) {
      bestCost = search.cost;
      bestSpin = search.spin.slice();
    }
    if (bestCost <= opts.target + EPS || performance.now() > deadline) break;
  }
  const side = Uint8Array.from(bestSpin, (s) => (s > 0 ? 0 : 1));
  return { side, cost: frustrationCost(g, side), starts };
}
