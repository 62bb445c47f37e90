/**
 * Each mechanism pushes in the direction its theory says, on small hand-built states (actors are
 * indices 0…n−1; the ids in comments are only a reading aid).
 */
import { describe, expect, it } from 'vitest';
import { type StepStateInput, stepStateFrom } from '../step-state.js';
import { armsDynamics } from './arms-dynamics.js';
import { baitAndBite } from './bait-and-bite.js';
import { balancingThreat } from './balancing-threat.js';
import { hedging } from './hedging.js';
import { inertia } from './inertia.js';
import { militaryDiplomacy } from './military-diplomacy.js';
import { securityDilemma } from './security-dilemma.js';
import { structuralBalance } from './structural-balance.js';
import { allocateContribution, type Mechanism, type Params, pairIndex } from './types.js';

/** A symmetric n×n matrix from {"i,j": value}. */
function ties(n: number, values: Record<string, number>): number[] {
  const m = new Array<number>(n * n).fill(0);
  for (const [k, v] of Object.entries(values)) {
    const [i, j] = k.split(',').map(Number) as [number, number];
    m[i * n + j] = v;
    m[j * n + i] = v;
  }
  return m;
}

function apply<P extends Params>(m: Mechanism<P>, input: StepStateInput, params: Partial<P> = {}) {
  const s = stepStateFrom(input);
  const out = allocateContribution(s.n);
  m.apply(s, { ...m.defaults, ...params }, out);
  const at = (i: number, j: number) => out.dW[i < j ? pairIndex(s.n, i, j) : pairIndex(s.n, j, i)]!;
  return { at, dC: out.dC };
}

const caps = (n: number, c = 0.1) => new Array<number>(n).fill(c);

describe('inertia', () => {
  it('pulls a tie back toward its long-run level, faster for a higher rate', () => {
    const input = { n: 2, W: ties(2, { '0,1': 0.8 }), anchor: ties(2, { '0,1': 0.2 }), c: caps(2) };
    const slow = apply(inertia, input, { kappa: 0.2 }).at(0, 1);
    const fast = apply(inertia, input, { kappa: 2 }).at(0, 1);
    expect(slow).toBeLessThan(0);
    expect(fast).toBeLessThan(slow);
    expect(0.8 + apply(inertia, { ...input, dt: 1 }, { kappa: 5 }).at(0, 1)).toBeGreaterThan(0.2);
  });
});

describe('structural balance', () => {
  it('makes the friend of a friend a friend and the enemy of an enemy a friend', () => {
    const friends = apply(structuralBalance, { n: 3, W: ties(3, { '0,1': 0.8, '1,2': 0.8 }), c: caps(3) });
    expect(friends.at(0, 2)).toBeGreaterThan(0);
    const enemies = apply(structuralBalance, { n: 3, W: ties(3, { '0,1': -0.8, '1,2': -0.8 }), c: caps(3) });
    expect(enemies.at(0, 2)).toBeGreaterThan(0);
    const mixed = apply(structuralBalance, { n: 3, W: ties(3, { '0,1': 0.8, '1,2': -0.8 }), c: caps(3) });
    expect(mixed.at(0, 2)).toBeLessThan(0);
  });

  it('saturates: a tie already at ±1 does not move', () => {
    const r = apply(structuralBalance, {
      n: 3,
      W: ties(3, { '0,1': 0.8, '1,2': 0.8, '0,2': 1 }),
      c: caps(3),
    });
    expect(r.at(0, 2)).toBe(0);
  });
});

describe('balancing against threat', () => {
  it('pulls together two actors threatened by the same strong, near rival; more when it is stronger', () => {
    // 2 threatens 0 and 1.
    const base = { n: 3, W: ties(3, { '0,2': -0.8, '1,2': -0.8 }) };
    const weak = apply(balancingThreat, { ...base, c: [0.1, 0.1, 0.05] }).at(0, 1);
    const strong = apply(balancingThreat, { ...base, c: [0.1, 0.1, 0.4] }).at(0, 1);
    expect(weak).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(weak);
    const alone = apply(balancingThreat, { n: 3, W: ties(3, { '0,2': -0.8 }), c: [0.1, 0.1, 0.4] });
    expect(alone.at(0, 1)).toBe(0);
  });
});

