/**
 * Inputs that used to pass validation or be reported wrongly: coordinates off the globe, bytes that
 * are not UTF-8, a JSON world with a byte-order mark, date errors hidden behind other errors, the
 * problem count capped at the shown ones, `--workers 0`, and a series ending in 9999.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { WorldValidationError } from '../src/domain/errors.js';
import { loadWorld } from '../src/worlds/load.js';
import { projectRoot } from './helpers/cli.js';
import { runCliCaptured } from './helpers/run-command.js';
import { brokenWorld } from './helpers/temp-world.js';

const mini = join(projectRoot, 'test/fixtures/mini-world');

function problemsOf(ref: string): WorldValidationError {
  try {
    loadWorld(ref);
  } catch (err) {
    if (err instanceof WorldValidationError) return err;
    throw err;
  }
  throw new Error(`${ref} loaded without a problem`);
}

const run = runCliCaptured;

describe('world validation gaps', () => {
  it.each([
    {
      edit: ['lat: 10, lon: 10', 'lat: 300, lon: 10'],
      line: 11,
      field: 'actors[0].capital.lat',
      message: 'latitudes lie in [-90, 90]',
    },
    {
      edit: ['lat: 12, lon: 14', 'lat: 12, lon: -181'],
      line: 12,
      field: 'actors[1].capital.lon',
      message: 'longitudes lie in [-180, 180]',
    },
  ])('refuses $field off the globe', ({ edit, ...problem }) => {
    const err = problemsOf(brokenWorld((t) => t.replace(edit[0]!, edit[1]!)));
    expect(err.problems).toEqual([expect.objectContaining(problem)]);
  });

  it('reports bytes that are not UTF-8 with their line instead of turning them into U+FFFD', () => {
    const dir = brokenWorld((t) => t.replace('name: Beta,', 'name: BETA_LATIN1,'));
    const file = join(dir, 'world.yaml');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('BETA_LATIN1');
    // "Bêta" in Latin-1: ê is the single byte 0xEA.
    writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, at), Buffer.from([0x42, 0xea, 0x74, 0x61]), bytes.subarray(at + 11)]),
    );
    const err = problemsOf(dir);
    expect(err.problems).toEqual([
      expect.objectContaining({ file: 'world.yaml', line: 12, message: 'byte 0xEA is not UTF-8 text' }),
    ]);
    expect(err.problems[0]!.hint).toContain('UTF-8');
  });

  it('accepts a byte-order mark in a JSON world as in a YAML one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-bom-'));
    const yaml = readFileSync(join(mini, 'world.yaml'), 'utf8');
    writeFileSync(join(dir, 'world.json'), `\uFEFF${JSON.stringify(load(yaml))}`);
    const fromJson = loadWorld(dir);
    const yamlDir = mkdtempSync(join(tmpdir(), 'cb-bom-'));
    writeFileSync(join(yamlDir, 'world.yaml'), `\uFEFF${yaml}`);
    const fromYaml = loadWorld(yamlDir);
    expect(fromJson.actors.map((a) => a.id)).toEqual(fromYaml.actors.map((a) => a.id));
    expect(fromJson.ties).toEqual(loadWorld(mini).ties);
  });

  it('reports an impossible date together with the other errors of the file', () => {
    const dir = brokenWorld((t) =>
      t.replace('value: -0.5', 'vaule: -0.5').replace('date: 2010-06-15', 'date: 2010-13-15'),
    );
    const fields = problemsOf(dir).problems.map((p) => `${p.field}: ${p.message}`);
    expect(fields).toContainEqual(
      expect.stringMatching(/^events\[0\]\.date: '2010-13-15' is not a calendar date/),
    );
    expect(fields).toContainEqual(expect.stringMatching(/vaule/));
  });

  it('counts every problem, not only the ones it shows', async () => {
    const many = Array.from(
      { length: 300 },
      (_, i) =>
        `  - { a: AAA, b: X${i}, dimension: military, observations: [{ at: "2001", value: 0.1, evidence: [e1] }] }`,
    ).join('\n');
    const dir = brokenWorld((t) => t.replace('\nties:\n', `\nties:\n${many}\n`));
    const err = problemsOf(dir);
    expect(err.total).toBe(300);
    expect(err.problems).toHaveLength(50);
    expect(err.message).toMatch(/\(300 problems\)/);
    expect(err.message).toMatch(/… and 250 more$/);
    const r = await run('world', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/: 300 problems\n/);
    expect(r.stderr).toContain('… and 250 more (the first 50 are shown)');
    const json = JSON.parse((await run('world', 'validate', dir, '--json')).stdout);
    expect(json[0]).toMatchObject({ valid: false, total: 300 });
    expect(json[0].problems).toHaveLength(50);
  });
});

describe('option gaps', () => {
  it('refuses --workers 0 with a one-line error', async () => {
    const scenario = join(projectRoot, 'test/fixtures/sim-scenario.yaml');
    const r = await run('scenario', 'run', scenario, '--workers', '0', '--runs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: --workers: --workers takes a whole number of at least 1, got '0'\n");
  });

  it('runs a series up to the last representable year', async () => {
    const r = await run(
      'series',
      'tie:AAA:BBB',
      '--world',
      mini,
      '--from',
      '9999',
      '--to',
      '9999',
      '--every',
      '6',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).points.map((p: { at: string }) => p.at)).toEqual(['9999-01', '9999-07']);
  });
});
