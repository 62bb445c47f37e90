/**
 * The indexed snapshot gives, byte for byte, what a brute-force reading of the raw series gives:
 * every series scanned in world order, the observation in force found by walking all of them.
 * Checked on the bundled worlds at several dates and layers, and on small random worlds with
 * directed pairs, several origins, unsorted series and actor lifetimes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Dimension, type TieSeries } from '../src/domain/schema.js';
import { endOf, startOf } from '../src/domain/time.js';
import type { TieAt, World } from '../src/domain/world.js';
import { loadWorld } from '../src/worlds/load.js';
import { openWorld } from '../src/worlds/open-world.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { gradeFactor } from '../src/worlds/source-grade.js';
import { columnSlice } from '../src/worlds/tie-columns.js';
import { memoryWorld } from './helpers/memory-world.js';

/** Mean of parts with weights, the way a snapshot states it (latest date, evidence in order). */
function mean(parts: TieAt[], weights: number[], layer: TieAt['dimension']): TieAt {
  let w = 0;
  let v = 0;
  let c = 0;
  parts.forEach((p, i) => {
    w += weights[i]!;
    v += weights[i]! * p.value;
    c += weights[i]! * p.confidence;
  });
  const observed = parts.reduce(
    (o, p) => (startOf(p.observed) > startOf(o) ? p.observed : o),
    parts[0]!.observed,
  );
  const origins = [...new Set(parts.map((p) => p.origin ?? 'curated'))];
  return {
    a: parts[0]!.a,
    b: parts[0]!.b,
    dimension: layer,
    value: w > 0 ? v / w : 0,
    confidence: w > 0 ? c / w : 0,
    observed,
    evidence: [...new Set(parts.flatMap((p) => p.evidence))],
    ...(origins.some((o) => o !== 'curated') && { origin: origins.join('+') }),
  };
}

function scan(s: TieSeries, at: string) {
  let found: TieSeries['observations'][number] | undefined;
  for (const o of s.observations) {
    if (startOf(o.at) > endOf(at)) break;
    found = o;
  }
  return found?.until && endOf(found.until) < endOf(at) ? undefined : found;
}

const order = (x: TieAt, y: TieAt) => (`${x.a}\u0000${x.b}` < `${y.a}\u0000${y.b}` ? -1 : 1);

/** The snapshot's ties by brute force over world.ties. */
function bruteForce(world: World, at: string, weights: Partial<Record<Dimension, number>> = {}) {
  const alive = new Set(snapshot(world, at).actors.map((a) => a.id));
  const byDimension = {} as Record<Dimension, TieAt[]>;
  for (const d of DIMENSIONS) {
    const dyads = new Map<string, Map<string, TieAt[]>>();
    for (const s of world.ties) {
      const o = s.dimension === d ? scan(s, at) : undefined;
      const [a, b] = [s.a, s.b].sort() as [string, string];
      if (!o || !alive.has(a) || !alive.has(b)) continue;
      const origins = dyads.get(`${a}\u0000${b}`) ?? new Map<string, TieAt[]>();
      dyads.set(`${a}\u0000${b}`, origins);
      const tie = {
        a,
        b,
        dimension: d,
        value: o.value,
        // source grades enter confidence (src/worlds/source-grade.ts)
        confidence: o.confidence * gradeFactor(world, o.evidence),
        observed: o.at,
        evidence: o.evidence,
      };
      origins.set(s.origin ?? 'curated', [...(origins.get(s.origin ?? 'curated') ?? []), tie]);
    }
    byDimension[d] = [...dyads.values()]
      .map((origins) => {
        const all = [...origins].map(([origin, parts]) => {
          const t =
            parts.length === 1
              ? { ...parts[0]! }
              : mean(
                  parts,
                  parts.map(() => 1),
                  d,
                );
          delete t.origin;
          return { origin, t };
        });
        const used = all.find((x) => x.origin === 'curated') ?? all[0]!;
        const others = all
          .filter((x) => x !== used)
          .map(({ origin, t }) => ({
            origin,
            value: t.value,
            confidence: t.confidence,
            observed: t.observed,
            evidence: t.evidence,
          }));
        return {
          ...used.t,
          ...(used.origin !== 'curated' && { origin: used.origin }),
          ...(others.length > 0 && { alternatives: others }),
        };
      })
      .sort(order);
  }
  const w = (d: Dimension) => weights[d] ?? world.meta.dimensionWeights?.[d] ?? 1;
  const dyads = new Map<string, TieAt[]>();
  for (const d of DIMENSIONS.filter((d) => w(d) > 0))
    for (const t of byDimension[d])
      dyads.set(`${t.a}\u0000${t.b}`, [...(dyads.get(`${t.a}\u0000${t.b}`) ?? []), t]);
  // Dimensions coded on the dyad at some date but with no value at `at` are listed as missing.
  const codedKeys = new Set(world.ties.map((s) => `${s.dimension}\u0000${[s.a, s.b].sort().join('\u0000')}`));
  const coded = (a: string, b: string, d: Dimension) => codedKeys.has(`${d}\u0000${a}\u0000${b}`);
  const composite = [...dyads.values()]
    .map((parts) => {
      const tie: TieAt = mean(
        parts,
        parts.map((p) => w(p.dimension as Dimension)),
        'composite',
      );
      const have = new Set(parts.map((p) => p.dimension));
      const missing = DIMENSIONS.filter((d) => w(d) > 0 && !have.has(d) && coded(tie.a, tie.b, d));
      if (missing.length > 0) tie.missing = missing;
      return tie;
    })
    .sort(order);
  return { byDimension, composite };
}

