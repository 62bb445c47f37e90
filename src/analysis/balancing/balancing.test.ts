import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbSignedGraph, balanceWorld, relabel } from '../../../test/helpers/signed-graphs.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { snapshot } from '../../worlds/snapshot.js';
import { frustrationIndex } from '../balance/frustration-exact.js';
import { graphFromSnapshot } from '../from-snapshot.js';
import { indexGraph, type SignedGraph } from '../signed-graph.js';
import { strategicTriangles } from '../triangles/strategic-triangle.js';
import { alignment, alignmentInSnapshot } from './alignment.js';
import { balancers } from './balancers.js';
import { flipCost } from './flip-cost.js';
import { pivotScores } from './pivot-score.js';
import { rivalTilts, tiltBetween } from './tilt.js';

const world = balanceWorld();

describe('tilt', () => {
  it('is the normalised difference of the two ties', () => {
    expect(tiltBetween(0.8, 0.2)).toBeCloseTo(0.6, 12);
    expect(tiltBetween(0.5, -0.5)).toBe(1);
    expect(tiltBetween(0, 0)).toBe(0);
  });

  it("lists the pivot's rival pair from the world's ties", () => {
    const s = snapshot(world, '2021-12');
    const tilts = rivalTilts(indexGraph(graphFromSnapshot(s)));
    const expected = tiltBetween(0.5, 0.4);
    expect(tilts.get('PIV')).toContainEqual({ a: 'WNA', b: 'WNB', tilt: expected });
    // PIV is hostile to PLA (−0.4): it sides with PLB, it does not balance between them.
    expect(tilts.get('PIV')!.some((t) => t.a === 'PLA' && t.b === 'PLB')).toBe(false);
    expect(tilts.get('ORG')).toEqual([]);
  });

  it('counts as a balancer only an actor with positive ties to both rivals', () => {
    const g: SignedGraph = {
      nodes: ['A', 'B', 'FRIEND', 'FOE', 'SIDER'],
      edges: [
        { a: 'A', b: 'B', w: -0.8 },
        { a: 'FRIEND', b: 'A', w: 0.6 },
        { a: 'FRIEND', b: 'B', w: 0.2 },
        { a: 'FOE', b: 'A', w: -0.5 },
        { a: 'FOE', b: 'B', w: -0.5 },
        { a: 'SIDER', b: 'A', w: -0.6 },
        { a: 'SIDER', b: 'B', w: 0.7 },
      ],
    };
    const tilts = rivalTilts(indexGraph(g));
    expect(tilts.get('FRIEND')).toEqual([{ a: 'A', b: 'B', tilt: tiltBetween(0.6, 0.2) }]);
    expect(tilts.get('FOE')).toEqual([]);
    expect(tilts.get('SIDER')).toEqual([]);
  });

  it('is invariant under relabelling (same pairs and tilts up to renaming)', () => {
    fc.assert(
      fc.property(arbSignedGraph(8, true), (graph) => {
        const perm = graph.nodes.map((_, i) => (i * 5 + 3) % graph.nodes.length);
        if (new Set(perm).size !== perm.length) return;
        const { graph: h, name } = relabel(graph, perm);
        const before = rivalTilts(indexGraph(graph));
        const after = rivalTilts(indexGraph(h));
        for (const id of graph.nodes) {
          const mapped = before.get(id)!.map((p) => {
            const [a, b] = [name(p.a), name(p.b)];
            return a < b ? { a, b, tilt: p.tilt } : { a: b, b: a, tilt: -p.tilt };
          });
          expect(
            after
              .get(name(id))!
              .map((p) => [p.a, p.b, p.tilt.toFixed(9)])
              .sort(),
          ).toEqual(mapped.map((p) => [p.a, p.b, p.tilt.toFixed(9)]).sort());
        }
      }),
    );
  });
});

describe('pivot score', () => {
  it('counts romantic triangles on ±1 graphs, as the triangle catalogue does', () => {
    fc.assert(
      fc.property(arbSignedGraph(9), (graph) => {
        const g = indexGraph(graph);
        const counts = strategicTriangles(g).pivotCounts;
        for (const [id, score] of pivotScores(g)) expect(score).toBe(counts[id]);
      }),
    );
  });
});

