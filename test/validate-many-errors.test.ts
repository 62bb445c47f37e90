/**
 * `world validate` on a 3 MB world with 30,000 problems: it reports every one in the total, prints
 * the first ones with their exact lines, and stays small (it used to parse the whole file into a
 * syntax tree with node positions to locate the first problem: ~545 MB for this file).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';
import { manyProblemsWorld } from './helpers/many-problems-world.js';

/** Generous: the file's parsed data alone takes ~130 MB; the full syntax tree took ~300 MB more. */
const PEAK_MB = 400;

/** Runs the CLI in a child that reports its own peak resident memory on its last stdout line. */
function validateMeasured(dir: string): { code: number; stderr: string; peakMB: number } {
  const script = `
    const { runCli } = await import('./src/cli/main.ts');
    const code = await runCli(['world', 'validate', ${JSON.stringify(dir)}]);
    process.stdout.write('\\n' + JSON.stringify({ code, peakKiB: process.resourceUsage().maxRSS }) + '\\n');
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (!last.startsWith('{')) throw new Error(`child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const { code, peakKiB } = JSON.parse(last) as { code: number; peakKiB: number };
  return { code, stderr: r.stderr, peakMB: peakKiB / 1024 };
}

describe('world validate with many problems', () => {
  it('counts 30,001 problems, prints the first 50 with their lines, in bounded memory', () => {
    const w = manyProblemsWorld(30_000);
    expect(w.bytes).toBeGreaterThan(3_000_000);
    expect(w.firstTieLine).toBeLessThan(w.firstAaaLine);

    const r = validateMeasured(w.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`: ${w.total} problems\n`);
    expect(r.stderr).toContain(`… and ${w.total - 50} more (the first 50 are shown)`);
    const lines = r.stderr.split('\n');
    const duplicate = lines.find((l) => /duplicate actor id 'AAA'/.test(l));
    expect(duplicate).toContain(`world.yaml:${w.secondAaaLine} actors[4].id:`);
    expect(duplicate).toContain(`(first defined in world.yaml line ${w.firstAaaLine})`);
    const shown = lines.filter((l) => /unknown actor/.test(l));
    expect(shown).toHaveLength(49);
    expect(shown[0]).toContain(`world.yaml:${w.firstTieLine} ties[0].b: unknown actor 'X0'`);
    expect(shown[48]).toContain(`world.yaml:${w.firstTieLine + 48} ties[48].b: unknown actor 'X48'`);
    expect(r.peakMB).toBeLessThan(PEAK_MB);
  }, 120_000);
});
