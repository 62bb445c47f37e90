/**
 * `scenario sensitivity` on a short eurasia scenario: which parameters it varies, that its one-at-a-
 * time numbers are those of plain runs with the parameter set in the scenario file, its order and
 * its determinism.
 */
import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../src/simulation/model/mechanisms/index.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { parseScenario } from '../src/simulation/scenarios/scenario.js';
import { scenarioSensitivity } from '../src/simulation/scenarios/sensitivity.js';
import { cli } from './helpers/cli.js';

const text = (mechanisms: string) =>
  [
    'name: pivot',
    'world: eurasia',
    'start: 2021-12',
    'horizon: 12',
    'runs: 12',
    'seed: 4',
    `mechanisms: ${mechanisms}`,
    'shocks:',
    '  - { at: 0, tie: [PAK, RUS], shift: 0.4 }',
    'expect:',
    '  - { pair: [USA, PAK], direction: positive }',
  ].join('\n');
const doc = (mechanisms = '{ hedging: { eta: 0.5 }, securityDilemma: false }') =>
  parseScenario(text(mechanisms), 'pivot.yaml', process.cwd());

describe('scenario sensitivity', () => {
  it('varies every parameter with a prior that the scenario leaves open, and only those', async () => {
    const r = await scenarioSensitivity(doc(), { top: 2 });
    const varied = new Set(r.parameters.map((p) => `${p.mechanism}.${p.param}`));
    expect(varied.has('hedging.eta')).toBe(false);
    expect([...varied].some((v) => v.startsWith('securityDilemma.'))).toBe(false);
    expect(varied.has('hedging.reach')).toBe(true);
    expect(varied.has('engine.memory')).toBe(true);
    const expected = MECHANISMS.flatMap((m) =>
      m.id === 'securityDilemma'
        ? []
        : Object.keys(m.priors)
            .filter((k) => !(m.id === 'hedging' && k === 'eta'))
            .map((k) => `${m.id}.${k}`),
    );
    expect([...varied].filter((v) => !v.startsWith('engine.')).sort()).toEqual(expected.sort());
    for (const p of r.parameters) expect(p.low).toBeLessThan(p.high);
    // The expected pair first (whatever its size), then the two largest.
    expect(r.effects).toHaveLength(3);
    expect([r.effects[0]!.a, r.effects[0]!.b]).toEqual(['PAK', 'USA']);
    for (const e of r.effects) {
      expect(e.oneAtATime).toHaveLength(r.parameters.length);
      const swings = e.oneAtATime.map((x) => Math.abs(x.swing));
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
      for (const x of e.oneAtATime) {
        expect(x.swing).toBeCloseTo(x.atHigh - x.atLow, 12);
        expect(x.flips).toBe(x.atLow * x.atHigh < 0);
      }
    }
  });

  it('gives the numbers of plain runs with the parameter set in the scenario file', async () => {
    const r = await scenarioSensitivity(doc(), { top: 1 });
    const effect = r.effects[1]!;
    const row = effect.oneAtATime.find((x) => x.mechanism === 'baitAndBite' && x.param === 'delta')!;
    const delta = r.parameters.find((p) => p.mechanism === 'baitAndBite' && p.param === 'delta')!;
    const plain = await runScenario(
      doc(`{ hedging: { eta: 0.5 }, securityDilemma: false, baitAndBite: { delta: ${delta.low} } }`),
      { drawParameters: false },
    );
    expect(row.atLow).toBe(plain.effects.find((e) => e.a === effect.a && e.b === effect.b)!.mean);
    const joint = await runScenario(doc(), {});
    expect(effect.joint.mean).toBe(joint.effects.find((e) => e.a === effect.a && e.b === effect.b)!.mean);
  });

  it('prints the same JSON for the same seed from the command line', () => {
    const args = [
      'scenario',
      'sensitivity',
      'seed-russia-pakistan-bait',
      '--runs',
      '4',
      '--top',
      '1',
      '--json',
    ];
    const a = cli(args);
    expect(a.code).toBe(0);
    expect(cli(args).stdout).toBe(a.stdout);
    const table = cli(['scenario', 'sensitivity', 'seed-russia-pakistan-bait', '--runs', '4', '--top', '1']);
    expect(table.stdout).toContain('baitAndBite.delta');
    expect(cli(['scenario', 'sensitivity', 'seed-russia-pakistan-bait', '--level', '2']).code).toBe(1);
  });
});
