import { describe, expect, it } from 'vitest';
import { compositeSnapshot, compositeTie as tie } from '../../../test/helpers/composite-snapshot.js';
import { memoryWorld } from '../../../test/helpers/memory-world.js';
import { balanceWorld } from '../../../test/helpers/signed-graphs.js';
import { snapshot } from '../../worlds/snapshot.js';
import { triangleInSnapshot } from './strategic-triangle.js';
import { triangleHistory } from './triangle-history.js';

describe('triangleHistory', () => {
  it('follows the triangle through the 2019 change, with roles only where the type has them', async () => {
    const world = balanceWorld();
    const actors = ['PIV', 'WNA', 'WNB'] as const;
    const history = await triangleHistory(world, actors, { from: '2016', to: '2020', every: 48 });
    expect(history.map((p) => [p.at, p.type])).toEqual([
      ['2016-01', 'stable-marriage'],
      ['2020-01', 'romantic'],
    ]);
    const then = triangleInSnapshot(snapshot(world, '2020-01'), actors);
    expect(history[1]).toEqual({ at: '2020-01', type: 'romantic', pivot: then.pivot, ties: then.ties });
    expect(history[0]).not.toHaveProperty('pivot');
  });

  it('leaves out the dates at which one of the three is not in the world', async () => {
    const ties = [tie('A', 'B', 0.6, 1), tie('A', 'C', 0.5, 1), tie('B', 'C', -0.8, 1)];
    const snapshotAt = (at: string) => compositeSnapshot(at < '2019' ? ['A', 'B'] : ['A', 'B', 'C'], ties);
    const history = await triangleHistory(memoryWorld(['A', 'B', 'C']), ['A', 'B', 'C'], {
      from: '2017',
      to: '2020',
      every: 12,
      snapshotAt,
    });
    expect(history.map((p) => p.at)).toEqual(['2019-01', '2020-01']);
    expect(history.every((p) => p.type === 'romantic' && p.pivot === 'A')).toBe(true);
  });

  it('counts ties below the neutral band as absent', async () => {
    const ties = [tie('A', 'B', 0.6, 1), tie('A', 'C', 0.5, 1), tie('B', 'C', -0.2, 1)];
    const snapshotAt = () => compositeSnapshot(['A', 'B', 'C'], ties);
    const options = { from: '2020', to: '2020', snapshotAt };
    const world = memoryWorld(['A', 'B', 'C']);
    expect((await triangleHistory(world, ['A', 'B', 'C'], options))[0]!.type).toBe('romantic');
    const wide = await triangleHistory(world, ['A', 'B', 'C'], { ...options, neutral: 0.3 });
    expect(wide[0]!.type).toBe('incomplete');
  });
});
