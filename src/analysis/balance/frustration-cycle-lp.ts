/**
 * Lower bound on the frustration index from the odd-cycle linear relaxation: minimize Σ c_e f_e
 * over 0 ≤ f ≤ 1 subject to Σ_{e∈C} f_e ≥ 1 for every negative cycle C (a cycle whose sign product
 * is negative must keep a frustrated edge). Its value is the best fractional packing of negative
 * cycles (the dual of `frustration-lower-bound.ts`'s greedy packing) and it is exact on graphs
 * without a K5 minor (Barahona & Mahjoub 1986, "On the cut polytope", Math. Programming 36). The
 * exponentially many cycle constraints are generated on demand: after each LP solve a shortest
 * walk of odd parity through every node, with edge lengths f_e, is found by Dijkstra's algorithm
 * on the (node, parity) double cover; walks shorter than 1 are violated constraints (Barahona,
 * Jünger & Reinelt 1989, "Experiments in quadratic 0–1 programming", Math. Programming 44).
 */
import type { Highs, Model } from 'highs';
import { MinHeap } from '../min-heap.js';
import { loadHighs } from '../solvers/highs.js';
import { type Adjacency, adjacencyOf, type CostGraph, isFrustrated } from './cost-graph.js';

export interface CycleLpOptions {
  /** LP solves at most. */
  maxRounds: number;
  /** Stop once the (rounded up, for whole-number costs) bound reaches this value. */
  target: number;
  /** Whether costs are whole numbers, so the bound may be rounded up. */
  integral: boolean;
  /** Largest number of new cycle constraints per round. */
  cutsPerRound: number;
  /** Seconds for the whole loop; the last LP value is returned when it runs out. */
  timeLimit: number;
}

export const CYCLE_LP_DEFAULTS: Readonly<CycleLpOptions> = Object.freeze({
  maxRounds: 30,
  target: Number.POSITIVE_INFINITY,
  integral: false,
  cutsPerRound: 200,
  timeLimit: 60,
});

/** The bound, the cycle constraints (edge-id lists) of the last LP, and its edge values. */
export interface CycleLpBound {
  bound: number;
  cycles: number[][];
  rounds: number;
  f: Float64Array;
}

const TOL = 1e-6;

/**
 * Violated negative-cycle constraints for edge values f: odd closed walks shorter than 1 through
 * the given roots (every negative cycle passes through one endpoint of each edge a bipartition
 * leaves frustrated, so those endpoints are enough roots).
 */
export function separateNegativeCycles(
  g: CostGraph,
  a: Adjacency,
  f: ArrayLike<number>,
  roots: Iterable<number>,
  limit: number,
): number[][] {
  const states = 2 * g.n;
  const dist = new Float64Array(states);
  const prevEdge = new Int32Array(states);
  const prevState = new Int32Array(states);
  const heap = new MinHeap(2 * a.adj.length + 2);
  const found = new Map<string, { length: number; edges: number[] }>();
  for (const root of roots) {
    dist.fill(Number.POSITIVE_INFINITY);
    dist[2 * root] = 0;
    heap.clear();
    heap.push(0, 2 * root);
    const goal = 2 * root + 1;
    while (heap.size > 0) {
      heap.pop();
      const d = heap.topKey;
      const s = heap.topItem;
      if (d > dist[s]!) continue;
      if (s === goal || d >= 1 - TOL) break;
      const v = s >> 1;
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const e = a.edge[p]!;
        const t = 2 * a.adj[p]! + ((s & 1) ^ (g.sign[e]! < 0 ? 1 : 0));
        const nd = d + Math.max(0, f[e]!);
        if (nd < dist[t]! - 1e-12) {
          dist[t] = nd;
          prevEdge[t] = e;
          prevState[t] = s;
          heap.push(nd, t);
        }
      }
    }
    if (!(dist[goal]! < 1 - TOL)) continue;
    // Edges walked an odd number of times form an even subgraph of negative sign product.
    const odd = new Set<number>();
    for (let t = goal; t !== 2 * root; t = prevState[t]!) {
      const e = prevEdge[t]!;
      if (odd.has(e)) odd.delete(e);
      else odd.add(e);
    }
    const edges = [...odd].sort((x, y) => x - y);
    const key = edges.join(',');
    if (!found.has(key)) found.set(key, { length: dist[goal]!, edges });
  }
  return [...found.values()]
    .sort((x, y) => x.length - y.length)
    .slice(0, limit)
    .map((c) => c.edges);
}

