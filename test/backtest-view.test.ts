import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/api/server.js';
import { MODELS, runBacktest } from '../src/simulation/backtest/backtest.js';
import { loadWorld } from '../src/worlds/load.js';
import { useWorkbench } from './helpers/workbench.js';

let server: RunningServer;
let browser: Browser;
const wb = useWorkbench();

beforeAll(async () => {
  ({ server, browser } = wb);
});

const world = loadWorld(fileURLToPath(new URL('./fixtures/backtest-world', import.meta.url)));

describe('backtest panel', () => {
  it('charts a backtest file: a score by horizon, the calibration and the pooled table', async () => {
    const result = runBacktest(world, {
      fit: [2001, 2005],
      test: [2006, 2008],
      runs: 6,
      focus: ['AAA', 'CCC'],
    });
    const dir = mkdtempSync(join(tmpdir(), 'cb-backtest-view-'));
    const good = join(dir, 'backtest.json');
    writeFileSync(good, JSON.stringify(result));
    const bad = join(dir, 'other.json');
    writeFileSync(bad, JSON.stringify({ effects: [] }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    await page.click('#tab-backtest');
    await page.setInputFiles('#backtest-file', bad);
    await page.waitForSelector('#backtest-charts[data-state="error"]');
    expect(await page.locator('#backtest-charts .error').textContent()).toContain('backtest');

    await page.setInputFiles('#backtest-file', good);
    await page.waitForSelector('#backtest-charts[data-state="done"]');
    const pooled = await page
      .locator('#backtest-pooled tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')));
    expect(pooled).toEqual([...MODELS]);
    const engine = result.scores.find(
      (s) => s.model === 'engine' && s.dimension === 'composite' && s.dyads === 'all' && s.horizon === null,
    )!;
    expect(await page.locator('#backtest-pooled tr[data-model="engine"] td').nth(1).textContent()).toBe(
      String(engine.cells),
    );
    // One line per model in the score chart, two (50 % and 90 %) per model in the calibration chart.
    expect(await page.locator('#backtest-scores svg g[aria-label="line"] path').count()).toBe(MODELS.length);
    expect(await page.locator('#backtest-calibration svg g[aria-label="line"] path').count()).toBe(
      2 * MODELS.length,
    );
    const dims = await page.locator('#backtest-dimension option').allTextContents();
    expect(dims).toEqual([...new Set(result.scores.map((s) => s.dimension))]);
    await page.selectOption('#backtest-score', 'brier');
    await page.waitForFunction(() =>
      document.querySelector('#backtest-scores')?.textContent?.includes('Brier'),
    );
    await page.selectOption('#backtest-dyads', 'focus');
    await page.waitForFunction(
      (cells) =>
        document.querySelector('#backtest-pooled tr[data-model="engine"] td:nth-child(2)')?.textContent ===
        cells,
      String(
        result.scores.find(
          (s) =>
            s.model === 'engine' && s.dimension === 'composite' && s.dyads === 'focus' && s.horizon === null,
        )!.cells,
      ),
    );
    if (process.env.CB_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.CB_SCREENSHOTS, 'backtest.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});
