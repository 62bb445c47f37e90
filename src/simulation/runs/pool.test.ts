import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorld } from '../../worlds/load.js';
import { compileWorld } from '../model/world-model.js';
import { parseScenario } from '../scenarios/scenario.js';
import type { Gathered } from './gather.js';
import { compilePlan } from './plan.js';
import { discardWorkers, runChunks, startWorkers } from './pool.js';
import { warmUpPlan } from './warm-up-plan.js';
import { workerScript } from './worker-script.js';

const bytes = (g: Gathered) =>
  [g.horizon, g.capabilities, g.trajectories, g.attribution, g.via].map((b) =>
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64'),
  );

describe('the thread pool', () => {
  const plan = { ...warmUpPlan({ runs: 30, steps: 12 }), chunk: 10 };

  it('gives byte-identical results from this thread, fresh workers and early-started ones', async () => {
    const here = bytes(await runChunks(plan, { workers: 1 }));
    const fresh = bytes(await runChunks(plan, { workers: 2, offThread: true }));
    const early = bytes(
      await runChunks(plan, { workers: 2, offThread: true, prepared: startWorkers(2, 50) }),
    );
    expect(fresh).toEqual(here);
    expect(early).toEqual(here);
  });

  it('stops early-started threads it does not need and starts the ones missing', async () => {
    const here = bytes(await runChunks(plan, { workers: 1 }));
    const spare = startWorkers(3, 20);
    expect(bytes(await runChunks(plan, { workers: 2, offThread: true, prepared: spare }))).toEqual(here);
    const started = await spare.ready;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started.filter((w) => w.exited())).toHaveLength(3);
    const short = startWorkers(1, 20);
    expect(bytes(await runChunks(plan, { workers: 3, offThread: true, prepared: short }))).toEqual(here);
  });

  it('discards early-started threads that get no plan', async () => {
    const prepared = startWorkers(2, 20);
    await discardWorkers(prepared);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await prepared.ready).every((w) => w.exited())).toBe(true);
  });

  it('keeps the bundled worker script for later processes, which can start workers at once', async () => {
    const text = await workerScript();
    expect(text).toContain('warmUp');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const probe =
      "import('./src/simulation/runs/worker-script.ts').then((m) => console.log(m.workerScriptNow() === null ? 'build' : 'ready'))";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', probe], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('ready');
  });

  it('warms up on a plan shaped like compiled ones (same fields in the same order)', () => {
    const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
    const world = loadWorld(`${fixtures}sim-world`);
    const doc = parseScenario(
      'name: s\nstart: 2021-12\nhorizon: 3\nshocks:\n  - { at: 0, tie: [BEL, COR], shift: 0.5 }\n',
      's.yaml',
    );
    const model = compileWorld(world, '2021-12', { keep: ['BEL', 'COR'] });
    const compiled = compilePlan(doc.scenario, model, { runs: 1, chunk: 1 });
    const warm = warmUpPlan();
    expect(Object.keys(warm)).toEqual(Object.keys(compiled));
    expect(Object.keys(warm.model)).toEqual(Object.keys(compiled.model));
    expect(Object.keys(warm.shocks[0]!)).toEqual(Object.keys(compiled.shocks[0]!));
    for (const key of Object.keys(warm.model) as (keyof typeof warm.model)[])
      expect(warm.model[key]?.constructor).toBe(compiled.model[key]?.constructor);
  });
});
