/**
 * The form the frustration algorithms work on: nodes 0…n−1 and undirected edges with a sign and a
 * positive cost (the price of leaving the edge frustrated: 1 for the classical line index, |w| for
 * the weighted one).
 */
import type { IndexedSignedGraph } from '../signed-graph.js';

export interface CostGraph {
  n: number;
  u: Int32Array;
  v: Int32Array;
  sign: Int8Array;
  cost: Float64Array;
}

/** Compressed adjacency of a cost graph: neighbours of v are `adj[start[v] … start[v+1])`. */
export interface Adjacency {
  start: Int32Array;
  adj: Int32Array;
  edge: Int32Array;
}

/** The cost graph of a signed graph: unit costs, or |w| when `weighted`. */
export function toCostGraph(g: IndexedSignedGraph, weighted: boolean): CostGraph {
  const sign = new Int8Array(g.m);
  const cost = new Float64Array(g.m);
  for (let e = 0; e < g.m; e++) {
    sign[e] = g.weight[e]! > 0 ? 1 : -1;
    cost[e] = weighted ? Math.abs(g.weight[e]!) : 1;
  }
  return { n: g.n, u: g.src.slice(), v: g.dst.slice(), sign, cost };
}

/** Builds the adjacency lists of a cost graph. */
export function adjacencyOf(g: CostGraph): Adjacency {
  const m = g.u.length;
  const start = new Int32Array(g.n + 1);
  for (let e = 0; e < m; e++) {
    start[g.u[e]! + 1]!++;
    start[g.v[e]! + 1]!++;
  }
  for (let i = 0; i < g.n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, g.n);
  const adj = new Int32Array(2 * m);
  const edge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = g.u[e]!;
    const b = g.v[e]!;
    adj[fill[a]!] = b;
    edge[fill[a]!++] = e;
    adj[fill[b]!] = a;
    edge[fill[b]!++] = e;
  }
  return { start, adj, edge };
}

/** Total cost of the edges a side assignment leaves frustrated (side[v] ∈ {0, 1}). */
export function frustrationCost(g: CostGraph, side: Uint8Array): number {
  let total = 0;
  for (let e = 0; e < g.u.length; e++) if (isFrustrated(g, e, side)) total += g.cost[e]!;
  return total;
}

/** A positive edge across the sides, or a negative edge within one side. */
export function isFrustrated(g: CostGraph, e: number, side: Uint8Array): boolean {
  const same = side[g.u[e]!] === side[g.v[e]!];
  return g.sign[e]! > 0 ? !same : same;
}

/** Total edge cost. */
export function totalCost(g: CostGraph): number {
  let t = 0;
  for (let e = 0; e < g.cost.length; e++) t += g.cost[e]!;
  return t;
}

/** True when every cost is a whole number, so frustration values are whole numbers too. */
export function hasIntegralCosts(g: CostGraph): boolean {
  for (let e = 0; e < g.cost.length; e++) if (!Number.isInteger(g.cost[e]!)) return false;
  return true;
}

/** Triangles of the graph whose sign product is negative, as triples of edge ids. */
export function unbalancedTriangles(g: CostGraph, a: Adjacency = adjacencyOf(g)): [number, number, number][] {
  const edgeTo = new Int32Array(g.n).fill(-1);
  const out: [number, number, number][] = [];
  for (let u = 0; u < g.n; u++) {
    for (let p = a.start[u]!; p < a.start[u + 1]!; p++) edgeTo[a.adj[p]!] = a.edge[p]!;
    for (let p = a.start[u]!; p < a.start[u + 1]!; p++) {
      const v = a.adj[p]!;
      if (v <= u) continue;
      for (let q = a.start[v]!; q < a.start[v + 1]!; q++) {
        const w = a.adj[q]!;
        const euw = edgeTo[w]!;
        if (w <= v || euw < 0) continue;
        const euv = a.edge[p]!;
        const evw = a.edge[q]!;
        if (g.sign[euv]! * g.sign[evw]! * g.sign[euw]! < 0) out.push([euv, evw, euw]);
      }
    }
    for (let p = a.start[u]!; p < a.start[u + 1]!; p++) edgeTo[a.adj[p]!] = -1;
  }
  return out;
}
