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

/**
 * Local search state: spins ±1, the signed field on each node, and the current cost. Its buffers
 * live as long as the module and are refilled for every graph and every start: the starts of a
 * small graph would otherwise spend more on allocation than on search (a simulation that follows
 * the frustration index solves thousands of 26-node graphs). Nothing a call returns points into them.
 */
class Search {
  g: CostGraph = {
    n: 0,
    u: new Int32Array(0),
    v: new Int32Array(0),
    sign: new Int8Array(0),
    cost: new Float64Array(0),
  };
  a: Adjacency = { start: new Int32Array(1), adj: new Int32Array(0), edge: new Int32Array(0) };
  /** cost × sign of the edge behind each adjacency slot (see `signedCosts`). */
  pull = new Float64Array(0);
  spin = new Int8Array(0);
  field = new Float64Array(0);
  readonly heap = new MinHeap(64);
  private queued = new Uint8Array(0);
  private queue = new Int32Array(0);
  private locked = new Uint8Array(0);
  private moves = new Int32Array(0);
  /** Spins of a start and of the best solution so far. */
  start = new Int8Array(0);
  best = new Int8Array(0);
  /** The spectral start's vectors. */
  degree = new Float64Array(0);
  x = new Float64Array(0);
  y = new Float64Array(0);
  diagonal = new Float64Array(0);
  cost = 0;

  /** Points the search at a graph, growing its buffers when the graph is larger than any before. */
  bind(g: CostGraph, a: Adjacency): this {
    this.g = g;
    this.a = a;
    if (this.pull.length < a.edge.length) this.pull = new Float64Array(a.edge.length);
    const { pull } = this;
    for (let p = 0; p < a.edge.length; p++) pull[p] = g.cost[a.edge[p]!]! * g.sign[a.edge[p]!]!;
    if (this.spin.length !== g.n) {
      const n = g.n;
      this.spin = new Int8Array(n);
      this.field = new Float64Array(n);
      this.queued = new Uint8Array(n);
      this.queue = new Int32Array(n);
      this.locked = new Uint8Array(n);
      this.moves = new Int32Array(n);
      this.start = new Int8Array(n);
      this.best = new Int8Array(n);
      this.degree = new Float64Array(n);
      this.x = new Float64Array(n);
      this.y = new Float64Array(n);
      this.diagonal = new Float64Array(n);
    }
    return this;
  }
  /** Starts again from these spins. */
  reset(start: Int8Array): this {
    const { g, spin, field } = this;
    spin.set(start);
    field.fill(0);
    this.cost = 0;
    for (let e = 0; e < g.u.length; e++) {
      const u = g.u[e]!;
      const v = g.v[e]!;
      const w = g.cost[e]! * g.sign[e]!;
      field[u]! += w * spin[v]!;
      field[v]! += w * spin[u]!;
      if (w * spin[u]! * spin[v]! < 0) this.cost += g.cost[e]!;
    }
    return this;
  }
  /** Cost change if v flips sides. */
  delta(v: number): number {
    return this.spin[v]! * this.field[v]!;
  }
  flip(v: number): void {
    this.cost += this.delta(v);
    const s = -this.spin[v]!;
    this.spin[v] = s;
    const { a, pull, field } = this;
    for (let p = a.start[v]!; p < a.start[v + 1]!; p++) field[a.adj[p]!]! += 2 * pull[p]! * s;
  }
  /** Flips improving nodes until none is left (a stack: each node is queued at most once). */
  descend(): void {
    const { a, g, queued, queue } = this;
    queued.fill(1);
    for (let i = 0; i < g.n; i++) queue[i] = i;
    let size = g.n;
    while (size > 0) {
      const v = queue[--size]!;
      queued[v] = 0;
      if (this.delta(v) >= -EPS) continue;
      this.flip(v);
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const u = a.adj[p]!;
        if (!queued[u]) {
          queued[u] = 1;
          queue[size++] = u;
        }
      }
    }
  }
  /** One Kernighan–Lin pass; returns true when it lowered the cost. */
  klPass(patience: number): boolean {
    const { a, g, heap, locked, moves } = this;
    heap.clear();
    for (let v = 0; v < g.n; v++) heap.push(this.delta(v), v);
    locked.fill(0);
    let length = 0;
    const startCost = this.cost;
    let best = startCost;
    let bestLen = 0;
    while (heap.size > 0 && length - bestLen < patience) {
      heap.pop();
      const v = heap.topItem;
      if (locked[v] || heap.topKey !== this.delta(v)) continue;
      this.flip(v);
      locked[v] = 1;
      moves[length++] = v;
      if (this.cost < best - EPS) {
        best = this.cost;
        bestLen = length;
      }
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const u = a.adj[p]!;
        if (!locked[u]) heap.push(this.delta(u), u);
      }
    }
    for (let k = length - 1; k >= bestLen; k--) this.flip(moves[k]!);
    return best < startCost - EPS;
  }
}

