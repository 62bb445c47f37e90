import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../test/helpers/run-command.js';
import { NotFoundError } from '../../domain/errors.js';
import { register } from './analysis.js';

const world = fileURLToPath(new URL('../../../test/fixtures/balance-world', import.meta.url));
const tribes = fileURLToPath(new URL('../../../data/balance/tribes_read1954.csv', import.meta.url));

const run = (...args: string[]) => runCommand(register, args);

afterEach(() => vi.restoreAllMocks());

describe('analysis commands', () => {
  it('balance --edges prints the JSON report of an edge list', async () => {
    const r = JSON.parse(await run('balance', '--edges', tribes, '--json'));
    expect(r).toMatchObject({ nodes: 16, edges: 58, census: { ppp: 19, ppn: 2, pnn: 40, nnn: 7 } });
    expect(r.frustration).toMatchObject({ L: 7, optimal: true, lowerBound: 7 });
    expect(r.frustration.partition[1].sort()).toEqual(['Gama', 'Gavev', 'Kotun', 'Nagad']);
    expect(r.frustration.frustratedEdges).toHaveLength(7);
    expect(typeof r.walkBalance).toBe('number');
    expect(typeof r.algebraicConflict).toBe('number');
  });

  it('triangle --stability prints the same bytes for the same seed, and other shares for another', async () => {
    const args = (seed: string, ...more: string[]) =>
      run(
        'triangle',
        'PIV',
        'WNA',
        'WNB',
        '--world',
        world,
        '--at',
        '2016',
        '--stability',
        '400',
        '--seed',
        seed,
        ...more,
      );
    const text = await args('11');
    expect(text).toMatch(/stability over 400 draws \(seed 11;/);
    expect(text).toMatch(/keeps its type in 0\.\d{3} of draws/);
    expect(await args('11')).toBe(text);
    const json = JSON.parse(await args('11', '--json'));
    expect(json.stability).toMatchObject({ seed: 11, draws: 400 });
    expect(json.stability.ties.map((t: { tie: string }) => t.tie)).toEqual(['PIV-WNA', 'PIV-WNB', 'WNA-WNB']);
    expect(await args('11', '--json')).toBe(await args('11', '--json'));
    expect(JSON.parse(await args('12', '--json')).stability.keepsType).not.toBe(json.stability.keepsType);
    await expect(args('11', '--stability', '0')).rejects.toThrow(/--stability/);
    await expect(args('1.5')).rejects.toThrow(/whole number/);
  });

  it('alignment --stability prints the same bytes for the same seed', async () => {
    const args = (seed: string, ...more: string[]) =>
      run(
        'alignment',
        '--world',
        world,
        '--at',
        '2021-12',
        '--poles',
        'PLA,PLB',
        '--stability',
        '300',
        '--seed',
        seed,
        ...more,
      );
    const text = await args('5');
    expect(text).toMatch(/stability over 300 draws \(seed 5;/);
    expect(text).toContain('keeps side');
    expect(await args('5')).toBe(text);
    const json = JSON.parse(await args('5', '--json'));
    expect(json.stability).toMatchObject({ seed: 5, draws: 300 });
    expect(json.stability.rows.map((r: { actor: string }) => r.actor)).toEqual(
      json.rows.map((r: { actor: string }) => r.actor),
    );
  });

  it('balance --stability prints the same bytes for the same seed, and refuses an edge list', async () => {
    const args = (...more: string[]) =>
      run('balance', '--world', world, '--at', '2021-12', '--stability', '200', '--seed', '3', ...more);
    const text = await args();
    expect(text).toMatch(/stability over 200 draws \(seed 3;/);
    expect(text).toMatch(/triangle index +\d\.\d{3} \(5–95 %/);
    expect(await args()).toBe(text);
    expect(JSON.parse(await args('--json')).stability).toMatchObject({ seed: 3, draws: 200 });
    await expect(run('balance', '--edges', tribes, '--stability', '10')).rejects.toThrow(/no confidence/);
  });

  it('balance on a world prints a table with the factions', async () => {
    const text = await run('balance', '--world', world, '--at', '2021-12');
    expect(text).toContain('frustration L');
    expect(text).toContain('factions:');
  });

  it('triangle, triangles, balancers, alignment, power and series answer in JSON', async () => {
    const t = JSON.parse(
      await run('triangle', 'PIV', 'WNA', 'WNB', '--world', world, '--at', '2021-12', '--json'),
    );
    expect(t).toMatchObject({
      type: 'romantic',
      pivot: 'PIV',
      ties: { 'PIV-WNA': 0.5, 'PIV-WNB': 0.4, 'WNA-WNB': -0.7 },
    });
    const cat = JSON.parse(await run('triangles', '--world', world, '--json'));
    expect(cat.pivotCounts.PIV).toBeGreaterThan(0);
    const rows = JSON.parse(await run('balancers', '--world', world, '--json'));
    // PIV is friendly to both wings but hostile to PLA: it balances WNA vs WNB only.
    const piv = rows.find((r: { actor: string }) => r.actor === 'PIV');
    expect(piv.pairs.map((p: { a: string; b: string }) => `${p.a}-${p.b}`)).toEqual(['WNA-WNB']);
    const axis = JSON.parse(await run('alignment', '--world', world, '--poles', 'PLA,PLB', '--json'));
    expect(axis.oneSided).toContainEqual({ actor: 'WNB', pole: 'PLB', tie: 0.8 });
    expect(axis.rows.find((r: { actor: string }) => r.actor === 'PIV').position).toBeCloseTo(
      (-0.4 - 0.3) / 2,
      12,
    );
    await expect(run('balancers', '--world', world, '--kinds', 'state,rebel')).rejects.toThrow(/rebel/);
    const power = JSON.parse(await run('power', '--world', world, '--json'));
    expect(power.capabilities[0].actor).toBe('PLB');
    const armed = JSON.parse(
      await run('power', '--world', world, '--measure', 'milex', '--transfer', 'WNB:1000', '--json'),
    );
    const effect = armed.transfer.effects.find(
      (e: { a: string; b: string }) => e.a === 'WNA' && e.b === 'WNB',
    );
    expect(effect.shareShift).toBeLessThan(0);
    expect(effect.capB).toBe(11_000_000 + 1_000_000);
    const series = JSON.parse(
      await run(
        'series',
        'triangle:PIV:WNA:WNB',
        '--world',
        world,
        '--from',
        '2016',
        '--to',
        '2020',
        '--every',
        '48',
        '--json',
      ),
    );
    expect(series.points.map((p: { value: string }) => p.value)).toEqual(['stable-marriage', 'romantic']);
  });

  it('prints readable tables and fails on unknown actors', async () => {
    expect(await run('alignment', '--world', world, '--poles', 'PLA,PLB')).toMatch(/position/);
    expect(
      await run('series', 'tilt:PIV:WNA:WNB', '--world', world, '--from', '2016', '--to', '2017'),
    ).toMatch(/2016-01/);
    await expect(run('triangle', 'PIV', 'WNA', 'NOPE', '--world', world)).rejects.toThrow(NotFoundError);
  });
});
