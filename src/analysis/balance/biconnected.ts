/**
 * Biconnected components (blocks) of an undirected graph by depth-first search with low-points and
 * an edge stack (Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16(6)), written iteratively so deep graphs do not overflow the call stack.
 */
import type { Adjacency } from './cost-graph.js';

/**
 * The blocks of a graph as lists of edge ids; every edge is in exactly one block and a bridge is a
 * block of one edge. Isolated nodes belong to no block.
 *
 * @example
 * // two triangles sharing node 2 → two blocks of three edges
 */
export function biconnectedBlocks(n: number, g: Adjacency): number[][] {
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const edgeStack: number[] = [];
  const blocks: number[][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = time++;
    cursor[root] = g.start[root]!;
    const stack = [root];
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (cursor[v]! < g.start[v + 1]!) {
        const p = cursor[v]!++;
        const w = g.adj[p]!;
        const e = g.edge[p]!;
        if (e === parentEdge[v]) continue;
        if (order[w] === -1) {
          edgeStack.push(e);
          parentEdge[w] = e;
          order[w] = low[w] = time++;
          cursor[w] = g.start[w]!;
          stack.push(w);
        } else if (order[w]! < order[v]!) {
          edgeStack.push(e);
          low[v] = Math.min(low[v]!, order[w]!);
        }
        continue;
      }
      stack.pop();
      if (stack.length === 0) break;
      const u = stack[stack.length - 1]!;
      low[u] = Math.min(low[u]!, low[v]!);
      if (low[v]! >= order[u]!) {
        const block: number[] = [];
        const closing = parentEdge[v]!;
        let e: number;
        do {
          e = edgeStack.pop()!;
          block.push(e);
        } while (e !== closing);
        blocks.push(block);
      }
    }
  }
  return blocks;
}
