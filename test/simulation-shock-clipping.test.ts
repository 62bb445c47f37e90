/**
 * A tie shock that would carry a tie past ±1 is clipped, and the run says so: how often, by how
 * much, at which end. A shock that stays inside the range says nothing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/simulation/scenarios/run-scenario.js';
import { parseScenario } from '../src/simulation/scenarios/scenario.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

const run = (shocks: string, drawTies = false) =>
  runScenario(
    parseScenario(
      `name: clip\nworld: ./sim-world\nstart: 2021-12\nhorizon: 6\nruns: 30\nseed: 3\nshocks:\n${shocks}`,
      'clip.yaml',
      fixtures,
    ),
    { workers: 1, drawTies },
  );
const clipping = (warnings: string[]) => warnings.filter((w) => w.includes('clipped'));

describe('clipped tie shocks', () => {
  it('say nothing when the shifted tie stays inside [−1, 1]', async () => {
    const r = await run('  - { at: 0, tie: [ARD, BEL], shift: 0.2 }\n');
    expect(clipping(r.warnings)).toEqual([]);
  });

  it('say which shock passed which end, in how many runs, and how much of it was lost', async () => {
    // ARD–BEL starts at 0.6: +0.8 would take it to 1.4; ARD–COR starts at −0.6: −0.8 to −1.4.
    const r = await run(
      '  - { at: 0, tie: [ARD, BEL], shift: 0.8 }\n  - { at: 2, tie: [ARD, COR], shift: -0.8 }\n',
    );
    const [first, second, ...rest] = clipping(r.warnings);
    expect(rest).toEqual([]);
    expect(first).toMatch(
      /^shock 1 \(ARD–BEL shift \+0\.80 at step 0\): clipped at \+1 in 30 of 30 runs; 0\.40 of/,
    );
    expect(second).toMatch(/^shock 2 \(ARD–COR shift −0\.80 at step 2\): clipped at −1 in \d+ of 30 runs/);
  });

  it('count the runs where drawn start ties put the shock past the end', async () => {
    const r = await run('  - { at: 0, tie: [ARD, BEL], shift: 0.3 }\n', true);
    const [w] = clipping(r.warnings);
    const runs = Number(/in (\d+) of 30 runs/.exec(w ?? '')?.[1]);
    // The tie starts at 0.6 with confidence 0.6: some draws start above 0.7, most below.
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThan(30);
  });

  it('say when a dimension shock passes the end of its layer', async () => {
    const r = await run('  - { at: 0, tie: [ARD, BEL], dimension: diplomatic, shift: 0.9 }\n');
    expect(clipping(r.warnings)[0]).toMatch(
      /^shock 1 \(ARD–BEL diplomatic shift \+0\.90 at step 0\): the diplomatic layer would pass \+1 .* 0\.50 of the shift lost$/,
    );
  });
});
