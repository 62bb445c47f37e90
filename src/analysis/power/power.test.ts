import { describe, expect, it } from 'vitest';
import { balanceWorld } from '../../../test/helpers/signed-graphs.js';
import { InvalidInputError } from '../../domain/errors.js';
import { DIMENSIONS } from '../../domain/schema.js';
import type { CapabilityAt, Snapshot, TieAt } from '../../domain/world.js';
import { proximityMatrix } from '../../simulation/model/proximity.js';
import { snapshot } from '../../worlds/snapshot.js';
import { balanceOfThreat } from './balance-of-threat.js';
import { capabilityTable } from './capability.js';
import { dependence, dependenceReport } from './dependence.js';
import { greatCircleKm } from './great-circle.js';
import { militaryBalances, shiftBalance } from './military-balance.js';
import { proximityAt } from './proximity.js';
import { powerReport } from './report.js';

const s = snapshot(balanceWorld(), '2021-12');

describe('great-circle distance', () => {
  it('knows a quarter of the equator and is symmetric', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
    const p = { lat: 55.6, lon: 37.6 };
    const q = { lat: 33.7, lon: 73.1 };
    expect(greatCircleKm(p, q)).toBeCloseTo(greatCircleKm(q, p), 9);
    expect(greatCircleKm(p, p)).toBe(0);
  });
});

describe('capabilities', () => {
  it('take the latest record by the date, shares over the actors that have one', () => {
    const { rows, warnings } = capabilityTable(s);
    const wnb = rows.find((r) => r.actor === 'WNB')!;
    expect(wnb).toMatchObject({ year: 2020, value: 0.018 });
    const total = rows.reduce((t, r) => t + r.value, 0);
    expect(wnb.share).toBeCloseTo(0.018 / total, 12);
    expect(rows[0]!.actor).toBe('PLB');
    expect(warnings.map((w) => w.field)).toEqual(['OUT']);
    expect(capabilityTable(snapshot(balanceWorld(), '2016')).rows.find((r) => r.actor === 'WNB')!.year).toBe(
      2015,
    );
  });
});

describe('military balance', () => {
  it('covers rival pairs with capabilities, and a transfer moves the share toward the recipient', () => {
    const balances = militaryBalances(s, { measure: 'cinc' });
    const pair = balances.find((b) => b.a === 'WNA' && b.b === 'WNB')!;
    expect(pair.ratio).toBeCloseTo(0.09 / 0.018, 12);
    // By default the military balance is on military expenditure, not CINC.
    const byDefault = militaryBalances(s).find((b) => b.a === 'WNA' && b.b === 'WNB')!;
    expect(byDefault.ratio).toBeCloseTo(byDefault.capA / byDefault.capB, 12);
    expect(byDefault.capB).toBe(s.capabilities.WNB!.milex);
    expect(powerReport(s).militaryMeasure).toBe('milex');
    expect(balances.some((b) => b.a === 'OUT' || b.b === 'OUT')).toBe(false);
    const milex = militaryBalances(s, { measure: 'milex' }).find((b) => b.a === 'WNA' && b.b === 'WNB')!;
    const after = shiftBalance(milex, { recipient: 'WNB', tiv: 1000 }, { measure: 'milex' });
    expect(after.capB).toBe(milex.capB + 1000 * 1000);
    expect(after.shareShift).toBeLessThan(0);
    expect(() => shiftBalance(pair, { recipient: 'WNB', tiv: 10 }, { measure: 'cinc' })).toThrow(
      InvalidInputError,
    );
    expect(() => shiftBalance(pair, { recipient: 'PIV', delta: 0.01 })).toThrow(InvalidInputError);
    expect(shiftBalance(pair, { recipient: 'WNA', delta: 0.01 }).shareShift).toBeGreaterThan(0);
  });
});

describe('balance of threat', () => {
  it('scores hostile dyads from power, proximity, offence and hostility', () => {
    const { threats } = balanceOfThreat(s);
    const t = threats.find((x) => x.source === 'WNA' && x.target === 'WNB')!;
    expect(t.hostility).toBeCloseTo(0.7, 12);
    expect(t.power).toBeCloseTo(0.09 / 0.21, 12);
    expect(t.proximity).toBeCloseTo(1 / (1 + t.distanceKm! / 2000), 12);
    expect(t.threat).toBeCloseTo((t.power * t.proximity * t.offense * t.hostility) ** (1 / 4), 12);
    expect(threats.some((x) => x.source === 'PIV' && x.target === 'WNA')).toBe(false);
    const onlyHostility = balanceOfThreat(s, {
      weights: { power: 0, proximity: 0, offense: 0, hostility: 1 },
    });
    expect(onlyHostility.threats.find((x) => x.source === 'PLA' && x.target === 'PLB')!.threat).toBeCloseTo(
      0.6,
      12,
    );
  });

  it('scores only the dyads asked for, each as in the full table', () => {
    const all = balanceOfThreat(s).threats;
    const asked = [
      ['WNB', 'WNA'],
      ['PIV', 'WNA'],
      ['WNA', 'WNB'],
      ['WNA', 'NONE'],
    ] as const;
    const some = balanceOfThreat(s, { dyads: asked }).threats;
    expect(some.map((t) => `${t.source}>${t.target}`)).toEqual(
      ['WNA>WNB', 'WNB>WNA'].sort((x, y) => {
        const tx = all.find((t) => `${t.source}>${t.target}` === x)!.threat;
        const ty = all.find((t) => `${t.source}>${t.target}` === y)!.threat;
        return ty - tx || (x < y ? -1 : 1);
      }),
    );
    for (const t of some) expect(t).toEqual(all.find((x) => x.source === t.source && x.target === t.target));
  });
});