describe('bait and bite', () => {
  // 0 = i, 1 = its partner j, 2 = its rival k; j has just warmed to k by 0.4.
  const W = ties(3, { '0,1': 0.6, '0,2': -0.7, '1,2': 0.4 });
  const memory = ties(3, { '0,1': 0.6, '0,2': -0.7, '1,2': 0 });
  const input = { n: 3, W, memory, c: caps(3) };

  it('makes i raise its offer to a partner that warms to i’s rival', () => {
    expect(apply(baitAndBite, input).at(0, 1)).toBeGreaterThan(0);
  });

  it('makes i punish the partner instead with a veto', () => {
    expect(apply(baitAndBite, input, { veto: true }).at(0, 1)).toBeLessThan(0);
  });

  it('lowers its offer to a partner that cools toward i’s rival, as much as it raises it for a warming', () => {
    const cooled = { ...input, W: ties(3, { '0,1': 0.6, '0,2': -0.7, '1,2': -0.4 }) };
    const raised = apply(baitAndBite, input).at(0, 1);
    expect(apply(baitAndBite, cooled).at(0, 1)).toBeCloseTo(-raised, 15);
    expect(apply(baitAndBite, { ...cooled, attention: 0.1, cooling: 0.5 }).at(0, 1)).toBeCloseTo(
      -0.5 * apply(baitAndBite, { ...input, attention: 0.1 }).at(0, 1),
      15,
    );
  });

  it('ignores a cooling when cooling is no news, and any change below the attention threshold', () => {
    const cooled = { ...input, W: ties(3, { '0,1': 0.6, '0,2': -0.7, '1,2': -0.4 }) };
    expect(apply(baitAndBite, { ...cooled, cooling: 0 }).at(0, 1)).toBe(0);
    expect(apply(baitAndBite, { ...input, attention: 0.5 }).at(0, 1)).toBe(0);
    expect(apply(baitAndBite, { ...cooled, attention: 0.5 }).at(0, 1)).toBe(0);
  });

  it('bids for a lukewarm swing state too, less than for an ally, not for a rival', () => {
    const withTie = (w: number) =>
      apply(baitAndBite, {
        ...input,
        W: ties(3, { '0,1': w, '0,2': -0.7, '1,2': 0.4 }),
        memory: ties(3, { '0,1': w, '0,2': -0.7 }),
      }).at(0, 1);
    expect(withTie(0)).toBeGreaterThan(0);
    expect(withTie(0)).toBeLessThan(withTie(0.6));
    expect(withTie(-0.9)).toBe(0);
  });
});

