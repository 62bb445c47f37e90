/**
 * `world validate` on a 3 MB world with 30,000 problems: it reports every one in the total, prints
 * the first ones with their exact lines, and stays small (it used to parse the whole file into a
 * syntax tree with node positions to locate the first problem: 560 MB for this file).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';
import { brokenWorld } from './helpers/temp-world.js';

const TIES = 30_000;
/** Generous: the file's parsed data alone takes ~130 MB; a full syntax tree took ~400 MB more. */
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
  it('counts 30,000 problems, prints the first 50 with their lines, in bounded memory', () => {
    const ties = Array.from(
      { length: TIES },
      (_, i) =>
        `  - { a: AAA, b: X${i}, dimension: military, observations: [{ at: "2001", value: 0.1, evidence: [e1] }] }`,
    ).join('\n');
    // the actors move to the end of the file, with one id repeated: the first problem printed
    // then points at two lines past 3 MB
    const dir = brokenWorld((t) => {
      const actors = /\nactors:\n(?: {2}- .*\n)+/.exec(t)![0];
      const again = '  - { id: AAA, kind: state, name: Alpha again, evidence: [e1] }\n';
      return `${t.replace(actors, '\n').replace('\nties:\n', `\nties:\n${ties}\n`)}${actors.slice(1)}${again}`;
    });
    const text = readFileSync(join(dir, 'world.yaml'), 'utf8');
    expect(text.length).toBeGreaterThan(3_000_000);
    const lines = text.split('\n');
    const firstTieLine = lines.indexOf('ties:') + 2;
    const firstAaa = lines.findIndex((l) => l.startsWith('  - { id: AAA')) + 1;
    const secondAaa = lines.findLastIndex((l) => l.startsWith('  - { id: AAA')) + 1;
    expect(firstTieLine).toBeLessThan(firstAaa);

    const r = validateMeasured(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`: ${TIES + 1} problems\n`);
    expect(r.stderr).toContain(`… and ${TIES + 1 - 50} more (the first 50 are shown)`);
    const duplicate = r.stderr.split('\n').find((l) => /duplicate actor id 'AAA'/.test(l));
    expect(duplicate).toContain(`world.yaml:${secondAaa} actors[4].id:`);
    expect(duplicate).toContain(`(first defined in world.yaml line ${firstAaa})`);
    const shown = r.stderr.split('\n').filter((l) => /unknown actor/.test(l));
    expect(shown).toHaveLength(49);
    expect(shown[0]).toContain(`world.yaml:${firstTieLine} `);
    expect(shown[0]).toContain("ties[0].b: unknown actor 'X0'");
    expect(shown[48]).toContain(`world.yaml:${firstTieLine + 48} `);
    expect(shown[48]).toContain("ties[48].b: unknown actor 'X48'");
    expect(r.peakMB).toBeLessThan(PEAK_MB);
  }, 120_000);
});
