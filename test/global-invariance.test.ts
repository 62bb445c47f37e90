/**
 * The global world's results hold when the world changes in ways that should not matter:
 * - unrelated actors added (tied only among themselves, their series placed before and after the
 *   world's own): the snapshot of the shared actors is the same to the bit, and so are their
 *   triangle census and exact frustration index, the newcomers adding only their own balanced part;
 * - every actor id relabelled (names that sort differently, so dyads flip and reorder): the same
 *   snapshot, census and frustration index up to the renaming.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { frustrationIndex } from '../src/analysis/balance/frustration-exact.js';
import { triangleCensus } from '../src/analysis/balance/triangle-census.js';
import { graphFromSnapshot } from '../src/analysis/from-snapshot.js';
import { indexGraph, inducedSubgraph } from '../src/analysis/signed-graph.js';
import { DIMENSIONS, type TieSeries } from '../src/domain/schema.js';
import type { Snapshot, TieAt, World } from '../src/domain/world.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';

let world: World;
beforeAll(() => {
  world = loadWorld('global');
});

/** A copy of the world with actor ids mapped (ties, capabilities and the id index follow). */
function relabelled(w: World, rename: (id: string) => string): World {
  const actors = w.actors.map((a) => ({ ...a, id: rename(a.id) }));
  return {
    ...w,
    actors,
    ties: w.ties.map((t) => ({ ...t, a: rename(t.a), b: rename(t.b) })),
    capabilities: w.capabilities.map((c) => ({ ...c, actor: rename(c.actor) })),
    actorById: new Map(actors.map((a) => [a.id, a])),
  };
}

/** Ties keyed by their unordered pair of (renamed) ids, without the pair itself. */
function byPair(ties: readonly TieAt[], rename: (id: string) => string = (id) => id) {
  return new Map(
    ties.map(({ a, b, ...rest }) => [[rename(a), rename(b)].sort().join(' '), JSON.stringify(rest)] as const),
  );
}

function expectSameTies(got: Snapshot, want: Snapshot, rename?: (id: string) => string, keep?: Set<string>) {
  const only = (ties: readonly TieAt[]) => (keep ? ties.filter((t) => keep.has(t.a) && keep.has(t.b)) : ties);
  expect(byPair(only(got.ties))).toEqual(byPair(want.ties, rename));
  for (const d of DIMENSIONS)
    expect(byPair(only(got.byDimension[d]))).toEqual(byPair(want.byDimension[d], rename));
}

const NEW = ['AAA', 'CHM', 'MMZ', 'USB', 'ZZZ'];

/** The world with NEW added: all positive with each other (a balanced clique), tied to nobody else. */
function withUnrelated(w: World): World {
  const actors = NEW.map((id) => ({ id, kind: 'state' as const, name: id, aliases: [], evidence: [] }));
  const series = (a: string, b: string, dimension: TieSeries['dimension'], value: number): TieSeries => ({
    a,
    b,
    dimension,
    directed: false,
    origin: 'global',
    observations: [{ at: '1946', value, confidence: 0.9, evidence: ['new'] }],
  });
  const clique = NEW.flatMap((a, i) =>
    NEW.slice(i + 1).flatMap((b) => [series(a, b, 'military', 0.8), series(b, a, 'diplomatic', 0.4)]),
  );
  const half = clique.length >> 1;
  const all = [...actors, ...w.actors];
  return {
    ...w,
    actors: all,
    ties: [...clique.slice(0, half), ...w.ties, ...clique.slice(half)],
    capabilities: [
      ...NEW.map((actor) => ({ actor, year: 1946, cinc: 0.01, evidence: [] })),
      ...w.capabilities,
    ],
    actorById: new Map(all.map((a) => [a.id, a])),
  };
}

describe('global world invariance', () => {
  it('unrelated actors added leave the snapshot of the shared actors unchanged', () => {
    const more = withUnrelated(world);
    const shared = new Set(world.actors.map((a) => a.id));
    for (const at of ['1950', '1985', '2010']) {
      const want = snapshot(world, at);
      const got = snapshot(more, at);
      expectSameTies(got, want, undefined, shared);
      expect(got.ties.length - want.ties.length).toBe((NEW.length * (NEW.length - 1)) / 2);
      const caps = Object.fromEntries(Object.entries(got.capabilities).filter(([id]) => shared.has(id)));
      expect(caps).toEqual(want.capabilities);
    }
  });

  it('unrelated actors added leave the balance of the shared actors unchanged', async () => {
    const more = withUnrelated(world);
    const shared = world.actors.map((a) => a.id);
    const census = (w: World) => triangleCensus(indexGraph(graphFromSnapshot(snapshot(w, '1985'))));
    const base = census(world);
    const k = NEW.length;
    expect(census(more)).toEqual({ ...base, ppp: base.ppp + (k * (k - 1) * (k - 2)) / 6 });
    const g = graphFromSnapshot(snapshot(world, '1950'));
    const g2 = graphFromSnapshot(snapshot(more, '1950'));
    const L = (await frustrationIndex(indexGraph(g))).L;
    expect((await frustrationIndex(indexGraph(inducedSubgraph(g2, shared)))).L).toBe(L);
    expect((await frustrationIndex(indexGraph(g2))).L).toBe(L);
  }, 120_000);

  it('relabelled ids give the same snapshot and balance up to the renaming', async () => {
    // Reversed, lower-cased, behind a letter: the order of ids changes, so dyads flip.
    const rename = (id: string) => `x${[...id].reverse().join('').toLowerCase()}`;
    const renamed = relabelled(world, rename);
    for (const at of ['1950', '1985', '2010']) {
      const want = snapshot(world, at);
      const got = snapshot(renamed, at);
      expectSameTies(got, want, rename);
      expect(got.actors.map((a) => a.id)).toEqual(want.actors.map((a) => rename(a.id)));
      expect(got.capabilities).toEqual(
        Object.fromEntries(
          Object.entries(want.capabilities).map(([id, c]) => [rename(id), { ...c, actor: rename(id) }]),
        ),
      );
    }
    const census = (w: World) => triangleCensus(indexGraph(graphFromSnapshot(snapshot(w, '1985'))));
    expect(census(renamed)).toEqual(census(world));
    const L = async (w: World) =>
      (await frustrationIndex(indexGraph(graphFromSnapshot(snapshot(w, '1950'))))).L;
    expect(await L(renamed)).toBe(await L(world));
  }, 120_000);
});
