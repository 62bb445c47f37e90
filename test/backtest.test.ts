/**
 * The backtest on a four-state world with invented yearly ties (test/fixtures/backtest-world):
 * scores against a hand computation, every model on the same cells, determinism, relabelling,
 * bad windows, and the CLI's JSON and parameters file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/domain/errors.js';
import { MODELS, runBacktest } from '../src/simulation/backtest/backtest.js';
import { forecastParameters, parseParamsFile } from '../src/simulation/backtest/fitted-params.js';
import { loadWorld } from '../src/worlds/load.js';
import { cli } from './helpers/cli.js';

const dir = fileURLToPath(new URL('./fixtures/backtest-world', import.meta.url));
const world = loadWorld(dir);
const windows = { fit: [2001, 2005] as [number, number], test: [2006, 2008] as [number, number] };

/** The fair CRPS by its definition. */
function crps(x: number[], y: number): number {
  const m = x.length;
  let pairs = 0;
  for (const a of x) for (const b of x) pairs += Math.abs(a - b);
  return x.reduce((s, v) => s + Math.abs(v - y), 0) / m - pairs / (2 * m * (m - 1));
}

describe('backtest', () => {
  it('scores persistence as a hand computation does', () => {
    const result = runBacktest(world, { ...windows, runs: 4, rolling: false });
    const row = result.scores.find(
      (s) => s.model === 'persistence' && s.dimension === 'composite' && s.horizon === 1 && s.dyads === 'all',
    )!;
    // Persistence's errors at one year on the fit years 2001–2005 (A–B, A–C, B–C, B–D):
    const pool = [0.1, 0, 0.1, 0, -0.1, 0, 0, 0.2, 0, 0.1, 0, 0, 0.1, 0, -0.1, 0];
    // Cells from 2005 to 2006: [value 2005, value 2006].
    const cells = [
      [0.7, 0.6],
      [-0.3, -0.3],
      [0.4, 0.5],
      [0.2, 0.2],
    ];
    expect(row.cells).toBe(4);
    // The ensemble mean is the origin value + 0.025 (the pool's mean): errors 0.125, 0.025, −0.075, 0.025.
    expect(row.rmse).toBeCloseTo(0.075, 9);
    const expected =
      cells.reduce(
        (s, [v, y]) =>
          s +
          crps(
            pool.map((e) => v! + e),
            y!,
          ),
        0,
      ) / cells.length;
    expect(row.crps).toBeCloseTo(expected, 9);
    // No fit-year cell changed sign, so climatology gives 0, and no test cell changed either.
    const climate = result.scores.find(
      (s) => s.model === 'climatology' && s.dimension === 'composite' && s.horizon === 1 && s.dyads === 'all',
    )!;
    expect(climate.brier).toBe(0);
  });

  it('scores every model on the same cells, counted by hand', () => {
    const result = runBacktest(world, { ...windows, runs: 4, focus: ['AAA', 'CCC'] });
    expect(result.origins).toEqual([2005, 2006, 2007]);
    const groups = new Map<string, Set<number>>();
    for (const s of result.scores) {
      const key = `${s.dyads}|${s.dimension}|${s.horizon}`;
      groups.set(key, (groups.get(key) ?? new Set()).add(s.cells));
      expect(MODELS).toContain(s.model);
    }
    for (const [key, counts] of groups) expect(counts.size, key).toBe(1);
    const cells = (dimension: string, horizon: number | null, dyads = 'all') =>
      result.scores.find(
        (s) =>
          s.model === 'engine' && s.dimension === dimension && s.horizon === horizon && s.dyads === dyads,
      )!.cells;
    // Composite: 2005→2006 A–B A–C B–C B–D; 2006→2007 A–B A–C B–C C–D; 2007→2008 the same four.
    expect(cells('composite', 1)).toBe(12);
    // 2005→2007 A–B A–C B–C (B–D has ended); 2006→2008 A–B A–C B–C C–D.
    expect(cells('composite', 2)).toBe(7);
    expect(cells('composite', 3)).toBe(3);
    expect(cells('composite', null)).toBe(22);
    expect(cells('military', null)).toBe(6);
    // Focus AAA, CCC: only their own dyad, every origin and horizon.
    expect(cells('composite', null, 'focus')).toBe(6);
  });

  it('gives the same bytes for the same seed and the same scores under other ids', () => {
    const a = runBacktest(world, { ...windows, runs: 6, seed: 3 });
    const b = runBacktest(world, { ...windows, runs: 6, seed: 3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = mkdtempSync(join(tmpdir(), 'cb-backtest-'));
    const text = readFileSync(join(dir, 'world.yaml'), 'utf8').replace(
      /\b(AAA|BBB|CCC|DDD)\b/g,
      (id) => `X${id}`,
    );
    writeFileSync(join(other, 'world.yaml'), text.replace('id: backtest-world', 'id: relabelled'));
    const c = runBacktest(loadWorld(other), { ...windows, runs: 6, seed: 3 });
    expect(c.scores).toEqual(a.scores);
    expect(c.params.mechanisms).toEqual(a.params.mechanisms);
  });

  it('refuses windows that do not fit', () => {
    const refuse = (fit: [number, number], test: [number, number], field: string) => {
      try {
        runBacktest(world, { fit, test, runs: 2 });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidInputError);
        expect((err as InvalidInputError).problems[0]!.field).toBe(field);
      }
    };
    refuse([2001, 2005], [2007, 2008], '--test');
    refuse([2005, 2001], [2006, 2008], '--fit');
    refuse([2001, 2005], [2006, 2030], '--test');
  });

  it('prints JSON and writes a parameters file from the command line', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cb-params-')), 'params.json');
    const r = cli([
      'backtest',
      '-w',
      dir,
      '--fit',
      '2001-2005',
      '--test',
      '2006-2008',
      '--runs',
      '4',
      '--json',
      '-o',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.fit).toEqual([2001, 2005]);
    expect(json.test).toEqual([2006, 2008]);
    expect(Object.keys(json.scores[0]).sort()).toEqual(
      [
        'cells',
        'coverage50',
        'coverage90',
        'crps',
        'dimension',
        'dyads',
        'horizon',
        'logScore',
        'model',
        'rmse',
        'brier',
      ].sort(),
    );
    const params = parseParamsFile(readFileSync(out, 'utf8'), out);
    expect(params.world).toBe('backtest-world');
    expect(params.mechanisms.structuralBalance?.beta?.sd).toBeGreaterThanOrEqual(0);
    // A rate the data never exercised keeps its documented prior; an exercised one draws around its fit.
    const source = forecastParameters(params);
    const rates = Object.entries(params.mechanisms).flatMap(([id, ps]) =>
      Object.entries(ps).map(([k, e]) => ({ id, k, e })),
    );
    expect(rates.some((r) => !r.e.identified)).toBe(true);
    for (const { id, k, e } of rates) {
      const used = source.priors[id]?.[k] !== undefined || source.overrides[id]?.[k] !== undefined;
      expect(used, `${id}.${k}`).toBe(e.identified);
    }
    const bad = cli(['backtest', '-w', dir, '--fit', '2001:2005', '--test', '2006-2008']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--fit');
  });

  it('lets a scenario draw from fitted rates, and refuses a file that is not one', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cb-params-')), 'params.json');
    expect(
      cli(['backtest', '-w', dir, '--fit', '2001-2005', '--test', '2006-2008', '--runs', '2', '-o', out])
        .code,
    ).toBe(0);
    const run = (...extra: string[]) =>
      cli(['scenario', 'run', 'seed-russia-pakistan-bait', '--runs', '8', '--json', ...extra]);
    const plain = JSON.parse(run().stdout);
    const fitted = JSON.parse(run('--params', out).stdout);
    expect(plain.scenario.parameters).toBeUndefined();
    expect(fitted.scenario.parameters).toBe('fitted on backtest-world 2001–2005');
    expect(fitted.effects).not.toEqual(plain.effects);
    const broken = join(mkdtempSync(join(tmpdir(), 'cb-params-')), 'params.json');
    writeFileSync(broken, JSON.stringify({ ...JSON.parse(readFileSync(out, 'utf8')), format: 'other' }));
    const bad = run('--params', broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(broken);
    expect(bad.stderr).toContain('format');
  });
});
