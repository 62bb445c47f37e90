/**
 * Cooling is news too: a pivot state that cools toward a power by 0.5 moves the rest of the world
 * about as much as one that warms by 0.5, the other way (bait and bite and hedging react to how
 * close a partner stands to one's rivals, both ways). With the engine's `cooling` at 0 only
 * warming triggers them, and the cooling barely moves anything: the asymmetry the option removes.
 * Deterministic runs (no parameter, tie or noise draws) on the bundled eurasia world.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { parseScenario } from '../src/simulation/scenarios/scenario.js';

async function effects(shift: number, cooling: number) {
  const scenario = parseScenario(
    [
      'name: pivot',
      'world: eurasia',
      'start: 2021-12',
      'horizon: 36',
      'runs: 1',
      `engine: { noise: 0, cooling: ${cooling} }`,
      'shocks:',
      `  - { at: 0, tie: [PAK, USA], shift: ${shift} }`,
    ].join('\n'),
    'pivot.yaml',
    process.cwd(),
  );
  const run = await runScenario(scenario, { workers: 1, drawParameters: false, drawTies: false });
  const rest = run.effects.filter((e) => `${e.a}-${e.b}` !== 'PAK-USA');
  return new Map(rest.map((e) => [`${e.a}-${e.b}`, e.mean]));
}

const total = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + Math.abs(v), 0);

describe('a tie shock of −0.5', () => {
  it('moves the rest of the world about as much as one of +0.5, mirrored', async () => {
    const warm = await effects(0.5, 1);
    const cool = await effects(-0.5, 1);
    expect(total(cool) / total(warm)).toBeGreaterThan(0.6);
    expect(total(cool) / total(warm)).toBeLessThan(1 / 0.6);
    const largest = [...warm.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 6);
    expect(largest[0]![1]).toBeGreaterThan(0.05);
    for (const [pair, value] of largest) expect(Math.sign(cool.get(pair) ?? 0), pair).toBe(-Math.sign(value));
  });

  it('barely moves it when only warming is news (cooling 0)', async () => {
    const warm = await effects(0.5, 0);
    const cool = await effects(-0.5, 0);
    expect(total(cool) / total(warm)).toBeLessThan(0.3);
  });
});
