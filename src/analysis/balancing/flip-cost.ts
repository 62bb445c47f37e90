/**
 * Flip cost: the extra frustration the system would carry if an actor changed camp. Starting from
 * an optimal bipartition (`balance/frustration-exact.ts`), the actor is forced into the other
 * faction while each faction stays anchored by its best-connected other member (largest Σ|w| in
 * the actor's connected component), and the frustration index is solved again:
 *   flipCost(X) = L(X moved, anchors kept) − L.
 * 0 marks a swing state that either camp could hold at no cost to overall balance; a large value
 * marks an actor locked into its camp. Anchoring is needed because, unanchored, mirroring every
 * side would "move" X for free.
 */
import type { FrustrationOptions, FrustrationResult } from '../balance/frustration-exact.js';
import { frustrationIndex } from '../balance/frustration-exact.js';
import { type IndexedSignedGraph, nodeIndex } from '../signed-graph.js';

/** Nodes reachable from v (its connected component). */
function componentOf(g: IndexedSignedGraph, v: number): number[] {
  const seen = new Uint8Array(g.n);
  const stack = [v];
  seen[v] = 1;
  const out: number[] = [];
  while (stack.length > 0) {
    const x = stack.pop()!;
    out.push(x);
    for (let p = g.offsets[x]!; p < g.offsets[x + 1]!; p++) {
      const y = g.adj[p]!;
      if (!seen[y]) {
        seen[y] = 1;
        stack.push(y);
      }
    }
  }
  return out;
}

/**
 * Extra frustration if `actor` switches faction (0 = swing state).
 *
 * @example
 * const base = await frustrationIndex(g);
 * await flipCost(g, 'X', base); // e.g. 2
 */
export async function flipCost(
  g: IndexedSignedGraph,
  actor: string,
  base: FrustrationResult,
  options: Partial<FrustrationOptions> = {},
): Promise<number> {
  const x = nodeIndex(g, actor);
  const sideOf = new Map<string, 0 | 1>();
  base.partition.forEach((members, s) => {
    for (const id of members) sideOf.set(id, s as 0 | 1);
  });
  const strength = (v: number) => {
    let t = 0;
    for (let p = g.offsets[v]!; p < g.offsets[v + 1]!; p++) t += Math.abs(g.weight[g.adjEdge[p]!]!);
    return t;
  };
  const own = sideOf.get(actor)!;
  const fixed: Record<string, 0 | 1> = { [actor]: own === 0 ? 1 : 0 };
  for (const s of [0, 1] as const) {
    let anchor = -1;
    for (const v of componentOf(g, x)) {
      if (v === x || sideOf.get(g.nodes[v]!) !== s) continue;
      if (anchor < 0 || strength(v) > strength(anchor) || (strength(v) === strength(anchor) && v < anchor))
        anchor = v;
    }
    if (anchor >= 0) fixed[g.nodes[anchor]!] = s;
  }
  if (Object.keys(fixed).length === 1) return 0;
  const moved = await frustrationIndex(g, { ...options, fixed });
  return Math.max(0, moved.L - base.L);
}
