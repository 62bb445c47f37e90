/**
 * Unrelated actors change nothing: twenty more states, tied among themselves but to none of the
 * original seven, leave every effect among the seven as it was (deterministic runs: no parameter,
 * tie or noise draws). Mechanisms that average over third actors average over those that bear on
 * the pair, not over the world.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { parseScenario } from '../src/simulation/scenarios/scenario.js';
import { loadWorld } from '../src/worlds/load.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** sim-world with `extra` more states in a ring of alternating friends and rivals, far from the rest. */
function withUnrelated(extra: number): string {
  const doc = parse(readFileSync(join(fixtures, 'sim-world/world.yaml'), 'utf8'));
  const ids = Array.from({ length: extra }, (_, i) => `X${String(i).padStart(2, '0')}`);
  ids.forEach((id, i) => {
    doc.actors.push({
      id,
      kind: 'state',
      name: id,
      capital: { name: id, lat: -60 + i, lon: -150 },
      evidence: ['e1'],
    });
    doc.capabilities.push({ actor: id, year: 2020, cinc: 0.005 + i / 2000, evidence: ['e1'] });
    doc.ties.push({
      a: id,
      b: ids[(i + 1) % extra],
      dimension: 'diplomatic',
      observations: [{ at: '2015', value: i % 2 ? -0.6 : 0.7, confidence: 0.6, evidence: ['e1'] }],
    });
  });
  doc.meta.id = 'sim-world-plus';
  const dir = mkdtempSync(join(tmpdir(), 'cb-unrelated-'));
  writeFileSync(join(dir, 'world.yaml'), stringify(doc));
  return dir;
}

const scenario = parseScenario(
  [
    'name: rupture',
    'world: ./sim-world',
    'start: 2021-12',
    'horizon: 36',
    'runs: 4',
    'seed: 2',
    'engine: { noise: 0 }',
    'shocks:',
    '  - { at: 0, tie: [ARD, BEL], shift: -0.9 }',
    '  - { at: 6, tie: [COR, DUN], shift: -0.5 }',
  ].join('\n'),
  'rupture.yaml',
  fixtures,
);

describe('effects among actors', () => {
  it('do not move when unrelated actors join the world', async () => {
    const options = { workers: 1, drawParameters: false, drawTies: false } as const;
    const base = await runScenario(scenario, { ...options, world: loadWorld(join(fixtures, 'sim-world')) });
    const plus = await runScenario(scenario, { ...options, world: loadWorld(withUnrelated(20)) });
    const original = new Set(base.effects.map((e) => `${e.a}-${e.b}`));
    const moved = plus.effects.filter((e) => original.has(`${e.a}-${e.b}`));
    expect(moved).toHaveLength(base.effects.length);
    const byPair = new Map(base.effects.map((e) => [`${e.a}-${e.b}`, e.mean]));
    expect(base.effects.some((e) => Math.abs(e.mean) > 0.01)).toBe(true);
    for (const e of moved) expect(e.mean, `${e.a}–${e.b}`).toBeCloseTo(byPair.get(`${e.a}-${e.b}`)!, 5);
    // And the newcomers feel nothing of a shock among the seven.
    for (const e of plus.effects.filter((x) => !original.has(`${x.a}-${x.b}`)))
      expect(Math.abs(e.mean), `${e.a}–${e.b}`).toBeLessThan(1e-12);
  });
});