describe('threat is not additive', () => {
  it('compounds the components: the weakest bounds the threat, a zero component zeroes it', () => {
    const { threats } = balanceOfThreat(s);
    expect(threats.length).toBeGreaterThan(0);
    for (const t of threats) {
      const least = Math.min(t.power, t.proximity, t.offense, t.hostility);
      expect(t.threat).toBeLessThanOrEqual(least ** (1 / 4) + 1e-12);
      expect(t.threat).toBeGreaterThanOrEqual(least - 1e-12);
      if (least === 0) expect(t.threat).toBe(0);
    }
    // The additive mean would give a hostile, powerless neighbour a quarter of the scale for
    // hostility alone; the geometric mean gives it nothing without power.
    const noPower = balanceOfThreat(s, { weights: { power: 1, proximity: 1, offense: 1, hostility: 1 } });
    expect(noPower.threats.every((t) => t.power > 0 || t.threat === 0)).toBe(true);
  });

  it('shares one proximity definition with the simulation', () => {
    expect(proximityAt(2000)).toBe(0.5);
    const [moscow, delhi] = [
      { lat: 55.75, lon: 37.62 },
      { lat: 28.61, lon: 77.21 },
    ];
    expect(proximityMatrix([moscow, delhi])[1]).toBeCloseTo(proximityAt(greatCircleKm(moscow, delhi)), 15);
  });
});

describe('dependence', () => {
  it('puts the weaker partner as junior, scaled by the tie', () => {
    const d = dependence(s).find((x) => x.junior === 'WNB' && x.senior === 'PLB')!;
    expect(d.asymmetry).toBeCloseTo(0.8 * (1 - 0.018 / 0.21), 12);
    expect(d.ratio).toBeCloseTo(0.21 / 0.018, 12);
  });

  // A strong client S buying arms from two weaker suppliers (U, V), a weak ally W armed by S, a weak
  // partner X without an import record, and Y that buys only a trickle from S.
  const cap = (actor: string, cinc: number, armsImports?: Record<string, number>): CapabilityAt => ({
    actor,
    year: 2021,
    cinc,
    ...(armsImports && { armsImports }),
    evidence: ['e'],
  });
  const tie = (a: string, b: string, value: number): TieAt => ({
    a,
    b,
    dimension: 'composite',
    value,
    confidence: 0.7,
    observed: '2021',
    evidence: ['e'],
  });
  const hand: Snapshot = {
    world: 'w',
    at: '2021-12',
    layer: 'composite',
    actors: ['S', 'U', 'V', 'W', 'X', 'Y'].map((id) => ({
      id,
      kind: 'state',
      name: id,
      aliases: [],
      evidence: ['e'],
    })),
    ties: [
      tie('S', 'U', 0.5),
      tie('S', 'V', 0.5),
      tie('S', 'W', 0.6),
      tie('S', 'X', 0.6),
      tie('S', 'Y', 0.6),
    ],
    byDimension: Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Snapshot['byDimension'],
    capabilities: {
      S: cap('S', 0.1, { U: 0.5, V: 0.3 }),
      U: cap('U', 0.02, { Z: 1 }),
      V: cap('V', 0.01, { S: 0.2 }),
      W: cap('W', 0.01, { S: 0.8, U: 0.2 }),
      X: cap('X', 0.01),
      Y: cap('Y', 0.01, { S: 0.05 }),
    },
  };

  it('counts a weaker partner as junior only when it relies on the stronger more than the reverse', () => {
    const { pairs, unassessed } = dependenceReport(hand);
    // U sells to S and buys nothing from it; V buys from S but S buys more from V; Y's share is a trickle
    expect(pairs.map((d) => `${d.junior}>${d.senior}`)).toEqual(['W>S']);
    expect(pairs[0]!.reliance).toBe(0.8);
    expect(pairs[0]!.asymmetry).toBeCloseTo(0.6 * (1 - 0.01 / 0.1), 12);
    expect(unassessed).toBe(1); // X has no record: not read as dependent
    expect(dependenceReport(hand, { minReliance: 0.05 }).pairs.map((d) => d.junior)).toEqual(['W', 'Y']);
    expect(
      powerReport(hand).warnings.some((w) => w.field === 'dependence' && /1 friendly/.test(w.message)),
    ).toBe(true);
  });

  it('is gathered in the power report', () => {
    const r = powerReport(s);
    expect(r.capabilities.length).toBeGreaterThan(0);
    expect(r.balances.length).toBe(militaryBalances(s).length);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});