/** Adds rows Σ_{e∈C} x_{offset+e} ≥ 1, one per cycle, to a model with `numCols` columns. */
export function addNegativeCycleRows(
  highs: Highs,
  model: Model,
  numCols: number,
  offset: number,
  cycles: readonly number[][],
): void {
  if (cycles.length === 0) return;
  const starts = new Int32Array(cycles.length + 1);
  const indices: number[] = [];
  cycles.forEach((c, k) => {
    for (const e of c) indices.push(offset + e);
    starts[k + 1] = indices.length;
  });
  model.addRows({
    lower: new Float64Array(cycles.length).fill(1),
    upper: new Float64Array(cycles.length).fill(highs.infinity),
    matrix: {
      format: 'csr',
      numRows: cycles.length,
      numCols,
      starts,
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    },
  });
}

/**
 * Solves the odd-cycle relaxation by cutting planes, starting from `seedCycles` (e.g. a greedy
 * packing), and returns its value as a lower bound. `side` is any bipartition (a good one keeps
 * the separation short): one endpoint of each edge it leaves frustrated roots the cycle search.
 *
 * @example
 * const { bound } = await negativeCycleLpBound(g, heuristic.side, [], { integral: true, target: heuristic.cost });
 */
export async function negativeCycleLpBound(
  g: CostGraph,
  side: Uint8Array,
  seedCycles: readonly number[][],
  options: Partial<CycleLpOptions> = {},
): Promise<CycleLpBound> {
  const opts = { ...CYCLE_LP_DEFAULTS, ...options };
  const adjacency = adjacencyOf(g);
  const roots = new Set<number>();
  for (let e = 0; e < g.u.length; e++) if (isFrustrated(g, e, side)) roots.add(g.u[e]!);
  const highs = await loadHighs();
  const m = g.u.length;
  const model = highs.createModel({
    numCols: m,
    numRows: 0,
    colCost: g.cost,
    colLower: new Float64Array(m),
    colUpper: new Float64Array(m).fill(1),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    matrix: {
      format: 'csr',
      numRows: 0,
      numCols: m,
      starts: new Int32Array(1),
      indices: new Int32Array(0),
      values: new Float64Array(0),
    },
  });
  const cycles: number[][] = [...seedCycles];
  let bound = 0;
  let rounds = 0;
  let f: Float64Array = new Float64Array(m);
  try {
    const deadline = performance.now() + opts.timeLimit * 1000;
    // Presolve off: each re-solve after new rows starts from the previous basis (dual simplex).
    model.options.set({ output_flag: false, time_limit: opts.timeLimit, presolve: 'off' });
    addNegativeCycleRows(highs, model, m, 0, cycles);
    while (rounds < opts.maxRounds) {
      model.run();
      rounds++;
      // Only a solved LP gives a valid bound; a timed-out one keeps the previous value.
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      bound = model.getObjectiveValue();
      f = model.getSolution().colValue;
      const rounded = opts.integral ? Math.ceil(bound - TOL) : bound;
      if (rounded >= opts.target - TOL || performance.now() > deadline) break;
      const cuts = separateNegativeCycles(g, adjacency, f, roots, opts.cutsPerRound);
      if (cuts.length === 0) break;
      addNegativeCycleRows(highs, model, m, 0, cuts);
      cycles.push(...cuts);
    }
  } finally {
    model.dispose();
  }
  return { bound: opts.integral ? Math.ceil(bound - TOL) : bound, cycles, rounds, f };
}
