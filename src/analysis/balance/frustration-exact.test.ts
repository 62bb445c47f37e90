import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbSignedGraph,
  balanceData,
  bruteForceFrustration,
  complete,
  relabel,
  switchAt,
} from '../../../test/helpers/signed-graphs.js';
import { indexGraph, type SignedGraph } from '../signed-graph.js';
import { frustrationIndex } from './frustration-exact.js';

const L = async (g: SignedGraph, weighted = false) => (await frustrationIndex(indexGraph(g), { weighted })).L;

describe('frustrationIndex', () => {
  it("finds L = 7 on Read's tribes with the unique optimal bipartition", async () => {
    const g = indexGraph(balanceData('tribes_read1954'));
    const r = await frustrationIndex(g);
    expect(r).toMatchObject({ L: 7, optimal: true, lowerBound: 7 });
    expect([...r.partition[1]].sort()).toEqual(['Gama', 'Gavev', 'Kotun', 'Nagad']);
    expect(r.partition[0]).toHaveLength(12);
    expect(r.frustratedEdges).toHaveLength(7);
    const brute = bruteForceFrustration(g);
    expect(brute.L).toBe(7);
    expect(brute.optima).toHaveLength(1);
  });

  it('gives the analytic values: K4 and K5 all negative 2 and 4, one ++− triangle 1', async () => {
    expect(await L(complete(4, -1))).toBe(2);
    expect(await L(complete(5, -1))).toBe(4);
    const romantic = {
      nodes: ['a', 'b', 'c'],
      edges: [
        { a: 'a', b: 'b', w: 1 },
        { a: 'a', b: 'c', w: 1 },
        { a: 'b', b: 'c', w: -1 },
      ],
    };
    expect(await L(romantic)).toBe(1);
    expect(await L({ nodes: [], edges: [] })).toBe(0);
  });

  it('matches brute force on random graphs, unit and weighted costs, with consistent output', async () => {
    await fc.assert(
      fc.asyncProperty(arbSignedGraph(10), fc.boolean(), async (graph, weighted) => {
        const g = indexGraph(
          weighted
            ? { ...graph, edges: graph.edges.map((e, k) => ({ ...e, w: e.w * (1 + (k % 3)) })) }
            : graph,
        );
        const r = await frustrationIndex(g, { weighted });
        expect(r.optimal).toBe(true);
        expect(r.L).toBeCloseTo(bruteForceFrustration(g, weighted).L, 9);
        const side = new Map(r.partition.flatMap((camp, s) => camp.map((id) => [id, s] as const)));
        expect(side.size).toBe(g.n);
        const frustrated = graph.edges.filter((e) => (side.get(e.a) === side.get(e.b)) !== e.w > 0);
        expect(frustrated.length).toBe(r.frustratedEdges.length);
      }),
      { numRuns: 120 },
    );
  });

  it('is invariant under relabelling and switching, and bounded by the negative edges and m/2', async () => {
    await fc.assert(
      fc.asyncProperty(arbSignedGraph(10), fc.nat(), async (graph, seed) => {
        const base = await L(graph);
        const perm = graph.nodes
          .map((_, i) => i)
          .sort((a, b) => ((a * 31 + seed) % 11) - ((b * 31 + seed) % 11));
        expect(await L(relabel(graph, perm).graph)).toBe(base);
        expect(await L(switchAt(graph, graph.nodes[seed % graph.nodes.length]!))).toBe(base);
        expect(base).toBeLessThanOrEqual(graph.edges.filter((e) => e.w < 0).length);
        expect(base).toBeLessThanOrEqual(graph.edges.length / 2);
      }),
      { numRuns: 80 },
    );
  });

  it('honours fixed sides: the cost of forcing two friends apart', async () => {
    const g = indexGraph(complete(4, 1));
    const free = await frustrationIndex(g);
    expect(free.L).toBe(0);
    const forced = await frustrationIndex(g, { fixed: { v0: 0, v1: 1 } });
    expect(forced.partition[0]).toContain('v0');
    expect(forced.partition[1]).toContain('v1');
    expect(forced.L).toBe(3);
  });

  it('returns a valid lower bound without proof when the time limit cuts it short', async () => {
    // This window needs the LP bound: greedy cycle packing alone stops below L.
    const g = indexGraph(balanceData('cow_74_77'));
    const full = await frustrationIndex(g);
    const cut = await frustrationIndex(g, { timeLimit: 1e-6 });
    expect(full.optimal).toBe(true);
    expect(cut.optimal).toBe(false);
    expect(cut.lowerBound).toBeLessThan(cut.L);
    expect(cut.lowerBound).toBeLessThanOrEqual(full.L);
    expect(cut.L).toBeGreaterThanOrEqual(full.L);
  });
});
