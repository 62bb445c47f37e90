import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSignedGraph, balanceWorld, relabel } from '../../../test/helpers/signed-graphs.js';
import { NotFoundError } from '../../domain/errors.js';
import { snapshot } from '../../worlds/snapshot.js';
import { triangleCensus } from '../balance/triangle-census.js';
import { indexGraph } from '../signed-graph.js';
import { classifyTriangle, strategicTriangles, triangleInSnapshot } from './strategic-triangle.js';

const sign = fc.constantFrom(-0.8, -0.3, 0.3, 0.9);

describe('classifyTriangle', () => {
  it('matches the sign pattern, with roles that follow the signs', () => {
    fc.assert(
      fc.property(sign, sign, sign, (ab, ac, bc) => {
        const t = classifyTriangle(['A', 'B', 'C'], { 'A-B': ab, 'A-C': ac, 'B-C': bc });
        const negatives = [ab, ac, bc].filter((x) => x < 0).length;
        expect(t.type).toBe(['menage-a-trois', 'romantic', 'stable-marriage', 'unit-veto'][negatives]);
        const w = (x: string, y: string) => t.ties[`${x}-${y}`] ?? t.ties[`${y}-${x}`]!;
        if (t.type === 'romantic') {
          const [p, [l, r]] = [t.pivot!, t.wings!];
          expect(w(p, l)).toBeGreaterThan(0);
          expect(w(p, r)).toBeGreaterThan(0);
          expect(w(l, r)).toBeLessThan(0);
        }
        if (t.type === 'stable-marriage') {
          const [[x, y], o] = [t.partners!, t.outcast!];
          expect(w(x, y)).toBeGreaterThan(0);
          expect(w(x, o)).toBeLessThan(0);
          expect(w(y, o)).toBeLessThan(0);
        }
      }),
    );
  });

  it('is incomplete when a tie is below the neutral threshold, whichever order ties are keyed in', () => {
    expect(classifyTriangle(['A', 'B', 'C'], { 'B-A': 0.5, 'C-A': 0.5, 'C-B': -0.05 }).type).toBe(
      'incomplete',
    );
    const t = classifyTriangle(['A', 'B', 'C'], { 'B-A': 0.5, 'C-A': 0.5, 'C-B': -0.05 }, { neutral: 0.01 });
    expect(t).toMatchObject({ type: 'romantic', pivot: 'A', ties: { 'A-B': 0.5, 'A-C': 0.5, 'B-C': -0.05 } });
  });
});

describe('strategicTriangles', () => {
  it('agrees with the triangle census and is invariant under relabelling', () => {
    fc.assert(
      fc.property(arbSignedGraph(9), (graph) => {
        const cat = strategicTriangles(indexGraph(graph));
        const c = triangleCensus(indexGraph(graph));
        expect(
          [
            cat.byType['menage-a-trois'],
            cat.byType.romantic,
            cat.byType['stable-marriage'],
            cat.byType['unit-veto'],
          ].map((l) => l.length),
        ).toEqual([c.ppp, c.ppn, c.pnn, c.nnn]);
        expect(Object.values(cat.pivotCounts).reduce((s, x) => s + x, 0)).toBe(c.ppn);
        const perm = graph.nodes.map((_, i) => graph.nodes.length - 1 - i);
        const { graph: h, name } = relabel(graph, perm);
        const moved = strategicTriangles(indexGraph(h));
        for (const id of graph.nodes) expect(moved.pivotCounts[name(id)]).toBe(cat.pivotCounts[id]);
      }),
    );
  });
});

describe('triangleInSnapshot', () => {
  const world = balanceWorld();

  it('reads the ties of a world at a date', () => {
    expect(triangleInSnapshot(snapshot(world, '2021-12'), ['PIV', 'WNA', 'WNB'])).toMatchObject({
      type: 'romantic',
      pivot: 'PIV',
      wings: ['WNA', 'WNB'],
    });
    expect(triangleInSnapshot(snapshot(world, '2016'), ['PIV', 'WNA', 'WNB'])).toMatchObject({
      type: 'stable-marriage',
      partners: ['PIV', 'WNA'],
      outcast: 'WNB',
    });
  });

  it('names unknown actors', () => {
    expect(() => triangleInSnapshot(snapshot(world, '2021'), ['PIV', 'WNA', 'NOPE'])).toThrow(NotFoundError);
  });
});
