import { describe, expect, it } from 'vitest';
import { balanceWorld } from '../../../test/helpers/signed-graphs.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { snapshot } from '../../worlds/snapshot.js';
import { tiltBetween } from '../balancing/tilt.js';
import { measureHelp, parseMeasure } from './measures.js';
import { seriesOf } from './series-of.js';

const world = balanceWorld();

describe('seriesOf', () => {
  it('evaluates a measure at every date of the range', async () => {
    const points = await seriesOf(world, (s) => s.ties.length, { from: '2015', to: '2021-12', every: 24 });
    expect(points.map((p) => p.at)).toEqual(['2015-01', '2017-01', '2019-01', '2021-01']);
    expect(points.map((p) => p.value)).toEqual(
      ['2015-01', '2017-01', '2019-01', '2021-01'].map((at) => snapshot(world, at).ties.length),
    );
  });
});

describe('named measures', () => {
  it('follow the tilt and the triangle type through the 2019 change', async () => {
    const tilt = parseMeasure('tilt:PIV:WNA:WNB');
    const points = await seriesOf(world, tilt.fn, { from: '2016', to: '2020', every: 48 });
    expect(points[0]!.value).toBeCloseTo(tiltBetween(0.7, -0.3), 12);
    expect(points[1]!.value).toBeCloseTo(tiltBetween(0.5, 0.4), 12);
    const types = await seriesOf(world, parseMeasure('triangle:PIV:WNA:WNB').fn, {
      from: '2016',
      to: '2020',
      every: 48,
    });
    expect(types.map((p) => p.value)).toEqual(['stable-marriage', 'romantic']);
    const pivot = await parseMeasure('pivot:WNA:WNB:PIV').fn(snapshot(world, '2020'));
    expect(pivot).toBe('PIV');
  });

  it('computes every listed measure on a snapshot', async () => {
    const s = snapshot(world, '2021-12');
    const specs = measureHelp()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0]!.split(':'))
      .map(([name, ...args]) => [name, ...args.map((_, k) => ['PIV', 'WNA', 'WNB'][k])].join(':'));
    expect(specs.length).toBeGreaterThan(10);
    for (const spec of specs) {
      const v = await parseMeasure(spec).fn(s);
      expect(v === null || typeof v === 'number' || typeof v === 'string', spec).toBe(true);
    }
    expect(await parseMeasure('frustration').fn(s)).toBeGreaterThanOrEqual(0);
  });

  it('rejects unknown measures, wrong arity and unknown actors', async () => {
    expect(() => parseMeasure('nonsense')).toThrow(InvalidInputError);
    expect(() => parseMeasure('tilt:PIV:WNA')).toThrow(/tilt:X:A:B/);
    await expect(parseMeasure('tilt:PIV:WNA:ZZZ').fn(snapshot(world, '2021'))).rejects.toThrow(NotFoundError);
  });
});