/** The one search of this thread (calls are synchronous and never nest). */
const SEARCH = new Search();

/**
 * Signs of an approximate eigenvector for the smallest eigenvalue of L = D − A (power method on
 * cI − L), written into the search's `start`.
 */
function spectralStart(search: Search, rng: Rng, iterations: number): Int8Array {
  const { g, a, pull, degree, diagonal, start: spin } = search;
  degree.fill(0);
  for (let e = 0; e < g.u.length; e++) {
    degree[g.u[e]!]! += g.cost[e]!;
    degree[g.v[e]!]! += g.cost[e]!;
  }
  let shift = 2;
  for (const d of degree) shift = Math.max(shift, 2 * d);
  // Plain loops rather than typed-array `from` with a callback or a destructuring swap: on a small
  // graph those dominate the whole search.
  let { x, y } = search;
  for (let v = 0; v < g.n; v++) x[v] = rng.next() - 0.5;
  for (let v = 0; v < g.n; v++) diagonal[v] = shift - degree[v]!;
  const { start, adj } = a;
  const n = g.n;
  for (let it = 0; it < iterations; it++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let ax = 0;
      const end = start[v + 1]!;
      for (let p = start[v]!; p < end; p++) ax += pull[p]! * x[adj[p]!]!;
      const yv = diagonal[v]! * x[v]! + ax;
      y[v] = yv;
      norm += yv * yv;
    }
    norm = Math.sqrt(norm) || 1;
    for (let v = 0; v < n; v++) y[v]! /= norm;
    const t = x;
    x = y;
    y = t;
  }
  for (let v = 0; v < g.n; v++) spin[v] = x[v]! >= 0 ? 1 : -1;
  return spin;
}

/**
 * Finds a low-frustration bipartition by multi-start local search. Deterministic for a given
 * generator state. A caller that has the graph's adjacency already (`adjacencyOf`) may pass it.
 *
 * @example
 * const { cost, side } = frustrationHeuristic(toCostGraph(g, false), createRng(1));
 */
export function frustrationHeuristic(
  g: CostGraph,
  rng: Rng,
  options: Partial<FrustrationHeuristicOptions> = {},
  adjacency: Adjacency = adjacencyOf(g),
): HeuristicResult {
  const opts = { ...FRUSTRATION_HEURISTIC_DEFAULTS, ...options };
  const deadline = performance.now() + opts.timeLimit * 1000;
  const search = SEARCH.bind(g, adjacency);
  const bestSpin = search.best.fill(1);
  let bestCost = Number.POSITIVE_INFINITY;
  let starts = 0;
  for (let r = 0; r < Math.max(1, opts.restarts); r++) {
    let start: Int8Array;
    if (r === 0) start = spectralStart(search, rng, opts.spectralIterations);
    else if (r % 3 === 1) {
      start = search.start;
      for (let v = 0; v < g.n; v++) start[v] = rng.next() < 0.5 ? 1 : -1;
    } else {
      start = search.start;
      start.set(bestSpin);
      const flips = Math.max(1, Math.round(opts.perturbation * g.n));
      for (let k = 0; k < flips; k++) {
        const v = randomInt(rng, g.n);
        start[v] = -start[v]! as 1 | -1;
      }
    }
    search.reset(start);
    // At the target (a lower bound) a Kernighan–Lin pass can only undo its own moves: skip it.
    do search.descend();
    while (search.cost > opts.target + EPS && search.klPass(opts.klPatience));
    starts++;
    if (search.cost < bestCost - EPS) {
      bestCost = search.cost;
      bestSpin.set(search.spin);
    }
    if (bestCost <= opts.target + EPS || performance.now() > deadline) break;
  }
  const side = new Uint8Array(g.n);
  for (let v = 0; v < g.n; v++) side[v] = bestSpin[v]! > 0 ? 0 : 1;
  return { side, cost: frustrationCost(g, side), starts };
}
