import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain/errors.js';
import { stream } from '../kernels/random.js';
import { loadBargainingInput } from './input/load.js';
import { forecastSensitivity } from './sensitivity.js';
import type { BargainingActor, BargainingInput } from './types.js';

const actor = (id: string, position: number, salience: number, capability: number): BargainingActor => ({
  id,
  name: id,
  capability,
  position: [position],
  salience: [salience],
});

/** Five actors who nearly agree: any plausible error in their numbers leaves the outcome near 60. */
const CONSENSUS: BargainingInput = {
  name: 'consensus',
  description: 'five actors within ten points of each other',
  dimensions: ['support'],
  scale: { min: 0, max: 100 },
  actors: [
    actor('A', 55, 60, 1),
    actor('B', 58, 50, 2),
    actor('C', 60, 70, 1.5),
    actor('D', 62, 40, 1),
    actor('E', 65, 55, 0.5),
  ],
};

const SEEDS = ['russia-joins-cpec', 'afghan-settlement-taliban', 'pakistan-nsg-bid'];

describe('forecastSensitivity', () => {
  it.each(SEEDS)('puts the point forecast of %s inside its band', (name) => {
    const s = forecastSensitivity(loadBargainingInput(name), stream(7), { draws: 60 });
    for (const d of s.dimensions) {
      for (const b of [d.median, d.mean]) {
        expect(b.low).toBeLessThanOrEqual(b.point);
        expect(b.high).toBeGreaterThanOrEqual(b.point);
      }
    }
  });

  it('gives identical output for the same seed and different output for another', () => {
    const issue = loadBargainingInput('russia-joins-cpec');
    const a = forecastSensitivity(issue, stream(11), { draws: 40 });
    const b = forecastSensitivity(issue, stream(11), { draws: 40 });
    const c = forecastSensitivity(issue, stream(12), { draws: 40 });
    expect(b).toEqual(a);
    expect(c.dimensions).not.toEqual(a.dimensions);
  });

  it('shows the CPEC forecast is knife-edge: a wide band, and India’s salience 85 → 75 in the swings', () => {
    const s = forecastSensitivity(loadBargainingInput('russia-joins-cpec'), stream(1));
    const median = s.dimensions[0]!.median;
    expect(median.point).toBeCloseTo(64.32, 2);
    expect(median.high - median.low).toBeGreaterThan(30);
    expect(median.sameSide).toBeLessThan(0.8);
    const india = s.swings.find((w) => w.actor === 'IND' && w.field === 'salience');
    expect(india).toMatchObject({ value: 85, low: 75, high: 95 });
    expect(india!.medianAtLow[0]).toBeCloseTo(22.9, 1);
    expect(india!.swing).toBeGreaterThan(40);
    expect(s.swings.map((w) => w.swing)).toEqual([...s.swings.map((w) => w.swing)].sort((x, y) => y - x));
  });

  it('gives a narrow band when the actors nearly agree', () => {
    const s = forecastSensitivity(CONSENSUS, stream(1), { draws: 100 });
    const median = s.dimensions[0]!.median;
    expect(median.high - median.low).toBeLessThan(12);
    expect(median.sameSide).toBe(1);
    expect(median.withinTolerance).toBeGreaterThan(0.9);
    // No single number moves the median further than its own ±10 points (CPEC: over 40).
    expect(s.swings[0]!.swing).toBeLessThan(10.5);
  });

  it('draws within the uncertainty each actor declares: none declared, no spread', () => {
    const certain: BargainingInput = {
      ...CONSENSUS,
      actors: CONSENSUS.actors.map((a) => ({
        ...a,
        uncertainty: { position: [0], salience: [0], capability: 0 },
      })),
    };
    const s = forecastSensitivity(certain, stream(3), { draws: 20 });
    const median = s.dimensions[0]!.median;
    expect([median.low, median.high]).toEqual([median.point, median.point]);
    expect(s.swings).toEqual([]);
  });

  it('keeps every draw a valid issue at the edges of the scale and of salience', () => {
    const edge: BargainingInput = {
      ...CONSENSUS,
      dimensions: ['x', 'y'],
      actors: [
        { ...actor('A', 0, 95, 1), position: [0, 100], salience: [95, 5] },
        { ...actor('B', 100, 50, 1), position: [100, 0], salience: [50, 50] },
      ],
    };
    const s = forecastSensitivity(edge, stream(5), { draws: 30, salience: 20 });
    expect(s.dimensions).toHaveLength(2);
    for (const d of s.dimensions) {
      expect(d.median.low).toBeGreaterThanOrEqual(0);
      expect(d.median.high).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    [{ draws: 1.5 }, /draws 1\.5 is not a whole number/],
    [{ band: [0.95, 0.05] as const }, /band \[0\.95, 0\.05\]/],
    [{ capabilityShare: 1 }, /capabilityShare 1 would let a capability reach 0/],
    [{ salience: -1 }, /salience -1 is not a number ≥ 0/],
  ])('refuses bad options (%o) with a named error', (options, message) => {
    const run = () => forecastSensitivity(CONSENSUS, stream(1), options);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(message);
  });
});
