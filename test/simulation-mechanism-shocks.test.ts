/**
 * Shocks that switch a mechanism or change its parameters part-way through a run: no-op switches
 * change nothing, attribution still adds up to the effect, and on eurasia the `veto` variant of
 * bait and bite turns the seeds' "bite" into punishment.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioValidationError } from '../src/domain/errors.js';
import { MECHANISMS } from '../src/simulation/model/mechanisms/index.js';
import { createSimulation } from '../src/simulation/model/simulation.js';
import { compileWorld } from '../src/simulation/model/world-model.js';
import { Runner } from '../src/simulation/runs/montecarlo.js';
import { compilePlan } from '../src/simulation/runs/plan.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { checkScenario, parseScenario } from '../src/simulation/scenarios/scenario.js';
import { loadWorld } from '../src/worlds/load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const world = loadWorld(`${fixtures}sim-world`);

const scenario = (shocks: string, extra = '') =>
  parseScenario(
    `name: switch\nworld: ./sim-world\nstart: 2021-12\nhorizon: 24\nruns: 40\nseed: 5\n${extra}shocks:\n${shocks}`,
    'switch.yaml',
    fixtures,
  );

function problems(shocks: string, extra = '') {
  try {
    checkScenario(scenario(shocks, extra), world);
    return [];
  } catch (err) {
    if (!(err instanceof ScenarioValidationError)) throw err;
    return err.problems;
  }
}

describe('mechanism shocks', () => {
  it('change nothing when they set the values a mechanism already has', async () => {
    const defaults = JSON.stringify(MECHANISMS.find((m) => m.id === 'hedging')!.defaults);
    const doc = scenario(`  - { at: 3, mechanism: hedging, params: ${defaults} }\n`);
    const r = await runScenario(doc, { workers: 1, drawParameters: false });
    expect(r.effects.length).toBeGreaterThan(0);
    for (const e of r.effects) expect(e.mean === 0 && e.lo === 0 && e.hi === 0).toBe(true);
  });

  it('change nothing when a mechanism is switched off and on again at the same step', async () => {
    const doc = scenario(
      '  - { at: 5, mechanism: structuralBalance, enabled: false }\n' +
        '  - { at: 5, mechanism: structuralBalance, enabled: true }\n',
    );
    const r = await runScenario(doc, { workers: 1 });
    for (const e of r.effects) expect(e.mean === 0 && e.lo === 0 && e.hi === 0).toBe(true);
  });

  it('move ties when a mechanism stops, and attribution still adds up to the effect', () => {
    const doc = scenario(
      '  - { at: 0, tie: [BEL, COR], shift: 0.5 }\n  - { at: 6, mechanism: structuralBalance, enabled: false }\n',
    );
    const model = compileWorld(world, '2021-12', { keep: ['BEL', 'COR'] });
    // Ties start at their observed values: drawn ones can start near ±1 and be clipped on the way,
    // and what clipping takes off is nobody's contribution.
    const plan = compilePlan(doc.scenario, model, { runs: 20, seed: 5, drawTies: false, chunk: 20 });
    const out = new Runner(plan).runChunk(0, 20);
    const P = (model.n * (model.n - 1)) / 2;
    const rows = plan.mechanisms.length + 1;
    const balance = plan.mechanisms.indexOf('structuralBalance');
    let moved = 0;
    for (let p = 0; p < P; p++) {
      let effect = 0;
      for (let r = 0; r < 20; r++)
        effect += out.horizon[r * 3 * P + P + p]! - out.horizon[r * 3 * P + 2 * P + p]!;
      let attributed = 0;
      for (let k = 0; k < rows; k++) attributed += out.attribution[k * P + p]!;
      expect(attributed).toBeCloseTo(effect, 9);
      if (Math.abs(out.attribution[balance * P + p]!) > 1e-6) moved++;
    }
    expect(moved).toBeGreaterThan(P / 2);
  });

  it('turn the bite into punishment on eurasia when bait and bite switches to its veto', async () => {
    const eurasia = loadWorld('eurasia');
    const base = {
      name: 'bait with a veto',
      start: '2021-12',
      horizon: 36,
      runs: 200,
      seed: 7,
      expect: [{ pair: ['IND', 'RUS'], direction: 'positive' }],
    };
    const bait = { at: 0, tie: ['PAK', 'RUS'], shift: 0.5 };
    const plain = await runScenario({ ...base, shocks: [bait] }, { world: eurasia });
    const veto = await runScenario(
      { ...base, shocks: [bait, { at: 0, mechanism: 'baitAndBite', params: { veto: true } }] },
      { world: eurasia },
    );
    expect(plain.checks[0]!.mean).toBeGreaterThan(0);
    expect(veto.checks[0]!.mean).toBeLessThan(0);
    expect(veto.checks[0]!.probability).toBeLessThan(0.2);
  });

  it('are validated: exactly one change, known mechanisms and parameters, in range, running', () => {
    const found = problems(
      '  - { at: 0, mechanism: baitAndBites, enabled: false }\n' +
        '  - { at: 0, mechanism: hedging, params: { etaa: 1 } }\n' +
        '  - { at: 0, mechanism: inertia, params: { kappa: 99 } }\n' +
        '  - { at: 0, mechanism: securityDilemma, enabled: false }\n',
      'mechanisms:\n  securityDilemma: false\n',
    );
    expect(found.map((p) => p.field)).toEqual([
      'shocks[0].mechanism',
      'shocks[1].params.etaa',
      'shocks[2].params.kappa',
      'shocks[3].mechanism',
    ]);
    expect(found[0]?.hint).toContain("did you mean 'baitAndBite'");
    expect(found[1]?.hint).toContain("did you mean 'eta'");
    expect(found[2]?.message).toContain('outside');
    expect(found[3]?.message).toContain('switched off for the whole run');
    expect(found[0]?.line).toBe(10);
    expect(() => scenario('  - { at: 0, mechanism: hedging, enabled: false, params: { eta: 1 } }\n')).toThrow(
      /exactly one of `params/,
    );
    expect(() => scenario('  - { at: 0, mechanism: hedging, tie: [BEL, COR], shift: 0.1 }\n')).toThrow(
      /a shock changes one thing/,
    );
    expect(() => scenario('  - { at: 0, tie: [BEL, COR], shift: 0.1, enabled: false }\n')).toThrow(
      /`enabled` belongs to mechanism shocks/,
    );
    expect(() => scenario('  - { at: 0, mechanism: hedging, enabled: false, persist: false }\n')).toThrow(
      /`persist` belongs to tie shocks/,
    );
  });

  it('can be applied by hand to a stepped simulation, with clear errors', () => {
    const opts = { start: '2021-12', engine: { noise: 0 } };
    const on = createSimulation(world, opts).shiftTie('BEL', 'COR', 0.5).step(12);
    const off = createSimulation(world, opts)
      .shiftTie('BEL', 'COR', 0.5)
      .switchMechanism('structuralBalance', { enabled: false })
      .step(12);
    expect(off.tie('ARD', 'DUN')).not.toBe(on.tie('ARD', 'DUN'));
    const sim = createSimulation(world, opts);
    expect(() => sim.switchMechanism('balance', { enabled: false })).toThrow(/does not run/);
    expect(() => sim.switchMechanism('hedging', { params: { etaa: 1 } })).toThrow(/no parameter 'etaa'/);
  });
});
