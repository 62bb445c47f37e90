import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Observation, type TieSeries } from '../domain/schema.js';
import { observationAt, type SeriesIndex, seriesIndex } from './series-index.js';

/** One dimension's groups as objects: a and b, and the positions of their series. */
function groupsOf(index: SeriesIndex, d: 'military' | 'economic') {
  const g = index.groups;
  return Array.from({ length: g.count }, (_, k) => ({
    dimension: DIMENSIONS[g.dimension[k]!],
    a: index.ids[g.ra[k]!]!,
    b: index.ids[g.rb[k]!]!,
    members: Array.from(index.members.subarray(g.start[k]!, g.start[k + 1]!)),
  })).filter((x) => x.dimension === d);
}

const date = fc.oneof(
  fc.integer({ min: 1990, max: 1999 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1990, max: 1999 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .record({
      y: fc.integer({ min: 1990, max: 1999 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const observation: fc.Arbitrary<Observation> = fc.record(
  {
    at: date,
    until: date,
    value: fc.double({ min: -1, max: 1, noNaN: true }),
    confidence: fc.constant(0.5),
    evidence: fc.constant<string[]>(['e']),
  },
  { requiredKeys: ['at', 'value', 'confidence', 'evidence'] },
);
const byStart = (x: Observation, y: Observation) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0);
/** Series in date order (as validated worlds have them), with repeats, or in any order. */
const seriesArb = fc
  .record({
    a: fc.constantFrom('A', 'B', 'C'),
    b: fc.constantFrom('A', 'B', 'C'),
    dimension: fc.constantFrom('military' as const, 'economic' as const),
    sorted: fc.boolean(),
    observations: fc.array(observation, { minLength: 1, maxLength: 8 }),
  })
  .map(
    ({ sorted, observations, ...s }): TieSeries => ({
      ...s,
      directed: false,
      observations: sorted ? [...observations].sort(byStart) : observations,
    }),
  );

describe('seriesIndex', () => {
  it('finds the same observation (the same object) as scanning, for every series and date', () => {
    fc.assert(
      fc.property(fc.array(seriesArb, { maxLength: 10 }), fc.array(date, { maxLength: 6 }), (ties, dates) => {
        const index = seriesIndex(ties);
        const entries = [...groupsOf(index, 'military'), ...groupsOf(index, 'economic')];
        const listed = entries.flatMap((g) => g.members.map((i) => index.series[i]));
        expect(listed.length).toBe(ties.length);
        for (const s of ties) expect(listed).toContain(s);
        for (const at of dates) {
          const find = index.at(at);
          for (const g of entries)
            for (const i of g.members) expect(find(i)).toBe(observationAt(index.series[i]!, at));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('groups series per dimension and dyad (a < b), dyads in order, series in world order', () => {
    const s = (a: string, b: string, dimension: 'military' | 'economic', value: number): TieSeries => ({
      a,
      b,
      dimension,
      directed: true,
      observations: [{ at: '1990', value, confidence: 0.5, evidence: ['e'] }],
    });
    const ties = [s('C', 'A', 'military', 1), s('B', 'A', 'military', 2), s('A', 'C', 'military', 3)];
    const index = seriesIndex([...ties, s('A', 'B', 'economic', 4)]);
    expect(
      groupsOf(index, 'military').map((g) => [
        g.a,
        g.b,
        g.members.map((i) => index.series[i]!.observations[0]!.value),
      ]),
    ).toEqual([
      ['A', 'B', [2]],
      ['A', 'C', [1, 3]],
    ]);
    expect(groupsOf(index, 'economic').map((g) => `${g.a}-${g.b}`)).toEqual(['A-B']);
  });

  it('notices series replaced, added or grown since it was built, and never writes to them', () => {
    const obs = (at: string, value: number): Observation => ({ at, value, confidence: 0.5, evidence: ['e'] });
    const series: TieSeries = {
      a: 'A',
      b: 'B',
      dimension: 'military',
      directed: false,
      observations: [obs('1990', 1)],
    };
    const ties = [series];
    const freeze = <T>(x: T): T => {
      if (x && typeof x === 'object') for (const v of Object.values(x)) freeze(v);
      return Object.freeze(x);
    };
    freeze(series);
    const value = () => {
      const index = seriesIndex(ties);
      const find = index.at('1995');
      return groupsOf(index, 'military').flatMap((g) => g.members.map((i) => find(i)?.value));
    };
    expect(value()).toEqual([1]);
    // A world built in memory may grow; a stale index would miss the new observation.
    const grown = { ...series, observations: [...series.observations] };
    ties[0] = grown;
    grown.observations.push(obs('1994', 2));
    expect(value()).toEqual([2]);
    grown.observations.push(obs('1995', 3));
    expect(value()).toEqual([3]);
    ties.push({ ...series, b: 'C' });
    expect(value()).toEqual([3, 1]);
  });
});
