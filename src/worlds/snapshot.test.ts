import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../test/helpers/memory-world.js';
import { InvalidInputError } from '../domain/errors.js';
import { existsAt } from '../domain/lifetime.js';
import { DIMENSIONS, type TieSeries } from '../domain/schema.js';
import { endOf, startOf } from '../domain/time.js';
import type { World } from '../domain/world.js';
import { snapshot } from './snapshot.js';

const IDS = ['A', 'B', 'C', 'D', 'E'];
const date = fc
  .record({ y: fc.integer({ min: 1971, max: 2021 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

const series = fc
  .record({
    pair: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 2, maxLength: 2 }),
    dimension: fc.constantFrom(...DIMENSIONS),
    obs: fc.uniqueArray(fc.record({ at: date, value: fc.double({ min: -1, max: 1, noNaN: true }) }), {
      minLength: 1,
      maxLength: 6,
      selector: (o) => o.at,
    }),
  })
  .map(
    ({ pair, dimension, obs }): TieSeries => ({
      a: pair[0]!,
      b: pair[1]!,
      dimension,
      directed: false,
      observations: [...obs]
        .sort((x, y) => (x.at < y.at ? -1 : 1))
        .map((o) => ({ ...o, confidence: 0.5, evidence: ['e'] })),
    }),
  );

const worldArb = fc
  .uniqueArray(series, { maxLength: 12, selector: (s) => `${[s.a, s.b].sort().join('-')}:${s.dimension}` })
  .map((ties): World => memoryWorld(IDS, { ties }));

describe('snapshot', () => {
  it('never holds a value outside [-1, 1] on any layer', () => {
    fc.assert(
      fc.property(worldArb, date, (world, at) => {
        const snap = snapshot(world, at);
        for (const t of [...snap.ties, ...DIMENSIONS.flatMap((d) => snap.byDimension[d])]) {
          expect(t.value).toBeGreaterThanOrEqual(-1);
          expect(t.value).toBeLessThanOrEqual(1);
          expect(t.a < t.b).toBe(true);
        }
      }),
    );
  });

  it('gives each dimension its latest observation at or before the date, never an average', () => {
    fc.assert(
      fc.property(worldArb, date, (world, at) => {
        for (const s of world.ties) {
          const got = snapshot(world, at, { layer: s.dimension }).ties.find(
            (t) => t.a === [s.a, s.b].sort()[0] && t.b === [s.a, s.b].sort()[1],
          );
          const past = s.observations.filter((o) => startOf(o.at) <= endOf(at));
          const latest = past[past.length - 1];
          if (!latest) expect(got).toBeUndefined();
          else {
            expect(got?.value).toBe(latest.value);
            expect(got?.observed).toBe(latest.at);
          }
        }
      }),
    );
  });

  it('without carrying back, composite is the weighted mean of the dimensions present', () => {
    fc.assert(
      fc.property(worldArb, date, fc.double({ min: 0.1, max: 5, noNaN: true }), (world, at, wMil) => {
        const snap = snapshot(world, at, { weights: { military: wMil }, missing: { carryBackMonths: 0 } });
        for (const t of snap.ties) {
          expect(t.carried).toBeUndefined();
          const parts = DIMENSIONS.flatMap((d) =>
            snap.byDimension[d].filter((x) => x.a === t.a && x.b === t.b).map((x) => ({ d, v: x.value })),
          );
          const w = (d: string) => (d === 'military' ? wMil : 1);
          const mean = parts.reduce((s, p) => s + w(p.d) * p.v, 0) / parts.reduce((s, p) => s + w(p.d), 0);
          expect(t.value).toBeCloseTo(mean, 12);
        }
      }),
    );
  });

  it('composite is the weighted mean of the dimensions present and those it carries back', () => {
    fc.assert(
      fc.property(worldArb, date, fc.double({ min: 0.1, max: 5, noNaN: true }), (world, at, wMil) => {
        const snap = snapshot(world, at, { weights: { military: wMil } });
        for (const t of snap.ties) {
          const parts = [
            ...DIMENSIONS.flatMap((d) =>
              snap.byDimension[d].filter((x) => x.a === t.a && x.b === t.b).map((x) => ({ d, v: x.value })),
            ),
            ...(t.carried ?? []).map((c) => ({ d: c.dimension, v: c.value })),
          ];
          expect(new Set(parts.map((p) => p.d)).size).toBe(parts.length);
          const w = (d: string) => (d === 'military' ? wMil : 1);
          const mean = parts.reduce((s, p) => s + w(p.d) * p.v, 0) / parts.reduce((s, p) => s + w(p.d), 0);
          expect(t.value).toBeCloseTo(mean, 12);
        }
      }),
    );
  });

  it('uses the curated value where it has one and shows every derived one beside it', () => {
    fc.assert(
      fc.property(worldArb, date, fc.double({ min: -1, max: 1, noNaN: true }), (world, at, derivedValue) => {
        // every curated series gets a derived twin from 'events' with one observation at 1971-01
        const derived = world.ties.map(
          (s): TieSeries => ({
            ...s,
            origin: 'events',
            observations: [{ at: '1971-01', value: derivedValue, confidence: 0.3, evidence: ['d'] }],
          }),
        );
        const both = { ...world, ties: [...derived, ...world.ties] };
        const curatedOnly = snapshot(world, at);
        const snap = snapshot(both, at);
        for (const d of DIMENSIONS) {
          const curated = new Map(curatedOnly.byDimension[d].map((t) => [`${t.a}-${t.b}`, t]));
          for (const t of snap.byDimension[d]) {
            const c = curated.get(`${t.a}-${t.b}`);
            if (c) {
              expect(t.value).toBe(c.value);
              expect(t.origin).toBeUndefined();
              expect(t.alternatives).toEqual([
                {
                  origin: 'events',
                  value: derivedValue,
                  confidence: 0.3,
                  observed: '1971-01',
                  evidence: ['d'],
                },
              ]);
            } else {
              expect(t.value).toBe(derivedValue);
              expect(t.origin).toBe('events');
              expect(t.alternatives).toBeUndefined();
            }
          }
        }
        for (const t of snap.ties) {
          const origins = new Set(
            DIMENSIONS.flatMap((d) => snap.byDimension[d].filter((x) => x.a === t.a && x.b === t.b)).map(
              (x) => x.origin ?? 'curated',
            ),
          );
          if (origins.has('events')) expect(t.origin?.split('+').sort()).toEqual([...origins].sort());
          else expect(t.origin).toBeUndefined();
        }
      }),
    );
  });

  it('leaves out actors outside their lifetime, and every tie or capability that touches them', () => {
    const lifetime = fc.record(
      { since: fc.option(date, { nil: undefined }), until: fc.option(date, { nil: undefined }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        worldArb,
        fc.array(lifetime, { minLength: IDS.length, maxLength: IDS.length }),
        date,
        (w, lives, at) => {
          const world: World = {
            ...w,
            actors: w.actors.map((a, i) => ({ ...a, ...lives[i] })),
            capabilities: IDS.map((actor) => ({ actor, year: 1971, cinc: 0.1, evidence: ['e'] })),
          };
          const snap = snapshot(world, at);
          const alive = new Set(world.actors.filter((a) => existsAt(a, at)).map((a) => a.id));
          expect(snap.actors.map((a) => a.id)).toEqual(IDS.filter((id) => alive.has(id)));
          expect(Object.keys(snap.capabilities).sort()).toEqual([...alive].sort());
          for (const t of [...snap.ties, ...DIMENSIONS.flatMap((d) => snap.byDimension[d])]) {
            expect(alive.has(t.a) && alive.has(t.b)).toBe(true);
          }
          // The ties among living actors are exactly those of the world without lifetimes.
          const all = snapshot(w, at).ties.filter((t) => alive.has(t.a) && alive.has(t.b));
          expect(snap.ties).toEqual(all);
        },
      ),
      { seed: 16 },
    );
  });
});

describe('snapshot: dimensions without a value at the date', () => {
  const obs = (at: string, value: number, until?: string) => ({
    at,
    value,
    confidence: 0.8,
    evidence: ['e'],
    ...(until && { until }),
  });
  const tie = (dimension: TieSeries['dimension'], observations: TieSeries['observations']): TieSeries => ({
    a: 'A',
    b: 'B',
    dimension,
    directed: false,
    observations,
  });
  // Diplomacy rises 0.4 → 0.8 while arms stay at 0.7; trade is coded only from 2005, and lapses in
  // 2012 without a new value. The world lets the composite carry five years back, as eurasia does.
  const world: World = memoryWorld(['A', 'B'], {
    meta: { period: { from: '1990', to: '2021' }, compositeCarryBackMonths: 60 },
    ties: [
      tie('military', [obs('1990', 0.7)]),
      tie('diplomatic', [obs('2000', 0.4), obs('2010', 0.8)]),
      tie('economic', [obs('2005', 0.2, '2012'), obs('2016', 0.5)]),
    ],
  });
  const ab = (at: string, options: Parameters<typeof snapshot>[2] = {}) =>
    snapshot(world, at, options).ties[0];

  it('carries a dimension coded later back to the date, so the composite follows the change', () => {
    const before = ab('2003')!;
    expect(before.value).toBeCloseTo((0.4 + 0.7 + 0.2) / 3, 12);
    expect(before.carried).toEqual([
      { dimension: 'economic', value: 0.2, confidence: 0.4, observed: '2005' },
    ]);
    expect(before.missing).toBeUndefined();
    expect(before.observed).toBe('2000');
    expect(before.confidence).toBeCloseTo((0.8 + 0.8 + 0.4) / 3, 12);
    const after = ab('2011')!;
    expect(after.value).toBeCloseTo((0.8 + 0.7 + 0.2) / 3, 12);
    expect(after.value - before.value).toBeCloseTo(0.4 / 3, 12);
    // the layers themselves hold observations only
    expect(snapshot(world, '2003', { layer: 'economic' }).ties).toEqual([]);
  });

  it('reports a dimension as no data beyond the window or after its value lapsed, never as neutral', () => {
    const early = ab('1995')!; // diplomacy starts within five years, trade does not
    expect(early.value).toBeCloseTo((0.7 + 0.4) / 2, 12);
    expect(early.carried?.map((c) => c.dimension)).toEqual(['diplomatic']);
    expect(early.missing).toEqual(['economic']);
    const lapsed = ab('2014')!; // trade expired in 2012; its 2016 value is not read back
    expect(lapsed.value).toBeCloseTo((0.8 + 0.7) / 2, 12);
    expect(lapsed.carried).toBeUndefined();
    expect(lapsed.missing).toEqual(['economic']);
  });

  it('takes the window, the confidence factor and the weights from the options', () => {
    const off = ab('2003', { missing: { carryBackMonths: 0 } })!;
    expect(off.value).toBeCloseTo((0.4 + 0.7) / 2, 12);
    expect(off.missing).toEqual(['economic']);
    expect(ab('2003', { missing: { carryBackMonths: 12 } })!.missing).toEqual(['economic']);
    expect(ab('2003', { missing: { carryBackMonths: 13 } })!.carried?.[0]?.dimension).toBe('economic');
    expect(ab('2003', { missing: { carriedConfidence: 1 } })!.carried?.[0]?.confidence).toBe(0.8);
    const unweighted = ab('2003', { weights: { economic: 0 } })!;
    expect(unweighted.carried).toBeUndefined();
    expect(unweighted.missing).toBeUndefined();
    expect(unweighted.value).toBeCloseTo((0.4 + 0.7) / 2, 12);
  });

  it('carries nothing back unless the world or the caller asks', () => {
    const { compositeCarryBackMonths: _, ...meta } = world.meta;
    const strict = snapshot({ ...world, meta }, '2003').ties[0]!;
    expect(strict.value).toBeCloseTo((0.4 + 0.7) / 2, 12);
    expect(strict.carried).toBeUndefined();
    expect(strict.missing).toEqual(['economic']);
    const asked = snapshot({ ...world, meta }, '2003', { missing: { carryBackMonths: 60 } }).ties[0]!;
    expect(asked.carried?.[0]?.dimension).toBe('economic');
  });

  it('makes no tie of a dyad that has no dimension in force at the date', () => {
    expect(ab('1989')).toBeUndefined();
  });

  it('rejects a window or confidence factor out of range with a named error', () => {
    expect(() => ab('2003', { missing: { carryBackMonths: -1 } })).toThrow(InvalidInputError);
    expect(() => ab('2003', { missing: { carryBackMonths: 1.5 } })).toThrow(/carryBackMonths/);
    expect(() => ab('2003', { missing: { carriedConfidence: 2 } })).toThrow(/carriedConfidence/);
  });
});
