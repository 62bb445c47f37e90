import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSignedGraph, balanceData, relabel, switchAt } from '../../../test/helpers/signed-graphs.js';
import { indexGraph, type SignedGraph } from '../signed-graph.js';
import { type TriangleCensus, triangleCensus, triangleCount, triangleIndex } from './triangle-census.js';

/** Independent census: every triple of nodes. */
function tripleLoop(g: SignedGraph): TriangleCensus {
  const w = new Map(
    g.edges.flatMap(
      (e) =>
        [
          [`${e.a}|${e.b}`, e.w],
          [`${e.b}|${e.a}`, e.w],
        ] as const,
    ),
  );
  const out = [0, 0, 0, 0];
  const { nodes } = g;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++)
      for (let k = j + 1; k < nodes.length; k++) {
        const ws = [
          w.get(`${nodes[i]}|${nodes[j]}`),
          w.get(`${nodes[i]}|${nodes[k]}`),
          w.get(`${nodes[j]}|${nodes[k]}`),
        ];
        if (ws.some((x) => x === undefined)) continue;
        out[ws.filter((x) => x! < 0).length]!++;
      }
  return { ppp: out[0]!, ppn: out[1]!, pnn: out[2]!, nnn: out[3]! };
}

describe('triangleCensus', () => {
  it("reproduces Read's highland tribes: 19 / 2 / 40 / 7, index 59/68", () => {
    const c = triangleCensus(indexGraph(balanceData('tribes_read1954')));
    expect(c).toEqual({ ppp: 19, ppn: 2, pnn: 40, nnn: 7 });
    expect(triangleIndex(c)).toBeCloseTo(59 / 68, 12);
  });

  it('bitset (WebAssembly and JavaScript) and merge counting agree with a triple loop', () => {
    fc.assert(
      fc.property(arbSignedGraph(12), (g) => {
        const ig = indexGraph(g);
        const expected = tripleLoop(g);
        expect(triangleCensus(ig, { method: 'bitset' })).toEqual(expected);
        expect(triangleCensus(ig, { method: 'bitset-js' })).toEqual(expected);
        expect(triangleCensus(ig, { method: 'merge' })).toEqual(expected);
      }),
      { numRuns: 150 },
    );
    const cow = balanceData('cow_96_99');
    const ig = indexGraph(cow);
    for (const method of ['bitset', 'bitset-js', 'merge'] as const) {
      expect(triangleCensus(ig, { method })).toEqual(tripleLoop(cow));
    }
  });

  it('is invariant under relabelling; switching keeps the balanced/unbalanced split', () => {
    fc.assert(
      fc.property(arbSignedGraph(9), fc.nat(), (g, seed) => {
        const perm = g.nodes
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
        const c = triangleCensus(indexGraph(g));
        expect(triangleCensus(indexGraph(relabel(g, perm).graph))).toEqual(c);
        const s = triangleCensus(indexGraph(switchAt(g, g.nodes[seed % g.nodes.length]!)));
        expect(s.ppp + s.pnn).toBe(c.ppp + c.pnn);
        expect(triangleCount(s)).toBe(triangleCount(c));
      }),
    );
  });

  it('gives index 1 without triangles', () => {
    expect(triangleIndex({ ppp: 0, ppn: 0, pnn: 0, nnn: 0 })).toBe(1);
  });
});
