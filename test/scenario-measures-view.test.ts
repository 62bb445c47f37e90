/**
 * Issue 17.3 in headless Chromium against the real server: the scenario form adds measures to the
 * YAML's `follow:`, a small run draws a fan per numeric measure (the scenario's and the twin's
 * median with their bands) and stacked outcome bars per categorical one, and what is drawn matches
 * the API's answer for the same scenario (same seed, same result). The form's bounds are the
 * server's, from /api/health. Expectations come from the API, never from hard-coded values.
 *
 * Needs the built workbench (`npm run build:web` writes web/dist).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Client, createClient } from '../src/api/client.js';
import type { RunningServer } from '../src/api/server.js';
import { MEASURE_FORMS } from '../web/src/views/scenarios/measures.js';
import { useWorkbench, watchProblems } from './helpers/workbench.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const RUNS = 50;
const HORIZON = 12;

let server: RunningServer;
let api: Client;
let browser: Browser;
const wb = useWorkbench();
let page: Page;
let problems: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, browser } = wb);
  api = createClient({ baseUrl: server.url });
});

beforeEach(async () => {
  problems = [];
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchProblems(page, problems);
});

afterEach(async () => {
  await page?.close();
  expect(problems).toEqual([]);
});

/** Picks a measure in the form by its YAML key, with its actors, and adds it. */
async function follow(key: string, actors: readonly string[]): Promise<void> {
  const k = MEASURE_FORMS.findIndex((f) => f.key === key);
  await page.selectOption('#measure-kind', String(k));
  for (const [i, id] of actors.entries()) await page.selectOption(`#measure-actor-${i}`, id);
  await page.click('#measure-add');
}

describe('followed measures in the scenario editor', () => {
  it('adds measures through the form and draws fans and outcome bars that match the API', async () => {
    const health = await api.health();
    const [bundled] = await api.scenarios('eurasia');
    const start = bundled!.start;
    const cat = await api.triangles('eurasia', { at: start });
    const triple = (cat.catalogue!.byType.romantic ?? Object.values(cat.catalogue!.byType).flat())[0]!.actors;
    const [a, b, c] = triple;

    await page.goto(`${server.url}/#world=eurasia&tab=scenarios`);
    await page.waitForSelector('#scenario-yaml');
    await page.waitForFunction(
      () => (document.getElementById('scenario-yaml') as HTMLTextAreaElement).value.length > 0,
    );
    // The form's bounds are the server's.
    expect(await page.getAttribute('#scenario-runs', 'max')).toBe(String(health.limits.maxRuns));
    expect(await page.getAttribute('#scenario-horizon', 'max')).toBe(String(health.limits.maxHorizon));

    const base = [
      'name: measures in the workbench',
      `start: ${start}`,
      `horizon: ${HORIZON}`,
      `runs: ${RUNS}`,
      'seed: 3',
      'shocks:',
      `  - { at: 1, tie: [${a}, ${b}], shift: -0.6 }`,
      '',
    ].join('\n');
    await page.fill('#scenario-yaml', base);
    await page.waitForSelector('#scenario-problems[data-state="valid"]');

    await follow('triangle', triple);
    await follow('tilt', [a, b, c]);
    await expect.poll(() => page.locator('#scenario-follow .follow-row').count()).toBe(2);
    const text = await page.inputValue('#scenario-yaml');
    const { follow: followed, ...rest } = parse(text);
    expect(followed).toEqual([{ triangle: [...triple] }, { tilt: a, between: [b, c] }]);
    // The rest of the scenario is as written.
    expect(rest).toEqual(parse(base));
    await page.waitForSelector('#scenario-problems[data-state="valid"]');

    await page.click('#scenario-run');
    await page.waitForSelector('#scenario-results[data-state="done"]', { timeout: 120_000 });
    const result = await api.runScenarioNow('eurasia', text);
    expect(result.runs).toBe(RUNS);
    const numeric = result.measures.filter((m) => !m.outcomes);
    const categorical = result.measures.filter((m) => m.outcomes);
    expect(numeric.map((m) => m.name)).toEqual(['tilt']);
    expect(categorical.map((m) => m.name)).toEqual(['triangle']);

    // A fan per numeric measure: one median line and one of each band per side with values.
    const fans = page.locator('#scenario-measures figure.measure-fan');
    expect(await fans.count()).toBe(numeric.length);
    const tilt = numeric[0]!;
    const sides = (['scenario', 'baseline'] as const).filter((s) => tilt.steps.some((p) => p.bands?.[s]));
    expect(sides.length).toBe(2);
    const fan = fans.first();
    expect(await fan.getAttribute('data-args')).toBe(tilt.args.join(','));
    expect(await fan.locator('g.median path').count()).toBe(sides.length);
    expect(await fan.locator('g.band-50 path').count()).toBe(sides.length);
    expect(await fan.locator('g.band-90 path').count()).toBe(sides.length);
    expect(await fan.locator('figcaption').textContent()).toContain(tilt.title);

    // Outcome bars: one bar per outcome a side reached at the horizon, scenario and twin.
    const bars = page.locator('#scenario-measures figure.outcome-bars');
    expect(await bars.count()).toBe(categorical.length);
    const tri = categorical[0]!;
    const reached = tri.outcomes!.flatMap((o) => [o.scenario, o.baseline]).filter((p) => p > 0).length;
    expect(await bars.first().locator('g.outcomes rect').count()).toBe(reached);
    const titles = await bars.first().locator('g.outcomes rect title').allTextContents();
    for (const o of tri.outcomes!) {
      if (o.scenario > 0)
        expect(titles).toContain(`scenario: ${o.outcome} in ${(o.scenario * 100).toFixed(1)} % of runs`);
    }

    await fan.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scenario-measures.png`, fullPage: true });
    await fan.screenshot({ path: `${ARTIFACTS}scenario-measure-fan.png` });
  }, 240_000);
});