function expectSame(world: World, at: string, weights: Partial<Record<Dimension, number>> = {}) {
  const want = bruteForce(world, at, weights);
  // The index is what is checked here; carrying back (eurasia's setting) has its own tests.
  const got = snapshot(world, at, { weights, missing: { carryBackMonths: 0 } });
  expect(JSON.stringify(got.byDimension), `${world.meta.id} ${at}`).toBe(JSON.stringify(want.byDimension));
  expect(JSON.stringify(got.ties), `${world.meta.id} ${at}`).toBe(JSON.stringify(want.composite));
  for (const d of DIMENSIONS) {
    expect(JSON.stringify(snapshot(world, at, { layer: d, missing: { carryBackMonths: 0 } }).ties)).toBe(
      JSON.stringify(want.byDimension[d]),
    );
  }
}

describe('snapshot against a brute-force scan of the raw series', () => {
  it('global, at dates across its history', () => {
    const world = loadWorld('global');
    for (const at of ['1946', '1962-10', '1985', '1991-12-25', '2014', '2023']) expectSame(world, at);
    expectSame(world, '1985', { security: 2, economic: 0 });
  });

  it('global read straight from its columns, before any observation object is built', () => {
    const world = loadWorld('global');
    const dates = ['1962-10', '1985', '2014'];
    const fresh = { missing: { carryBackMonths: 0 } };
    const got = dates.map((at) => ({
      snap: snapshot(world, at, fresh),
      layers: DIMENSIONS.map((layer) => snapshot(world, at, { ...fresh, layer }).ties),
    }));
    expect(world.ties.every((s) => columnSlice(s) !== undefined)).toBe(true);
    dates.forEach((at, i) => {
      const want = bruteForce(world, at);
      expect(JSON.stringify(got[i]!.snap.byDimension), at).toBe(JSON.stringify(want.byDimension));
      expect(JSON.stringify(got[i]!.snap.ties), at).toBe(JSON.stringify(want.composite));
      expect(JSON.stringify(got[i]!.layers), at).toBe(
        JSON.stringify(DIMENSIONS.map((d) => want.byDimension[d])),
      );
    });
    expect(world.ties.some((s) => columnSlice(s) !== undefined)).toBe(false);
  });

  it('eurasia, and eurasia overlaid on global (curated and derived side by side)', () => {
    const eurasia = loadWorld('eurasia');
    for (const at of ['1992', '2001-09', '2016-01', '2021-12', '2024-06-30']) expectSame(eurasia, at);
    const both = openWorld('eurasia+global');
    for (const at of ['1985', '2016-01']) expectSame(both, at);
  });

  it('small random worlds: directed pairs, several origins, unsorted series, lifetimes', () => {
    const ids = ['A', 'B', 'C', 'D'];
    // Few distinct dates, some of them days, so observations often start on the very day asked for.
    const month = fc
      .tuple(fc.integer({ min: 1990, max: 1992 }), fc.constantFrom('01', '06', '12'))
      .map(([y, m]) => `${y}-${m}`);
    const date = fc.oneof(
      month,
      fc.tuple(month, fc.constantFrom('01', '15', '28')).map(([m, d]) => `${m}-${d}`),
    );
    const series = fc.record(
      {
        a: fc.constantFrom(...ids),
        b: fc.constantFrom(...ids),
        dimension: fc.constantFrom<Dimension>('military', 'economic', 'security'),
        directed: fc.boolean(),
        origin: fc.constantFrom('events', 'global'),
        observations: fc.array(
          fc.record(
            {
              at: date,
              until: date,
              value: fc.double({ min: -1, max: 1, noNaN: true }),
              confidence: fc.double({ min: 0, max: 1, noNaN: true }),
              evidence: fc.subarray(['e1', 'e2', 'e3'], { minLength: 1 }),
            },
            { requiredKeys: ['at', 'value', 'confidence', 'evidence'] },
          ),
          { minLength: 1, maxLength: 5 },
        ),
      },
      { requiredKeys: ['a', 'b', 'dimension', 'directed', 'observations'] },
    );
    const life = fc.record({ since: date, until: date }, { requiredKeys: [] });
    fc.assert(
      fc.property(
        fc.array(
          series.filter((s) => s.a !== s.b),
          { maxLength: 14 },
        ),
        fc.array(life, { minLength: ids.length, maxLength: ids.length }),
        fc.boolean(),
        date,
        fc.double({ min: 0, max: 3, noNaN: true }),
        (ties, lives, sortSeries, at, wSec) => {
          const world: World = memoryWorld(ids, {
            meta: { period: { from: '1990', to: '1992' } },
            actors: ids.map((id, i) => ({
              id,
              kind: 'state',
              name: id,
              aliases: [],
              evidence: ['e1'],
              ...lives[i],
            })),
            ties: sortSeries
              ? ties.map((s) => ({
                  ...s,
                  observations: [...s.observations].sort((x, y) => (x.at < y.at ? -1 : 1)),
                }))
              : ties,
          });
          expectSame(world, at, { security: wSec });
        },
      ),
      { numRuns: 300 },
    );
  });
});
