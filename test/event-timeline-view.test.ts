/**
 * The workbench's event-data tab on a real server whose store holds the real GDELT 1.0, GDELT 2.0
 * and ICEWS samples: the dyad timeline shows one row and bar per period the API reports, the
 * curated tie over it, and a click on a period lists its events with their links, paged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { importEventFiles } from '../src/evidence/import-event-files.js';
import { openDuckDbStore } from '../src/evidence/store/duckdb-store.js';
import { useWorkbench, watchProblems } from './helpers/workbench.js';

const SAMPLES = [
  'test/fixtures/events/gdelt1_events_sample_20160728.tsv',
  'test/fixtures/events/gdelt2_events_20201115_international_dyads.export.tsv',
  'test/fixtures/events/icews_events_20180601-02_sample.tab',
];
const dir = mkdtempSync(join(tmpdir(), 'cb-event-view-'));
const db = join(dir, 'events.duckdb');
// The store is filled before the server opens it (the workbench's hooks start the server).
const store = await openDuckDbStore(db);
await importEventFiles(store, SAMPLES);
store.close();

const wb = useWorkbench({ db });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Period {
  period: string;
  count: number;
  quad: number[];
}

async function apiSeries(a: string, b: string, weighting = 'events'): Promise<Period[]> {
  const res = await fetch(`${wb.server.url}/api/event-data/dyads?a=${a}&b=${b}&weighting=${weighting}`);
  return ((await res.json()) as { series: Period[] }).series;
}

async function openPair(page: Page, a: string, b: string): Promise<void> {
  await page.goto(`${wb.server.url}/#world=eurasia&tab=events`);
  await page.waitForSelector('#ev-0 option', { state: 'attached' });
  await page.selectOption('#ev-0', a);
  await page.selectOption('#ev-1', b);
}

describe('event data tab', () => {
  it('draws a dyad timeline with the curated tie and lists the events of a clicked period', async () => {
    const series = await apiSeries('RUS', 'USA');
    expect(series.length).toBeGreaterThanOrEqual(3); // 2016-07, 2018-06 and 2020-11 in the samples
    const page = await wb.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    watchProblems(page, problems);
    await openPair(page, 'RUS', 'USA');
    await page.waitForSelector('#event-timeline[data-state="done"][data-pair="RUS~USA"]');
    const periods = await page
      .locator('#event-periods-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-period')));
    expect(periods).toEqual(series.map((s) => s.period));
    // one bar per non-empty quad of each period, and the curated line over the score dots
    const bars = series.reduce((n, s) => n + s.quad.filter((q) => q > 0).length, 0);
    expect(await page.locator('#event-timeline svg rect.clickable').count()).toBeGreaterThanOrEqual(bars);
    expect(await page.locator('#event-timeline svg circle').count()).toBe(series.length);
    expect(await page.locator('#event-timeline svg path').count()).toBeGreaterThan(0);
    await expect(page.locator('#event-timeline p').textContent()).resolves.toContain('curated composite tie');

    const busiest = series.reduce((x, y) => (y.count > x.count ? y : x));
    await page.click(`#event-periods-table tr[data-period="${busiest.period}"] button`);
    await page.waitForSelector(`#event-list[data-state="done"][data-period="${busiest.period}"]`);
    let shown = await page.locator('#event-rows tbody tr').count();
    expect(shown).toBe(Math.min(busiest.count, 50));
    while (await page.locator('#event-list .more').count()) {
      await page.click('#event-list .more');
      await page.waitForFunction((n) => document.querySelectorAll('#event-rows tbody tr').length > n, shown);
      shown = await page.locator('#event-rows tbody tr').count();
    }
    expect(shown).toBe(busiest.count);
    const links = await page
      .locator('#event-rows a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);

    // a click on a score dot opens that period
    const other = series.find((s) => s.period !== busiest.period)!;
    const index = series.indexOf(other);
    await page.locator('#event-timeline svg circle').nth(index).click();
    await page.waitForSelector(`#event-list[data-state="done"][data-period="${other.period}"]`);
    expect(await page.locator('#event-rows tbody tr').count()).toBe(Math.min(other.count, 50));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('counts by mentions when asked, and says so when a dyad has no imported events', async () => {
    const [byEvents, byMentions] = [await apiSeries('RUS', 'USA'), await apiSeries('RUS', 'USA', 'mentions')];
    const page = await wb.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    watchProblems(page, problems);
    await openPair(page, 'RUS', 'USA');
    await page.waitForSelector('#event-timeline[data-state="done"][data-pair="RUS~USA"]');
    await page.selectOption('#ev-weighting', 'mentions');
    const first = byMentions[0]!;
    await page.waitForFunction(
      ([p, n]) =>
        document.querySelector(`#event-periods-table tr[data-period="${p}"] td:nth-child(2)`)?.textContent ===
        String(n),
      [first.period, first.count] as const,
    );
    expect(first.count).toBeGreaterThan(byEvents[0]!.count);

    const actors = await page
      .locator('#ev-0 option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    let quiet: [string, string] | undefined;
    for (const a of actors) {
      for (const b of actors) {
        if (a < b && !quiet && (await apiSeries(a, b)).length === 0) quiet = [a, b];
      }
      if (quiet) break;
    }
    expect(quiet).toBeDefined();
    await page.selectOption('#ev-0', quiet![0]);
    await page.selectOption('#ev-1', quiet![1]);
    await page.waitForSelector('#event-timeline[data-state="none"]');
    await expect(page.locator('#event-timeline').textContent()).resolves.toContain('events import');
    await page.close();
    expect(problems).toEqual([]);
  });
});
