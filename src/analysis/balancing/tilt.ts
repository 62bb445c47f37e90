/**
 * Tilt of a balancer between two rivals: for an actor X with positive ties to both sides of a
 * hostile pair (A, B),
 *   tilt = (w(X,A) − w(X,B)) / (|w(X,A)| + |w(X,B)|) ∈ [−1, 1],
 * +1 leaning wholly to A, −1 wholly to B, 0 even-handed. This is the "balancing act" of an outside
 * power between rivals (Waltz 1979, Theory of International Politics, ch. 6, on the balancer;
 * the seeds' "balancing act … becoming unbalanced"), measured on the tie values.
 */
import type { IndexedSignedGraph } from '../signed-graph.js';

/** One rival pair an actor is tied to, and its tilt toward `a` (+) or `b` (−). */
export interface RivalTilt {
  a: string;
  b: string;
  tilt: number;
}

/**
 * The tilt formula on two tie values (0 when both are 0).
 *
 * @example
 * tiltBetween(0.8, 0.2); // 0.6
 */
export function tiltBetween(toA: number, toB: number): number {
  const scale = Math.abs(toA) + Math.abs(toB);
  return scale === 0 ? 0 : (toA - toB) / scale;
}

/**
 * For every actor, each rival pair (negative edge A–B) it has positive edges to on both sides, with
 * the tilt; pairs are ordered so that a < b. An actor hostile to either rival is not balancing
 * between them: it is on one side (or against both).
 *
 * @example
 * rivalTilts(g).get('X'); // [{ a: 'A', b: 'B', tilt: 0.33 }]
 */
export function rivalTilts(g: IndexedSignedGraph): Map<string, RivalTilt[]> {
  const out = new Map<string, RivalTilt[]>(g.nodes.map((id) => [id, []]));
  const weightTo = new Float64Array(g.n);
  for (let x = 0; x < g.n; x++) {
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) weightTo[g.adj[p]!] = g.weight[g.adjEdge[p]!]!;
    const list = out.get(g.nodes[x]!)!;
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) {
      const a = g.adj[p]!;
      for (let q = g.offsets[a]!; q < g.offsets[a + 1]!; q++) {
        const b = g.adj[q]!;
        if (b === x || weightTo[a]! <= 0 || weightTo[b]! <= 0 || g.weight[g.adjEdge[q]!]! >= 0) continue;
        const [ida, idb] = [g.nodes[a]!, g.nodes[b]!];
        if (ida > idb) continue;
        list.push({ a: ida, b: idb, tilt: tiltBetween(weightTo[a]!, weightTo[b]!) });
      }
    }
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) weightTo[g.adj[p]!] = 0;
    list.sort((s, t) => (s.a === t.a ? (s.b < t.b ? -1 : 1) : s.a < t.a ? -1 : 1));
  }
  return out;
}
