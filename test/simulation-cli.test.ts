/**
 * `counterbalance scenario …` end to end through commander (in-process, output captured), on the
 * synthetic test world.
 */
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../src/cli/commands/scenario.js';
import { ScenarioValidationError } from '../src/domain/errors.js';

const file = fileURLToPath(new URL('./fixtures/sim-scenario.yaml', import.meta.url));

async function cli(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const program = new Command('counterbalance').exitOverride();
    register(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('scenario command', () => {
  it('run --json prints effects, attribution and trajectories', async () => {
    const r = JSON.parse(await cli('scenario', 'run', file, '--runs', '20', '--workers', '1', '--json'));
    expect(r.runs).toBe(20);
    expect(r.scenario).toMatchObject({
      name: 'Great-power rapprochement',
      world: 'sim-world',
      start: '2021-12',
    });
    const e = r.effects.find((x: { a: string; b: string }) => x.a === 'ARD' && x.b === 'DUN');
    expect(Object.keys(e)).toEqual(['a', 'b', 'dimension', 'mean', 'lo', 'hi', 'pPositive', 'baseline']);
    expect(e.dimension).toBe('composite');
    expect(e.lo).toBeLessThanOrEqual(e.mean);
    expect(e.hi).toBeGreaterThanOrEqual(e.mean);
    expect(Object.keys(r.attribution)).toContain('ARD-DUN');
    expect(r.trajectories['BEL-COR']).toHaveLength(25);
  });

  it('run reports a chosen dimension and prints a table with bars for people', async () => {
    const r = JSON.parse(
      await cli('scenario', 'run', file, '--runs', '10', '--workers', '1', '-d', 'military', '--json'),
    );
    expect(r.effects[0].dimension).toBe('military');
    const text = await cli('scenario', 'run', file, '--runs', '10', '--workers', '1', '--top', '5');
    expect(text).toContain('Great-power rapprochement — world sim-world from 2021-12');
    expect(text).toMatch(/BEL–COR\s+0\.\d{3}\s+▶█+/);
    expect(text.split('\n').filter((l) => /^[A-Z]{3}–[A-Z]{3}/.test(l)).length).toBe(6);
  });

  it('explain describes mechanisms and third actors in words', async () => {
    const text = await cli(
      'scenario',
      'explain',
      file,
      '--pair',
      'DUN,ARD',
      '--runs',
      '20',
      '--workers',
      '1',
    );
    expect(text).toMatch(/^ARD–DUN ends [+−]0\.\d{3} (warmer|cooler) than without the shocks by 2023-12/);
    expect(text).toMatch(/through .*: (BEL|COR) [+−]0\.\d{3}/);
  });

  it('run and explain report followed measures in numbers and in words', async () => {
    const follow = fileURLToPath(new URL('./fixtures/sim-follow.yaml', import.meta.url));
    const r = JSON.parse(await cli('scenario', 'run', follow, '--workers', '1', '--json'));
    expect(r.measures.map((m: { name: string }) => m.name)).toEqual(['triangle', 'frustration', 'alignment']);
    const [triangle, , alignment] = r.measures;
    expect(triangle.mean).toBeNull();
    const total = (key: 'scenario' | 'baseline') =>
      triangle.outcomes.reduce((s: number, o: Record<string, number>) => s + o[key]!, 0);
    expect([total('scenario'), total('baseline')].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([1, 1]);
    expect(alignment.lo).toBeLessThanOrEqual(alignment.mean);
    expect(alignment.steps).toHaveLength(19);
    expect(r.checks[0]).toMatchObject({ measure: { name: 'alignment', args: ['EST', 'BEL', 'COR'] } });
    const text = await cli('scenario', 'explain', follow, '--workers', '1');
    expect(text).toMatch(
      /P\(COR (stays|is) the outcast of ARD–BEL–COR\) = [01]\.\d{2} vs 1\.00 without the shocks, by 2023-06\./,
    );
    expect(text).toMatch(
      /alignment of EST on the BEL–COR axis: [+−]?0\.\d{3} by 2023-06 against the twin \(90% of runs/,
    );
    const table = await cli('scenario', 'run', follow, '--workers', '1', '--top', '3');
    expect(table).toContain('alignment of EST on the BEL–COR axis negative');
    expect(table).toContain('followed measures:');
  });

  it('rejects a bad pair and an invalid scenario with named errors', async () => {
    await expect(cli('scenario', 'explain', file, '--pair', 'ARD')).rejects.toThrow(/--pair takes A,B/);
    await expect(cli('scenario', 'run', file, '--runs', '20', '--world', 'eurasia')).rejects.toThrow(
      ScenarioValidationError,
    );
  });

  it('lists bundled scenarios and mechanisms', async () => {
    const list = JSON.parse(await cli('scenario', 'list', '--json'));
    expect(list.map((s: { id: string }) => s.id)).toContain('seed-us-china-rapprochement');
    const mechanisms = await cli('scenario', 'mechanisms');
    expect(mechanisms).toMatch(/baitAndBite\s+delta\s+0\.6\s+log-normal\(median 0\.6, σ 0\.3\)/);
    expect(mechanisms).toMatch(/engine\s+memory/);
  });
});