describe('flip cost', () => {
  // Two cliques of friends, hostile across; the broker B1 has one friend on each side.
  const graph: SignedGraph = {
    nodes: ['A1', 'A2', 'A3', 'B1', 'C1', 'C2', 'C3'],
    edges: [
      ...[
        ['A1', 'A2'],
        ['A1', 'A3'],
        ['A2', 'A3'],
        ['C1', 'C2'],
        ['C1', 'C3'],
        ['C2', 'C3'],
      ].map(([a, b]) => ({ a: a!, b: b!, w: 1 })),
      ...[
        ['A1', 'C1'],
        ['A2', 'C2'],
        ['A3', 'C3'],
      ].map(([a, b]) => ({ a: a!, b: b!, w: -1 })),
      { a: 'B1', b: 'A1', w: 1 },
      { a: 'B1', b: 'C1', w: 1 },
    ],
  };

  it('is 0 for a swing state and positive for a locked member', async () => {
    const g = indexGraph(graph);
    const base = await frustrationIndex(g);
    expect(base.L).toBe(1);
    expect(await flipCost(g, 'B1', base)).toBe(0);
    const locked = await flipCost(g, 'A2', base);
    // A2 moved alone: its two friends and one enemy become frustrated, 3 edges in all.
    expect(locked).toBe(3);
  });

  it('gives every actor of the fixture world a row with pairs, pivot score and flip cost', async () => {
    const rows = await balancers(indexGraph(graphFromSnapshot(snapshot(world, '2021-12'))));
    const piv = rows.find((r) => r.actor === 'PIV')!;
    expect(piv.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['WNA-WNB']);
    expect(piv.pivotScore).toBeCloseTo(Math.min(0.5, 0.4) * 0.7, 12);
    expect(piv.flipCost).toBeGreaterThanOrEqual(0);
    expect(rows.every((r) => r.pairs.length > 0)).toBe(true);
  });
});

describe('alignment', () => {
  const table: Record<string, number> = {
    XP: 0.8,
    XQ: -0.6,
    YQ: 0.6,
    YP: 0,
    ZP: 0.3,
    ZQ: 0.3,
    WP: 0.1,
    WQ: -0.1,
    HQ: -0.9,
  };
  const lookup = (a: string, b: string) => table[a + b];

  it('scales position by tie size and keeps neutral apart from no data', () => {
    const r = alignment(['X', 'Y', 'Z', 'W', 'H', 'N', 'P'], ['P', 'Q'], lookup);
    expect(r.rows.map((x) => x.actor)).toEqual(['X', 'W', 'Z', 'Y']);
    expect(r.rows[0]!.position).toBeCloseTo(0.7, 12); // (0.8 − (−0.6)) / 2
    expect(r.rows[1]!.position).toBeCloseTo(0.1, 12); // thin ties move W only a little
    expect(r.rows[2]).toEqual({ actor: 'Z', position: 0, engagement: 0.3 });
    expect(r.rows[3]!.position).toBeCloseTo(-0.3, 12); // an observed 0 to P is data
    // Hostile to one pole, no data on the other: not "aligned" with the other pole.
    expect(r.oneSided).toEqual([{ actor: 'H', pole: 'Q', tie: -0.9 }]);
    expect(r.noData).toBe(1);
  });

  it('does not saturate: a weak split is not a full alignment', () => {
    const r = alignment(['X'], ['P', 'Q'], (_a, b) => (b === 'P' ? 0.2 : -0.1));
    expect(r.rows[0]!.position).toBeCloseTo(0.15, 12);
    expect(tiltBetween(0.2, -0.1)).toBe(1); // the balancer tilt would say +1
  });

  it('reads a snapshot: states only by default, ties under the threshold as observed 0', () => {
    const s = snapshot(world, '2016');
    const states = alignmentInSnapshot(s, ['PLA', 'PLB']);
    const kinds = new Map(s.actors.map((a) => [a.id, a.kind]));
    const placed = [...states.rows.map((r) => r.actor), ...states.oneSided.map((r) => r.actor)];
    expect(placed.every((id) => kinds.get(id) === 'state')).toBe(true);
    const piv = states.rows.find((r) => r.actor === 'PIV')!;
    expect(piv.engagement).toBeCloseTo(0.15, 12);
    expect(piv.position).toBeLessThan(0);
    const all = alignmentInSnapshot(s, ['PLA', 'PLB'], {
      kinds: ['state', 'organization', 'bloc', 'nonstate'],
    });
    expect(all.rows.length + all.oneSided.length + all.noData).toBe(s.actors.length - 2);
    expect(() => alignmentInSnapshot(s, ['PLA', 'ZZZ'])).toThrow(NotFoundError);
    expect(() => alignmentInSnapshot(s, ['PLA', 'PLA'])).toThrow(InvalidInputError);
  });
});
