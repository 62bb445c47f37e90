/** `balance --time-limit` bounds every stage on a large graph and says what it gave up. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomInt, stream } from '../src/kernels/random.js';
import { runCliCaptured } from './helpers/run-command.js';

/** A seeded random signed edge list of `n` nodes and `5n` distinct edges, 40 % negative. */
function edgeList(n: number, seed: number): string {
  const rng = stream(seed);
  const seen = new Set<string>();
  const rows = ['from,to,sign'];
  while (rows.length <= 5 * n) {
    const a = randomInt(rng, n);
    const b = randomInt(rng, n);
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    rows.push(`N${a},N${b},${rng.next() < 0.4 ? -1 : 1}`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'cb-balance-')), 'edges.csv');
  writeFileSync(file, rows.join('\n'));
  return file;
}

describe('balance time limit', () => {
  it('stops the frustration solver and the O(n³) spectral measures at the limit on 3,000 nodes', async () => {
    const r = await runCliCaptured('balance', '--edges', edgeList(3000, 7), '--time-limit', '1', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.nodes).toBe(3000);
    expect(report.walkBalance).toBeNull();
    expect(report.algebraicConflict).toBeNull();
    expect(report.frustration.optimal).toBe(false);
    expect(report.frustration.lowerBound).toBeLessThan(report.frustration.L);
    const gap = report.frustration.L - report.frustration.lowerBound;
    expect(report.timeLimitReached).toEqual([
      `frustration: heuristic bound, gap ${gap}`,
      'walk balance: not computed',
      'algebraic conflict: not computed',
    ]);
    expect(r.stderr).toContain('time limit reached: walk balance not computed');
    const table = await runCliCaptured('balance', '--edges', edgeList(3000, 7), '--time-limit', '1');
    expect(table.stdout).toMatch(/time limit reached .*walk balance: not computed/);
  }, 120_000);

  it('reports nothing cut short when a small graph finishes in time', async () => {
    const r = await runCliCaptured('balance', '--edges', edgeList(40, 7), '--json');
    const report = JSON.parse(r.stdout);
    expect(report.timeLimitReached).toEqual([]);
    expect(report.walkBalance).not.toBeNull();
    expect(report.frustration.optimal).toBe(true);
  }, 120_000);
});
