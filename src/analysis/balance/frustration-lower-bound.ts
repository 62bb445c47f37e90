/**
 * Lower bound on the frustration index by packing negative cycles. Every cycle whose sign product
 * is negative holds at least one frustrated edge in any bipartition, so a family of such cycles
 * with weights δ_C that never exceed an edge's cost (Σ_{C ∋ e} δ_C ≤ c_e) bounds the frustration
 * from below by Σ δ_C — the dual of the odd-cycle relaxation of the line index (Harary 1959, "On
 * the measurement of structural balance", Behavioral Science 4; Barahona & Mahjoub 1986, "On the
 * cut polytope", Math. Programming 36).
 *
 * Cycles are grown greedily around the edges a good bipartition leaves frustrated: for each such
 * edge (u, v), a breadth-first search over (node, parity) states finds a shortest u–v path with an
 * even number of frustrated edges among edges with capacity left, closing a negative cycle.
 */
import type { Rng } from '../../kernels/random.js';
import { adjacencyOf, type CostGraph, isFrustrated } from './cost-graph.js';

export interface CyclePackingOptions {
  /** Greedy rounds with different edge orders (the first in input order). */
  rounds: number;
  /** Stop once the bound reaches this value (e.g. the heuristic's cost). */
  target: number;
}

export const CYCLE_PACKING_DEFAULTS: Readonly<CyclePackingOptions> = Object.freeze({
  rounds: 4,
  target: Number.POSITIVE_INFINITY,
});

const EPS = 1e-9;

/** The bound found, and every negative cycle (edge-id list) met in any round. */
export interface CyclePackingBound {
  bound: number;
  cycles: number[][];
}

/**
 * Packs edge-capacitated negative cycles around the edges that `side` leaves frustrated.
 *
 * @example
 * // a single ++− triangle: one negative cycle, bound 1
 */
export function negativeCyclePacking(
  g: CostGraph,
  side: Uint8Array,
  rng: Rng,
  options: Partial<CyclePackingOptions> = {},
): CyclePackingBound {
  const opts = { ...CYCLE_PACKING_DEFAULTS, ...options };
  const a = adjacencyOf(g);
  const m = g.u.length;
  const parity = new Uint8Array(m);
  const seeds: number[] = [];
  for (let e = 0; e < m; e++) {
    if (isFrustrated(g, e, side)) {
      parity[e] = 1;
      seeds.push(e);
    }
  }
  // BFS state s = 2·node + parity; predecessor edge and state for path recovery.
  const prevEdge = new Int32Array(2 * g.n);
  const prevState = new Int32Array(2 * g.n);
  const seen = new Int32Array(2 * g.n).fill(-1);
  const queue = new Int32Array(2 * g.n);
  let stamp = 0;
  const findPath = (cap: Float64Array, skip: number, from: number, to: number): number[] | undefined => {
    stamp++;
    let head = 0;
    let tail = 0;
    queue[tail++] = 2 * from;
    seen[2 * from] = stamp;
    while (head < tail) {
      const s = queue[head++]!;
      const v = s >> 1;
      const par = s & 1;
      if (v === to && par === 0) {
        const path: number[] = [];
        for (let t = s; t !== 2 * from; t = prevState[t]!) path.push(prevEdge[t]!);
        return path;
      }
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const e = a.edge[p]!;
        if (e === skip || cap[e]! <= EPS) continue;
        const t = 2 * a.adj[p]! + (par ^ parity[e]!);
        if (seen[t] === stamp) continue;
        seen[t] = stamp;
        prevEdge[t] = e;
        prevState[t] = s;
        queue[tail++] = t;
      }
    }
    return undefined;
  };
  let best = 0;
  const met = new Map<string, number[]>();
  for (let round = 0; round < Math.max(1, opts.rounds) && best < opts.target - EPS; round++) {
    const order = seeds.slice();
    if (round > 0) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    const cap = g.cost.slice();
    let bound = 0;
    for (const e of order) {
      while (cap[e]! > EPS) {
        const path = findPath(cap, e, g.u[e]!, g.v[e]!);
        if (!path) break;
        // A walk may reuse an edge; its edge set still holds a negative cycle, so charge each edge once.
        const edges = [...new Set([e, ...path])];
        let delta = Number.POSITIVE_INFINITY;
        for (const f of edges) delta = Math.min(delta, cap[f]!);
        for (const f of edges) cap[f]! -= delta;
        bound += delta;
        edges.sort((x, y) => x - y);
        met.set(edges.join(','), edges);
      }
    }
    best = Math.max(best, bound);
  }
  return { bound: best, cycles: [...met.values()] };
}
