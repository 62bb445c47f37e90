/**
 * Structural balance test by signed two-colouring. By the structure theorem of Harary (1953, "On
 * the notion of balance of a signed graph", Michigan Math. J. 2), a signed graph is balanced iff
 * its nodes split into two camps with every positive edge inside a camp and every negative edge
 * across, iff no cycle has an odd number of negative edges. A breadth-first search assigns camps
 * and, on the first contradiction, returns such a cycle as the witness.
 */
import type { IndexedSignedGraph } from '../signed-graph.js';
import { adjacencyOf, type CostGraph, toCostGraph } from './cost-graph.js';

/** Either camps for every node (0/1) or a cycle (edge ids, in order) with an odd number of negative edges. */
export type TwoColouring =
  | { ok: true; side: Uint8Array }
  | { ok: false; cycleNodes: number[]; cycleEdges: number[] };

/**
 * Two-colours a cost graph by its signs, ignoring edges flagged in `skip`.
 *
 * @example
 * signedTwoColouring(costGraph).ok; // true when the graph is balanced
 */
export function signedTwoColouring(g: CostGraph, skip?: Uint8Array): TwoColouring {
  const a = adjacencyOf(g);
  const side = new Uint8Array(g.n);
  const seen = new Uint8Array(g.n);
  const parent = new Int32Array(g.n).fill(-1);
  const parentEdge = new Int32Array(g.n).fill(-1);
  const depth = new Int32Array(g.n);
  for (let root = 0; root < g.n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let p = a.start[v]!; p < a.start[v + 1]!; p++) {
        const e = a.edge[p]!;
        if (skip?.[e]) continue;
        const w = a.adj[p]!;
        const want = g.sign[e]! > 0 ? side[v]! : 1 - side[v]!;
        if (!seen[w]) {
          seen[w] = 1;
          side[w] = want;
          parent[w] = v;
          parentEdge[w] = e;
          depth[w] = depth[v]! + 1;
          queue.push(w);
        } else if (side[w] !== want) {
          return { ok: false, ...closeCycle(v, w, e, parent, parentEdge, depth) };
        }
      }
    }
  }
  return { ok: true, side };
}

/** The cycle formed by tree paths from v and w to their lowest common ancestor plus edge (v, w). */
function closeCycle(
  v: number,
  w: number,
  e: number,
  parent: Int32Array,
  parentEdge: Int32Array,
  depth: Int32Array,
) {
  const left: number[] = [v];
  const leftEdges: number[] = [];
  const right: number[] = [w];
  const rightEdges: number[] = [];
  let x = v;
  let y = w;
  while (x !== y) {
    if (depth[x]! >= depth[y]!) {
      leftEdges.push(parentEdge[x]!);
      x = parent[x]!;
      left.push(x);
    } else {
      rightEdges.push(parentEdge[y]!);
      y = parent[y]!;
      right.push(y);
    }
  }
  right.pop();
  // Order: common ancestor … v, then across (v, w), then w … back up to the ancestor.
  return {
    cycleNodes: [...left.reverse(), ...right],
    cycleEdges: [...leftEdges.reverse(), e, ...rightEdges],
  };
}

/** Result of `isBalanced`: the camps, or a cycle with an odd number of negative edges. */
export type BalanceCheck =
  | { balanced: true; partition: [string[], string[]] }
  | { balanced: false; cycle: string[]; negativeEdges: number };

/**
 * Whether a signed graph is structurally balanced, with the camps or an odd-cycle witness. The
 * witness lists the cycle's nodes in order; it closes from the last node back to the first.
 *
 * @example
 * isBalanced(indexGraph({ nodes: ['a', 'b', 'c'], edges: [
 *   { a: 'a', b: 'b', w: 1 }, { a: 'b', b: 'c', w: 1 }, { a: 'a', b: 'c', w: -1 }] }));
 * // { balanced: false, cycle: ['a', 'b', 'c'] (some rotation), negativeEdges: 1 }
 */
export function isBalanced(g: IndexedSignedGraph): BalanceCheck {
  const cg = toCostGraph(g, false);
  const result = signedTwoColouring(cg);
  if (result.ok) {
    const partition: [string[], string[]] = [[], []];
    g.nodes.forEach((id, v) => {
      partition[result.side[v]!]!.push(id);
    });
    return { balanced: true, partition };
  }
  const negativeEdges = result.cycleEdges.filter((e) => cg.sign[e]! < 0).length;
  return { balanced: false, cycle: result.cycleNodes.map((v) => g.nodes[v]!), negativeEdges };
}