describe('hedging', () => {
  // 0 = i, 1 = partner j warming to 2 = i's rival k; 3 and 4 are other partners of i, 4 stronger.
  const W = ties(5, { '0,1': 0.6, '0,2': -0.7, '1,2': 0.4, '0,3': 0.5, '0,4': 0.5 });
  const memory = ties(5, { '0,1': 0.6, '0,2': -0.7, '0,3': 0.5, '0,4': 0.5 });
  const c = [0.1, 0.1, 0.1, 0.02, 0.2];

  it('makes i diversify toward its other counterweights, more toward the stronger one', () => {
    const r = apply(hedging, { n: 5, W, memory, c }, { lambda: 0 });
    expect(r.at(0, 3)).toBeGreaterThan(0);
    expect(r.at(0, 4)).toBeGreaterThan(r.at(0, 3));
    expect(r.at(0, 1)).toBe(0);
  });

  it('unwinds the hedge when the partner drifts back from i’s rival', () => {
    const warmed = apply(hedging, { n: 5, W, memory, c }, { lambda: 0 });
    const back = { '0,1': 0.6, '0,2': -0.7, '1,2': -0.4, '0,3': 0.5, '0,4': 0.5 };
    const cooled = apply(hedging, { n: 5, W: ties(5, back), memory, c }, { lambda: 0 });
    expect(cooled.at(0, 3)).toBeLessThan(0);
    expect(cooled.at(0, 4)).toBeCloseTo(-warmed.at(0, 4), 15);
    expect(apply(hedging, { n: 5, W: ties(5, back), memory, c, cooling: 0 }, { lambda: 0 }).at(0, 4)).toBe(0);
  });

  it('holds a dominant, stronger partner at arm’s length (junior partner)', () => {
    // 0's partner mass is almost all 1, much stronger than 0; 2 and 3 lean on each other equally.
    const W = ties(4, { '0,1': 0.9, '0,2': 0.2, '2,3': 0.9 });
    const r = apply(hedging, { n: 4, W, c: [0.02, 0.3, 0.01, 0.01] }, { eta: 0 });
    expect(r.at(0, 1)).toBeLessThan(0);
    expect(r.at(2, 3)).toBe(0);
    const equal = apply(hedging, { n: 4, W, c: [0.3, 0.3, 0.01, 0.01] }, { eta: 0 });
    expect(equal.at(0, 1)).toBeGreaterThan(r.at(0, 1));
  });
});

describe('security dilemma', () => {
  it('cools a rivalry when a rival’s capability has just grown, not a partnership', () => {
    const input = {
      n: 3,
      W: ties(3, { '0,1': -0.6, '0,2': 0.6 }),
      c: [0.1, 0.12, 0.1],
      capabilityMemory: [0.1, 0.1, 0.1],
    };
    const r = apply(securityDilemma, input);
    expect(r.at(0, 1)).toBeLessThan(0);
    expect(r.at(0, 2)).toBe(0);
  });
});

describe('arms dynamics', () => {
  it('makes a state arm when its rival grows, and lets extra effort decay', () => {
    const W = ties(2, { '0,1': -0.8 });
    const grown = apply(armsDynamics, { n: 2, W, c: [0.1, 0.13], c0: [0.1, 0.1] });
    const calm = apply(armsDynamics, { n: 2, W, c: [0.1, 0.1], c0: [0.1, 0.1] });
    expect(grown.dC[0]!).toBeGreaterThan(calm.dC[0]!);
    expect(grown.dC[1]!).toBeLessThan(0);
  });

  it('does not make a micro-state try to match a superpower unit for unit', () => {
    const r = apply(armsDynamics, { n: 2, W: ties(2, { '0,1': -0.8 }), c: [1e-5, 0.2], c0: [1e-5, 0.2] });
    expect(r.dC[0]! / 1e-5).toBeLessThan(0.1);
  });
});

describe('military diplomacy', () => {
  // 0 supplies rivals 1 and 2; 1 has gained 40% on 2 since the start.
  const input = {
    n: 3,
    W: ties(3, { '0,1': 0.6, '0,2': 0.5, '1,2': -0.8 }),
    c: [0.05, 0.014, 0.01],
    c0: [0.05, 0.01, 0.01],
  };

  it('tops up the side that fell behind and leans the supplier toward it', () => {
    const r = apply(militaryDiplomacy, input);
    expect(r.dC[2]!).toBeGreaterThan(0);
    expect(r.dC[1]!).toBeLessThan(0);
    expect(r.at(0, 2)).toBeGreaterThan(0);
    expect(r.at(0, 1)).toBeLessThan(0);
  });

  it('tolerates drift inside the band and does nothing without a common supplier', () => {
    expect(apply(militaryDiplomacy, input, { band: 1 }).dC.every((x) => x === 0)).toBe(true);
    const noSupplier = { ...input, W: ties(3, { '0,1': 0.6, '0,2': -0.5, '1,2': -0.8 }) };
    expect(apply(militaryDiplomacy, noSupplier).dC.every((x) => x === 0)).toBe(true);
  });
});
