/**
 * The signed graph every balance measure works on: named nodes and undirected weighted edges
 * (w > 0 friendly, w < 0 hostile), plus an indexed form with compressed adjacency in typed arrays
 * so that the algorithms run on integers. Built from a world snapshot (`from-snapshot.ts`) or an
 * edge-list CSV (`edge-list-csv.ts`).
 */
import { InvalidInputError, NotFoundError } from '../domain/errors.js';

/** An undirected signed edge; `w` is never 0 (neutral ties are not edges). */
export interface SignedEdge {
  a: string;
  b: string;
  w: number;
}

/** Named nodes and undirected signed edges. Isolated nodes are allowed. */
export interface SignedGraph {
  nodes: string[];
  edges: SignedEdge[];
}

/**
 * A signed graph over node indices 0…n−1. Edge e joins `src[e] < dst[e]` with weight `weight[e]`;
 * the neighbours of node v are `adj[offsets[v] … offsets[v+1])`, reached through edge `adjEdge[·]`.
 */
export interface IndexedSignedGraph {
  readonly n: number;
  readonly m: number;
  readonly nodes: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly weight: Float64Array;
  readonly offsets: Int32Array;
  readonly adj: Int32Array;
  readonly adjEdge: Int32Array;
}

/** Where an edge is, for errors only (a string per edge would cost more than indexing it). */
const edgeField = (k: number) => `edges[${k}]`;

/**
 * Checks a signed graph (known endpoints, no self-loops, no repeated pair, finite non-zero
 * weights) and indexes it. Node order is kept; edges are stored with the smaller index first.
 *
 * @example
 * const g = indexGraph({ nodes: ['a', 'b', 'c'], edges: [{ a: 'a', b: 'b', w: 1 }, { a: 'b', b: 'c', w: -1 }] });
 * g.m; // 2
 */
export function indexGraph(graph: SignedGraph): IndexedSignedGraph {
  const index = new Map<string, number>();
  for (let i = 0; i < graph.nodes.length; i++) {
    const id = graph.nodes[i]!;
    if (index.has(id))
      throw new InvalidInputError({ field: `nodes[${i}]`, message: `node '${id}' is listed twice` });
    index.set(id, i);
  }
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const weight = new Float64Array(m);
  const seen = new Set<number>();
  for (let k = 0; k < m; k++) {
    const e = graph.edges[k]!;
    const i = index.get(e.a);
    const j = index.get(e.b);
    if (i === undefined || j === undefined) {
      const missing = i === undefined ? e.a : e.b;
      throw new InvalidInputError({
        field: edgeField(k),
        message: `unknown node '${missing}'`,
        hint: 'add it to nodes',
      });
    }
    if (i === j)
      throw new InvalidInputError({
        field: edgeField(k),
        message: `self-loop on '${e.a}'`,
        hint: 'drop the edge',
      });
    if (!Number.isFinite(e.w) || e.w === 0) {
      throw new InvalidInputError({
        field: edgeField(k),
        message: `weight ${e.w} is not a finite non-zero number`,
      });
    }
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const key = lo * n + hi;
    if (seen.has(key)) {
      throw new InvalidInputError({
        field: edgeField(k),
        message: `edge ${e.a}–${e.b} is listed twice`,
        hint: 'keep one',
      });
    }
    seen.add(key);
    src[k] = lo;
    dst[k] = hi;
    weight[k] = e.w;
  }
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[src[e]! + 1]!++;
    offsets[dst[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const u = src[e]!;
    const v = dst[e]!;
    adj[fill[u]!] = v;
    adjEdge[fill[u]!++] = e;
    adj[fill[v]!] = u;
    adjEdge[fill[v]!++] = e;
  }
  return { n, m, nodes: [...graph.nodes], index, src, dst, weight, offsets, adj, adjEdge };
}

/** Looks a node up by name; an unknown name throws `NotFoundError` listing some known nodes. */
export function nodeIndex(g: IndexedSignedGraph, id: string): number {
  const i = g.index.get(id);
  if (i === undefined) {
    const sample = g.nodes.slice(0, 12).join(', ');
    throw new NotFoundError(`'${id}' is not a node of this graph (known: ${sample}${g.n > 12 ? ', …' : ''})`);
  }
  return i;
}

/** Weight of the edge between two node indices, 0 when there is none (linear in the smaller degree). */
export function edgeWeight(g: IndexedSignedGraph, u: number, v: number): number {
  const [x, y] = g.offsets[u + 1]! - g.offsets[u]! <= g.offsets[v + 1]! - g.offsets[v]! ? [u, v] : [v, u];
  for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) if (g.adj[p] === y) return g.weight[g.adjEdge[p]!]!;
  return 0;
}

/** The induced subgraph on the given node names (in that order). */
export function inducedSubgraph(graph: SignedGraph, keep: readonly string[]): SignedGraph {
  const set = new Set(keep);
  return { nodes: [...keep], edges: graph.edges.filter((e) => set.has(e.a) && set.has(e.b)) };
}
