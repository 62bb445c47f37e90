import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSignedGraph, complete, relabel, switchAt } from '../../../test/helpers/signed-graphs.js';
import { indexGraph } from '../signed-graph.js';
import { algebraicConflict } from './algebraic-conflict.js';
import { isBalanced } from './is-balanced.js';
import { walkBalance } from './walk-balance.js';

describe('walk balance and algebraic conflict', () => {
  it('give the all-negative triangle its analytic values', () => {
    const g = indexGraph(complete(3, -1));
    const e = Math.E;
    expect(walkBalance(g)).toBeCloseTo((e ** -2 + 2 * e) / (e ** 2 + 2 / e), 12);
    expect(algebraicConflict(g)).toBeCloseTo(1, 12);
  });

  it('are 1 and 0 on balanced graphs and flag unbalanced connected ones', () => {
    fc.assert(
      fc.property(arbSignedGraph(8), (graph) => {
        const g = indexGraph(graph);
        const k = walkBalance(g);
        expect(k).toBeGreaterThan(0);
        expect(k).toBeLessThanOrEqual(1);
        if (isBalanced(g).balanced) {
          expect(k).toBeCloseTo(1, 9);
          expect(algebraicConflict(g)).toBeCloseTo(0, 9);
        } else expect(k).toBeLessThan(1 - 1e-9);
      }),
    );
  });

  it('are invariant under relabelling and switching', () => {
    fc.assert(
      fc.property(arbSignedGraph(8, true), fc.nat(), fc.boolean(), (graph, seed, weighted) => {
        const k = walkBalance(indexGraph(graph), { weighted });
        const a = algebraicConflict(indexGraph(graph), { weighted });
        const perm = graph.nodes
          .map((_, i) => i)
          .sort((x, y) => ((x * 13 + seed) % 7) - ((y * 13 + seed) % 7));
        const moved = [relabel(graph, perm).graph, switchAt(graph, graph.nodes[seed % graph.nodes.length]!)];
        for (const h of moved) {
          expect(walkBalance(indexGraph(h), { weighted })).toBeCloseTo(k, 9);
          expect(algebraicConflict(indexGraph(h), { weighted })).toBeCloseTo(a, 9);
        }
      }),
    );
  });
});
