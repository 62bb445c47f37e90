/**
 * Replication bundles through the real CLI entry: the bundle holds what the run used, re-running
 * it from the manifest reproduces the outputs byte for byte, and a changed world, tampered outputs
 * or an occupied folder are refused with exit 1.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured as run } from './helpers/run-command.js';

/** The synthetic scenario and its world, copied so a test may change them. */
function copyScenario(): { dir: string; scenario: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cb-bundle-'));
  cpSync('test/fixtures/sim-world', join(dir, 'sim-world'), { recursive: true });
  cpSync('test/fixtures/sim-scenario.yaml', join(dir, 'sim-scenario.yaml'));
  return { dir, scenario: join(dir, 'sim-scenario.yaml') };
}

describe('scenario run --bundle and scenario replicate', () => {
  it('writes manifest, scenario, outputs and citations, and re-runs byte for byte', async () => {
    const { dir, scenario } = copyScenario();
    const bundle = join(dir, 'bundle');
    const r = await run(
      'scenario',
      'run',
      scenario,
      '--seed',
      '11',
      '--runs',
      '6',
      '--bundle',
      bundle,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(bundle, 'outputs.json'), 'utf8')).toBe(r.stdout);
    const m = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    expect(m.parameters).toMatchObject({
      seed: 11,
      runs: 6,
      dimension: 'composite',
      chunk: 10,
      drawTies: true,
    });
    expect(m.resolved.summary).toHaveProperty('attributionTop');
    expect(m.resolved.mechanisms.length).toBeGreaterThan(0);
    expect(m.world).toMatchObject({ id: 'sim-world', files: ['world.yaml'] });
    expect(m.world.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.tool.node).toBe(process.version);
    expect(m.commandLine).toContain('--bundle');
    expect(readFileSync(join(bundle, m.scenario.file), 'utf8')).toBe(readFileSync(scenario, 'utf8'));
    expect(readFileSync(join(bundle, 'citations.bib'), 'utf8')).toMatch(/^@\w+\{/);
    expect(Array.isArray(JSON.parse(readFileSync(join(bundle, 'citations.json'), 'utf8')))).toBe(true);

    const again = await run('scenario', 'replicate', bundle);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('reproduced byte for byte');
  });

  it('fails with exit 1 when the outputs were changed or the world files differ', async () => {
    const { dir, scenario } = copyScenario();
    const bundle = join(dir, 'bundle');
    expect((await run('scenario', 'run', scenario, '--runs', '4', '--bundle', bundle, '--json')).code).toBe(
      0,
    );
    const outputs = join(bundle, 'outputs.json');
    const original = readFileSync(outputs, 'utf8');
    writeFileSync(outputs, original.replace(/"runs": 4/, '"runs": 5'));
    const tampered = await run('scenario', 'replicate', bundle);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('does not reproduce outputs.json');
    writeFileSync(outputs, original);
    appendFileSync(join(dir, 'sim-world', 'world.yaml'), '\n# edited after the run\n');
    const changed = await run('scenario', 'replicate', bundle);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('is not the one the bundle ran on');
  });

  it('refuses a non-empty bundle folder and writes nothing into it', async () => {
    const { dir, scenario } = copyScenario();
    const bundle = join(dir, 'taken');
    mkdirSync(bundle);
    writeFileSync(join(bundle, 'notes.txt'), 'mine');
    const r = await run('scenario', 'run', scenario, '--runs', '2', '--bundle', bundle);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('exists and is not empty');
    expect(existsSync(join(bundle, 'manifest.json'))).toBe(false);
  });
});
