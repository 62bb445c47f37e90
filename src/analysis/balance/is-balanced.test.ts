import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbSignedGraph,
  balanceData,
  bruteForceFrustration,
  relabel,
} from '../../../test/helpers/signed-graphs.js';
import { edgeWeight, indexGraph } from '../signed-graph.js';
import { isBalanced } from './is-balanced.js';

describe('isBalanced', () => {
  it('agrees with the frustration index being 0, with valid camps or an odd-cycle witness', () => {
    fc.assert(
      fc.property(arbSignedGraph(9), (graph) => {
        const g = indexGraph(graph);
        const check = isBalanced(g);
        expect(check.balanced).toBe(bruteForceFrustration(g).L === 0);
        const reversed = relabel(
          graph,
          graph.nodes.map((_, i) => graph.nodes.length - 1 - i),
        ).graph;
        expect(isBalanced(indexGraph(reversed)).balanced).toBe(check.balanced);
        if (check.balanced) {
          const side = new Map(check.partition.flatMap((camp, s) => camp.map((id) => [id, s] as const)));
          for (const e of graph.edges) expect(side.get(e.a) === side.get(e.b)).toBe(e.w > 0);
          return;
        }
        const ids = check.cycle.map((id) => g.index.get(id)!);
        expect(new Set(ids).size).toBe(ids.length);
        const weights = ids.map((v, k) => edgeWeight(g, v, ids[(k + 1) % ids.length]!));
        expect(weights.every((w) => w !== 0)).toBe(true);
        const negatives = weights.filter((w) => w < 0).length;
        expect(negatives % 2).toBe(1);
        expect(check.negativeEdges).toBe(negatives);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the tribes unbalanced', () => {
    expect(isBalanced(indexGraph(balanceData('tribes_read1954'))).balanced).toBe(false);
  });
});
