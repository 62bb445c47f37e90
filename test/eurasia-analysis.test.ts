/**
 * The measurement layer on the bundled `eurasia` world at 2021-12: the seeds' triangles and
 * Russia's and Pakistan's balancing. Expectations are derived here from the world's own ties, so
 * the test follows the curated data rather than fixed numbers.
 */
import { describe, expect, it } from 'vitest';
import { balancers } from '../src/analysis/balancing/balancers.js';
import { graphFromSnapshot, tieValue } from '../src/analysis/from-snapshot.js';
import { dependence } from '../src/analysis/power/dependence.js';
import { indexGraph } from '../src/analysis/signed-graph.js';
import { strategicTriangles, triangleInSnapshot } from '../src/analysis/triangles/strategic-triangle.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';

const NEUTRAL = 0.1;
const s = snapshot(loadWorld('eurasia'), '2021-12');
const g = indexGraph(graphFromSnapshot(s, { neutral: NEUTRAL }));

/** Type and pivot straight from the three tie signs. */
function expectedTriangle(ids: [string, string, string]) {
  const pairs: [string, string, string][] = [
    [ids[0], ids[1], ids[2]],
    [ids[0], ids[2], ids[1]],
    [ids[1], ids[2], ids[0]],
  ];
  const values = pairs.map(([a, b]) => tieValue(s, a, b));
  if (values.some((v) => Math.abs(v) < NEUTRAL)) return { type: 'incomplete' };
  const negative = pairs.filter((_, k) => values[k]! < 0);
  const type = ['menage-a-trois', 'romantic', 'stable-marriage', 'unit-veto'][negative.length];
  return type === 'romantic' ? { type, pivot: negative[0]![2] } : { type };
}

describe('eurasia at 2021-12', () => {
  for (const ids of [
    ['RUS', 'IND', 'PAK'],
    ['CHN', 'PAK', 'USA'],
  ] as [string, string, string][]) {
    it(`reports the ${ids.join('–')} triangle with the type and pivot its ties imply`, () => {
      const want = expectedTriangle(ids);
      const got = triangleInSnapshot(s, ids, { neutral: NEUTRAL });
      expect(got.type).toBe(want.type);
      expect(got.pivot).toBe(want.pivot);
      if (want.type === 'incomplete') return;
      const listed = strategicTriangles(g).byType[got.type as 'romantic'].find(
        (t) => [...t.actors].sort().join() === [...ids].sort().join(),
      );
      expect(listed?.pivot).toBe(want.pivot);
    });
  }

  it("lists Russia's and Pakistan's rival pairs with the tilts their ties give", async () => {
    const rows = await balancers(g);
    for (const actor of ['RUS', 'PAK']) {
      const row = rows.find((r) => r.actor === actor);
      expect(row, actor).toBeDefined();
      // A balancer has positive ties to both rivals.
      const tied = (x: string) => tieValue(s, actor, x) >= NEUTRAL;
      const expected = s.ties
        .filter((t) => t.value <= -NEUTRAL && t.a !== actor && t.b !== actor && tied(t.a) && tied(t.b))
        .map((t) => {
          const [wa, wb] = [tieValue(s, actor, t.a), tieValue(s, actor, t.b)];
          return { a: t.a, b: t.b, tilt: (wa - wb) / (Math.abs(wa) + Math.abs(wb)) };
        });
      expect(expected.length).toBeGreaterThan(0);
      expect(row!.pairs).toHaveLength(expected.length);
      for (const e of expected) {
        const p = row!.pairs.find((x) => x.a === e.a && x.b === e.b);
        expect(p, `${actor} ${e.a}-${e.b}`).toBeDefined();
        expect(p!.tilt).toBeCloseTo(e.tilt, 12);
      }
      expect(row!.flipCost).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('eurasia junior partners', () => {
  const world = loadWorld('eurasia');

  it("lists neither France nor Israel as India's junior partner: India buys their arms", () => {
    for (const at of ['2017-12', '2019-12', '2021-12']) {
      const snap = snapshot(world, at);
      const pairs = dependence(snap);
      const juniorsOfIndia = pairs.filter((d) => d.senior === 'IND').map((d) => d.junior);
      expect(juniorsOfIndia, at).not.toContain('FRA');
      expect(juniorsOfIndia, at).not.toContain('ISR');
      // the data behind it: India imports from both, neither imports from India
      expect(snap.capabilities.IND?.armsImports?.FRA ?? 0, at).toBeGreaterThan(0);
      expect(snap.capabilities.FRA?.armsImports?.IND ?? 0, at).toBe(0);
      expect(snap.capabilities.ISR?.armsImports?.IND ?? 0, at).toBe(0);
    }
    // a client armed by its patron is still one
    const y2021 = dependence(snapshot(world, '2021-12'));
    expect(y2021.find((d) => d.junior === 'ISR')?.senior).toBe('USA');
    expect(y2021.find((d) => d.junior === 'PAK')?.senior).toBe('CHN');
  });
});
