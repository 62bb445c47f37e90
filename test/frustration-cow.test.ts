/**
 * The exact frustration index on the 51 Correlates-of-War signed networks (Doreian & Mrvar 2015):
 * every window proven optimal, and checked against independent methods — brute force over all
 * bipartitions of random connected induced subgraphs of 16 nodes, and the plain XOR program solved
 * without reductions or bounds on whole windows.
 */
import { describe, expect, it } from 'vitest';
import { toCostGraph } from '../src/analysis/balance/cost-graph.js';
import { frustrationIndex } from '../src/analysis/balance/frustration-exact.js';
import { frustrationMip } from '../src/analysis/balance/frustration-mip.js';
import { indexGraph, inducedSubgraph, type SignedGraph } from '../src/analysis/signed-graph.js';
import { stream as createRng, type Rng } from '../src/kernels/random.js';
import { balanceData, bruteForceFrustration, cowWindows } from './helpers/signed-graphs.js';

const windows = cowWindows();

/** A connected induced subgraph grown breadth-first from a random node, up to `size` nodes. */
function grownSubgraph(g: SignedGraph, size: number, rng: Rng): SignedGraph {
  const nbrs = new Map<string, string[]>(g.nodes.map((id) => [id, []]));
  for (const e of g.edges) {
    nbrs.get(e.a)!.push(e.b);
    nbrs.get(e.b)!.push(e.a);
  }
  const start = g.nodes[Math.floor(rng.next() * g.nodes.length)]!;
  const keep = [start];
  const seen = new Set(keep);
  for (let k = 0; k < keep.length && keep.length < size; k++) {
    const next = [...nbrs.get(keep[k]!)!].sort(() => rng.next() - 0.5);
    for (const id of next) {
      if (keep.length >= size || seen.has(id)) continue;
      seen.add(id);
      keep.push(id);
    }
  }
  return inducedSubgraph(g, keep);
}

describe('exact frustration on the COW windows', () => {
  it('has the 51 windows', () => {
    expect(windows).toHaveLength(51);
  });

  it('solves every window to proven optimality, with factions that realise L', async () => {
    for (const name of windows) {
      const graph = balanceData(name);
      const r = await frustrationIndex(indexGraph(graph));
      expect(r.optimal, name).toBe(true);
      expect(r.lowerBound).toBe(r.L);
      expect(r.frustratedEdges).toHaveLength(r.L);
      expect(r.L).toBeLessThanOrEqual(graph.edges.filter((e) => e.w < 0).length);
    }
  });

  it('agrees with brute force on random 16-node induced subgraphs of every window', async () => {
    const rng = createRng(2015);
    for (const name of windows) {
      const graph = balanceData(name);
      for (let k = 0; k < 2; k++) {
        const sub = indexGraph(grownSubgraph(graph, 16, rng));
        const exact = await frustrationIndex(sub);
        expect(exact.L, `${name} subgraph ${k}`).toBe(bruteForceFrustration(sub).L);
      }
    }
  });

  it('agrees with the plain XOR program (no reductions, no bounds) on whole windows', async () => {
    for (const name of windows.filter((_, i) => i % 5 === 0)) {
      const g = indexGraph(balanceData(name));
      const ours = await frustrationIndex(g);
      const cg = toCostGraph(g, false);
      const plain = await frustrationMip(cg, new Uint8Array(g.n), { triangleCuts: 'all' });
      expect(plain.optimal, name).toBe(true);
      expect(ours.L, name).toBe(plain.cost);
    }
  });
});
