import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbSignedGraph,
  balanceData,
  bruteForceFrustration,
  complete,
} from '../../../test/helpers/signed-graphs.js';
import { stream as createRng } from '../../kernels/random.js';
import { indexGraph } from '../signed-graph.js';
import { loadHighs } from '../solvers/highs.js';
import { adjacencyOf, frustrationCost, toCostGraph } from './cost-graph.js';
import { negativeCycleLpBound, separateNegativeCycles } from './frustration-cycle-lp.js';
import { frustrationHeuristic } from './frustration-heuristic.js';
import { negativeCyclePacking } from './frustration-lower-bound.js';
import { frustrationMip, xorModelLp } from './frustration-mip.js';
import { reduceGraph, restoreReduced } from './frustration-reduction.js';
import { negativeTrianglePacking } from './triangle-packing-bound.js';

describe('frustration bounds', () => {
  it('heuristic ≥ L ≥ packing bound and LP bound, on random graphs', async () => {
    await fc.assert(
      fc.asyncProperty(arbSignedGraph(9, true), fc.nat(), async (graph, seed) => {
        const g = indexGraph(graph);
        const cg = toCostGraph(g, true);
        const exact = bruteForceFrustration(g, true).L;
        const rng = createRng(seed);
        const h = frustrationHeuristic(cg, rng, { restarts: 3 });
        expect(h.cost).toBeCloseTo(frustrationCost(cg, h.side), 9);
        expect(h.cost).toBeGreaterThanOrEqual(exact - 1e-9);
        const packing = negativeCyclePacking(cg, h.side, rng);
        expect(packing.bound).toBeLessThanOrEqual(exact + 1e-9);
        const lp = await negativeCycleLpBound(cg, h.side, packing.cycles);
        expect(lp.bound).toBeLessThanOrEqual(exact + 1e-6);
        expect(lp.bound).toBeGreaterThanOrEqual(packing.bound - 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('triangle packing ≤ L, and the heuristic stopped at it returns what all its starts do', () => {
    fc.assert(
      fc.property(arbSignedGraph(9, true), fc.boolean(), fc.nat(), (graph, weighted, seed) => {
        const g = indexGraph(graph);
        const cg = toCostGraph(g, weighted);
        const bound = negativeTrianglePacking(cg);
        expect(bound).toBeLessThanOrEqual(bruteForceFrustration(g, weighted).L + 1e-9);
        const all = frustrationHeuristic(cg, createRng(seed), { restarts: 6 });
        const stopped = frustrationHeuristic(cg, createRng(seed), { restarts: 6, target: bound });
        expect(stopped.starts).toBeLessThanOrEqual(all.starts);
        expect(stopped.cost).toBe(all.cost);
        expect([...stopped.side]).toEqual([...all.side]);
      }),
      { numRuns: 80 },
    );
  });

  it('packs the one negative triangle of ++−, and none of a balanced one', () => {
    const tri = (w: number) =>
      toCostGraph(
        indexGraph({
          nodes: ['a', 'b', 'c'],
          edges: [
            { a: 'a', b: 'b', w: 1 },
            { a: 'b', b: 'c', w: 1 },
            { a: 'a', b: 'c', w },
          ],
        }),
        false,
      );
    expect(negativeTrianglePacking(tri(-1))).toBe(1);
    expect(negativeTrianglePacking(tri(1))).toBe(0);
  });

  it("finds the tribes' optimum with the heuristic and closes it with cycle packing", () => {
    const cg = toCostGraph(indexGraph(balanceData('tribes_read1954')), false);
    const rng = createRng(7);
    const h = frustrationHeuristic(cg, rng);
    expect(h.cost).toBe(7);
    expect(negativeCyclePacking(cg, h.side, rng).bound).toBe(7);
  });

  it('separates the negative triangles of K4 all-negative at f = 0', () => {
    const cg = toCostGraph(indexGraph(complete(4, -1)), false);
    const cuts = separateNegativeCycles(cg, adjacencyOf(cg), new Float64Array(6), [0, 1, 2, 3], 10);
    expect(cuts.length).toBeGreaterThan(0);
    for (const c of cuts) expect(c.filter((e) => cg.sign[e]! < 0).length % 2).toBe(1);
  });

  it('reductions keep the optimum: offset + kernel optimum = L, restored sides realise it', () => {
    fc.assert(
      fc.property(arbSignedGraph(9, true), (graph) => {
        const g = indexGraph(graph);
        const cg = toCostGraph(g, true);
        const exact = bruteForceFrustration(g, true).L;
        const red = reduceGraph(cg);
        const kernelNodes = [...new Set(red.kernel.flatMap((e) => [e.u, e.v]))];
        let best = Number.POSITIVE_INFINITY;
        let bestSide = new Uint8Array(g.n);
        for (let mask = 0; mask < 2 ** kernelNodes.length; mask++) {
          const side = new Uint8Array(g.n);
          kernelNodes.forEach((v, k) => {
            side[v] = (mask >> k) & 1;
          });
          const cost = red.kernel.reduce(
            (t, e) => t + ((side[e.u] === side[e.v]) === e.sign > 0 ? 0 : e.cost),
            0,
          );
          if (cost < best) [best, bestSide] = [cost, side];
        }
        expect(red.offset + best).toBeCloseTo(exact, 9);
        restoreReduced(red.steps, bestSide);
        expect(frustrationCost(cg, bestSide)).toBeCloseTo(exact, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('the XOR program solves the tribes to 7 with every cut mode, and as LP text', async () => {
    const cg = toCostGraph(indexGraph(balanceData('tribes_read1954')), false);
    for (const triangleCuts of ['all', 'lazy', 'none'] as const) {
      const r = await frustrationMip(cg, new Uint8Array(cg.n), { triangleCuts });
      expect(r).toMatchObject({ cost: 7, lowerBound: 7, optimal: true });
    }
    const highs = await loadHighs();
    const solved = highs.solve(xorModelLp(cg, { triangleCuts: true }), { output_flag: false });
    expect(solved.Status).toBe('Optimal');
    expect(solved.ObjectiveValue).toBeCloseTo(7, 9);
  });
});
