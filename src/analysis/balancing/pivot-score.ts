/**
 * Pivot score: how much an actor sits at the apex of "romantic" triangles (Dittmer 1981), friends
 * with two actors hostile to each other. Each such triangle counts min(w(X,A), w(X,B)) · |w(A,B)|:
 * the triangle is as strong as the pivot's weaker friendship and the wings' enmity. On ±1 graphs
 * this is the number of triangles in which the actor is the pivot.
 */
import type { IndexedSignedGraph } from '../signed-graph.js';

/**
 * Pivot score of every node.
 *
 * @example
 * pivotScores(g).get('X'); // 2 when X is the pivot of two ±1 romantic triangles
 */
export function pivotScores(g: IndexedSignedGraph): Map<string, number> {
  const score = new Float64Array(g.n);
  const weightTo = new Float64Array(g.n);
  for (let x = 0; x < g.n; x++) {
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) weightTo[g.adj[p]!] = g.weight[g.adjEdge[p]!]!;
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) {
      const a = g.adj[p]!;
      if (weightTo[a]! <= 0) continue;
      for (let q = g.offsets[a]!; q < g.offsets[a + 1]!; q++) {
        const b = g.adj[q]!;
        const ab = g.weight[g.adjEdge[q]!]!;
        // Each wing pair is met from both wings; keep the one with the smaller index.
        if (b <= a || b === x || ab >= 0 || weightTo[b]! <= 0) continue;
        score[x]! += Math.min(weightTo[a]!, weightTo[b]!) * -ab;
      }
    }
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) weightTo[g.adj[p]!] = 0;
  }
  return new Map(g.nodes.map((id, v) => [id, score[v]!]));
}
