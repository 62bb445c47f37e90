import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { edgeWeight, indexGraph, inducedSubgraph, nodeIndex } from './signed-graph.js';

describe('indexGraph', () => {
  const g = indexGraph({
    nodes: ['a', 'b', 'c', 'd'],
    edges: [
      { a: 'c', b: 'a', w: -1 },
      { a: 'b', b: 'c', w: 0.5 },
    ],
  });

  it('stores edges low index first with adjacency both ways', () => {
    expect([...g.src]).toEqual([0, 1]);
    expect([...g.dst]).toEqual([2, 2]);
    expect(edgeWeight(g, 2, 0)).toBe(-1);
    expect(edgeWeight(g, 1, 2)).toBe(0.5);
    expect(edgeWeight(g, 0, 3)).toBe(0);
    expect(g.offsets[g.n]).toBe(2 * g.m);
  });

  it('rejects unknown nodes, self-loops, zero weights and repeated pairs', () => {
    const bad = [
      { a: 'a', b: 'z', w: 1 },
      { a: 'a', b: 'a', w: 1 },
      { a: 'a', b: 'b', w: 0 },
    ];
    for (const e of bad)
      expect(() => indexGraph({ nodes: ['a', 'b'], edges: [e] })).toThrow(InvalidInputError);
    expect(() =>
      indexGraph({
        nodes: ['a', 'b'],
        edges: [
          { a: 'a', b: 'b', w: 1 },
          { a: 'b', b: 'a', w: 1 },
        ],
      }),
    ).toThrow(/twice/);
  });

  it('finds nodes by name and keeps induced subgraphs', () => {
    expect(nodeIndex(g, 'c')).toBe(2);
    expect(() => nodeIndex(g, 'zz')).toThrow(NotFoundError);
    expect(
      inducedSubgraph({ nodes: [...g.nodes], edges: [{ a: 'a', b: 'c', w: -1 }] }, ['a', 'b']).edges,
    ).toEqual([]);
  });
});
