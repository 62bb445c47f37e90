/**
 * Lower bound on the frustration index from negative triangles. Every cycle whose sign product is
 * negative holds at least one frustrated edge in any bipartition (Harary 1959, "On the measurement
 * of structural balance", Behavioral Science 4), so triangles packed greedily under the edges'
 * costs (each takes the smallest capacity left on its edges) bound the index from below — the
 * triangle-only case of the cycle packing in `frustration-lower-bound.ts`, cheap enough to take
 * before every heuristic call so that its search may stop once the bound is reached.
 */
import { type Adjacency, adjacencyOf, type CostGraph, unbalancedTriangles } from './cost-graph.js';

/**
 * Packs negative triangles in the order `unbalancedTriangles` lists them; the bound never exceeds
 * the frustration index. A caller that has the graph's adjacency already may pass it.
 *
 * @example
 * // a single ++− triangle (unit costs): bound 1
 * negativeTrianglePacking({ n: 3, u: Int32Array.of(0, 1, 0), v: Int32Array.of(1, 2, 2),
 *   sign: Int8Array.of(1, 1, -1), cost: Float64Array.of(1, 1, 1) }); // 1
 */
export function negativeTrianglePacking(g: CostGraph, a: Adjacency = adjacencyOf(g)): number {
  const left = g.cost.slice();
  let bound = 0;
  for (const [x, y, z] of unbalancedTriangles(g, a)) {
    const d = Math.min(left[x]!, left[y]!, left[z]!);
    if (d <= 0) continue;
    left[x]! -= d;
    left[y]! -= d;
    left[z]! -= d;
    bound += d;
  }
  return bound;
}
