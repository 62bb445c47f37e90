import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../../test/helpers/memory-world.js';
import { NotFoundError } from '../../domain/errors.js';
import { Claim, type TieSeries } from '../../domain/schema.js';
import { checkClaims } from './check-claims.js';

const series = (a: string, b: string, obs: [string, number, number][], dimension = 'diplomatic'): TieSeries =>
  ({
    a,
    b,
    dimension,
    directed: false,
    observations: obs.map(([at, value, confidence]) => ({ at, value, confidence, evidence: ['e'] })),
  }) as TieSeries;

// X leans from B to A between 2014 and 2017 while A and B stay rivals; A–C is thin and uncertain.
const ties = [
  series('A', 'X', [
    ['2014-01', 0.3, 1],
    ['2017-07', 0.7, 1],
  ]),
  series('B', 'X', [
    ['2014-01', 0.5, 1],
    ['2017-07', 0.2, 1],
  ]),
  series('A', 'B', [['2014-01', -0.8, 1]]),
  series('A', 'C', [['2014-01', 0.12, 0.3]]),
  series('C', 'X', [['2016-01', 0.5, 1]], 'military'),
];

const claim = (id: string, date: string, test?: unknown) =>
  Claim.parse({ id, author: 'An Analyst', date, thesis: id, about: ['X'], evidence: ['e'], test });

const world = memoryWorld(['A', 'B', 'C', 'X'], {
  ties,
  claims: [
    claim('tilts-to-a', '2017-07', {
      tilt: 'X',
      between: ['A', 'B'],
      direction: 'towards-first',
      over: ['2014-01', '2017-07'],
    }),
    claim('x-b-warms', '2017-07', { trend: ['X', 'B'], over: ['2014-01', '2017-07'], direction: 'rising' }),
    claim('x-pivot', '2017-07', { triangle: ['X', 'A', 'B'], pivot: 'X' }),
    claim('x-outcast', '2017-07', { triangle: ['X', 'A', 'B'], type: 'stable-marriage', outcast: 'X' }),
    claim('a-c-friends', '2017-07', { tie: ['A', 'C'], sign: 'positive' }),
    claim('x-c-arms', '2015-01', { tie: ['X', 'C'], dimension: 'military', sign: 'positive' }),
    claim('half-right', '2017-07', [
      { tie: ['A', 'B'], sign: 'negative' },
      { tie: ['A', 'X'], sign: 'negative' },
    ]),
    claim('a-view', '2017-07'),
  ],
});

describe('checkClaims', () => {
  const checks = checkClaims(world, { seed: 3 });
  const byId = Object.fromEntries(checks.map((c) => [c.id, c]));

  it('supports a tilt that grows towards the first side across the window, with its series', () => {
    const c = byId['tilts-to-a']!;
    expect(c.verdict).toBe('supported');
    expect(c.measured).toEqual({ from: -0.25, to: 0.556, change: 0.806 });
    expect(c.tests[0]!.series!.map((p) => p.at)).toEqual([
      '2014-01',
      '2014-07',
      '2015-01',
      '2015-07',
      '2016-01',
      '2016-07',
      '2017-01',
      '2017-07',
    ]);
    expect(c.tests[0]!.support).toBe(1);
  });

  it('contradicts a trend the other way and a triangle of another shape', () => {
    expect(byId['x-b-warms']!.verdict).toBe('contradicted');
    expect(byId['x-b-warms']!.measured).toEqual({ from: 0.5, to: 0.2, change: -0.3 });
    expect(byId['x-pivot']!.verdict).toBe('supported');
    expect(byId['x-pivot']!.measured.type).toBe('romantic');
    expect(byId['x-outcast']!.verdict).toBe('contradicted');
  });

  it('calls a reading near the neutral cut-off on an uncertain tie mixed', () => {
    const c = byId['a-c-friends']!;
    expect(c.measured).toEqual({ value: 0.12 });
    expect(c.verdict).toBe('mixed');
    expect(c.tests[0]!.support).toBeGreaterThan(0.25);
    expect(c.tests[0]!.support).toBeLessThan(0.75);
    // without draws the coded value alone decides
    expect(checkClaims(world, { claim: 'a-c-friends', draws: 0 })[0]!.verdict).toBe('supported');
  });

  it('separates no data, not testable and a claim whose tests disagree', () => {
    expect(byId['x-c-arms']!.verdict).toBe('no-data');
    expect(byId['a-view']!.verdict).toBe('not-testable');
    expect(byId['half-right']!.verdict).toBe('mixed');
    expect(byId['half-right']!.measured).toEqual({ '1.value': -0.8, '2.value': 0.7 });
  });

  it('repeats for the same seed and refuses an unknown claim id', () => {
    expect(checkClaims(world, { seed: 3 })).toEqual(checks);
    expect(() => checkClaims(world, { claim: 'nope' })).toThrow(NotFoundError);
  });
});
