/** `bargain` refuses issues past its actor and dimension limits (options with defaults) before any work. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BARGAIN_LIMITS } from '../src/cli/commands/bargain.js';
import { runCliCaptured } from './helpers/run-command.js';

/** A KTAB CSV of `actors` actors on one dimension, positions spread over the scale. */
function ktab(actors: number): string {
  const rows = Array.from(
    { length: actors },
    (_, i) => `A${i},Actor ${i},${10 + (i % 90)},${(i * 37) % 101},50,`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'cb-ktab-')), 'many.csv');
  writeFileSync(
    file,
    [
      `Many; scen 1,Scenario-0001; generated, ${actors}, 1,`,
      'Actor,Description,Influence,Position,Salience,',
      ...rows,
    ].join('\n'),
  );
  return file;
}

const run = runCliCaptured;

describe('bargain limits', () => {
  it('refuses more actors than --max-actors (default BARGAIN_LIMITS.maxActors) and says how to raise it', async () => {
    const n = BARGAIN_LIMITS.maxActors + 1;
    const r = await run('bargain', ktab(n), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: 'Many; scen 1' has ${n} actors, more than the limit of ${BARGAIN_LIMITS.maxActors} (raise it with --max-actors ${n})\n`,
    );
    expect((await run('bargain', ktab(12), '--max-actors', '11')).stderr).toContain('limit of 11');
    expect((await run('bargain', ktab(12), '--max-actors', '12', '--json')).code).toBe(0);
  });

  it("refuses more dimensions than --max-dimensions, and KTAB's 160-actor data by default", async () => {
    expect((await run('bargain', 'dummyData-a160')).stderr).toMatch(
      /has 160 actors, more than the limit of 100/,
    );
    const r = await run('bargain', 'dummyData_3Dim', '--max-dimensions', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /has 3 dimensions, more than the limit of 2 \(raise it with --max-dimensions 3\)/,
    );
  });
});
