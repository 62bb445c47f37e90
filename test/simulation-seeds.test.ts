/**
 * The seeds' predictions, on the real eurasia world from 2021-12, by general mechanisms: the
 * bundled scenarios shock one tie and the expected effects appear on other pairs, with
 * P(expected sign) ≥ 0.8 over the Monte Carlo runs.
 */
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../src/simulation/model/world-model.js';
import { Runner } from '../src/simulation/runs/montecarlo.js';
import { compilePlan } from '../src/simulation/runs/plan.js';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import {
  bundledScenarioIds,
  checkScenario,
  loadScenario,
  worldRef,
} from '../src/simulation/scenarios/scenario.js';
import { loadWorld } from '../src/worlds/load.js';

function eurasia() {
  try {
    const w = loadWorld('eurasia');
    return w.actors.length >= 25 ? w : undefined;
  } catch {
    return undefined;
  }
}
const world = eurasia();

describe.runIf(world !== undefined)('seed predictions on eurasia', () => {
  it.each([
    ['seed-us-china-rapprochement', 'USA–CHN warmer → IND–RUS warmer'],
    ['seed-china-india-rapprochement', 'CHN–IND warmer → PAK–USA warmer'],
    ['seed-russia-pakistan-bait', 'PAK–RUS warmer → IND–RUS and PAK–USA warmer'],
  ])('%s: %s', { timeout: 300_000 }, async (id) => {
    const doc = loadScenario(id);
    expect(doc.scenario.start).toBe('2021-12');
    expect(doc.scenario.quote?.length).toBeGreaterThan(50);
    const r = await runScenario(doc, { world });
    expect(r.checks.length).toBeGreaterThan(0);
    const shocked = new Set(doc.scenario.shocks.map((s) => [...s.tie!].sort().join('-')));
    for (const c of r.checks) {
      expect(c.probability, `${c.pair?.join('–')}`).toBeGreaterThanOrEqual(0.8);
      const key = c.pair!.join('-');
      // Emergent: the expected pair is not the shocked one, and mechanisms, not the shock, moved it.
      expect(shocked.has(key)).toBe(false);
      expect(r.attribution[key]?.shock).toBeUndefined();
      const mechanisms = Object.entries(r.attribution[key]!).filter(([m, s]) => m !== 'inertia' && s > 0.1);
      expect(mechanisms.length).toBeGreaterThan(0);
    }
  });

  it('keeps the world near its start without shocks (inertia dominates noise)', () => {
    const doc = loadScenario('seed-russia-pakistan-bait');
    const model = compileWorld(world!, '2021-12');
    const plan = compilePlan({ ...doc.scenario, shocks: [] }, model, { runs: 100, seed: 7, chunk: 25 });
    const out = new Runner(plan).runChunk(0, 100);
    const { n, observed } = model;
    const P = (n * (n - 1)) / 2;
    const moves: number[] = [];
    for (let r = 0; r < 100; r++) {
      let p = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++, p++) {
          if (observed[i * n + j])
            moves.push(Math.abs(out.horizon[r * 3 * P + 2 * P + p]! - out.horizon[r * 3 * P + p]!));
        }
      }
    }
    moves.sort((a, b) => a - b);
    const mean = moves.reduce((s, x) => s + x, 0) / moves.length;
    expect(mean).toBeLessThan(0.06);
    expect(moves[Math.floor(moves.length * 0.99)]!).toBeLessThan(0.2);
  });
});

describe('bundled scenarios', () => {
  it.each(bundledScenarioIds())('%s is valid against its world and quotes its source', (id) => {
    const doc = loadScenario(id);
    const ref = worldRef(doc);
    if (ref === 'eurasia' && !world) return;
    expect(() => checkScenario(doc, loadWorld(ref))).not.toThrow();
    expect(doc.scenario.quote).toBeDefined();
    expect(doc.scenario.source).toMatch(/seed 00\d/);
    expect(doc.scenario.expect.length).toBeGreaterThan(0);
  });
});
