import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../../test/helpers/memory-world.js';
import type { TieSeries } from '../../domain/schema.js';
import type { World } from '../../domain/world.js';
import { compileWorld, compositeWithLayer } from './world-model.js';

const tie = (dimension: TieSeries['dimension'], at: string, value: number): TieSeries => ({
  a: 'A',
  b: 'B',
  dimension,
  directed: false,
  observations: [{ at, value, confidence: 0.8, evidence: ['e'] }],
});

// trade is coded only from 2005; a 2003 composite carries it back
const world: World = memoryWorld(['A', 'B'], {
  meta: { period: { from: '1990', to: '2021' }, compositeCarryBackMonths: 60 },
  ties: [tie('military', '1990', 0.7), tie('diplomatic', '2000', 0.4), tie('economic', '2005', 0.2)],
});

describe('compileWorld', () => {
  it('holds the dimensions the composite carried back, so a layer shock starts from the composite', () => {
    const m = compileWorld(world, '2003');
    const x = 1; // A–B
    expect(m.ties[x]).toBeCloseTo((0.7 + 0.4 + 0.2) / 3, 12);
    expect(m.layerObserved.economic[x]).toBe(1);
    expect(m.layers.economic[x]).toBe(0.2);
    // setting diplomacy to the value it has changes nothing
    expect(compositeWithLayer(m, x, 'diplomatic', 0.4)).toBeCloseTo(m.ties[x]!, 12);
  });
});
