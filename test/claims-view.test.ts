import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimCheck } from '../src/analysis/claims/check-claims.js';
import type { RunningServer } from '../src/api/server.js';
import { useWorkbench } from './helpers/workbench.js';

let server: RunningServer;
let browser: Browser;
const wb = useWorkbench();

beforeAll(async () => {
  ({ server, browser } = wb);
});

describe('claims panel', () => {
  it('lists every claim with its verdict and opens the evidence of a tested one', async () => {
    const checks: ClaimCheck[] = await (await fetch(`${server.url}/api/worlds/eurasia/claims/check`)).json();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    await page.click('#tab-claims');
    await page.waitForSelector('#claims-table[data-state="done"]');
    expect(await page.locator('#claims tbody tr').count()).toBe(checks.length);
    const verdicts = await page
      .locator('#claims tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-claim'), r.getAttribute('data-verdict')]));
    expect(verdicts).toEqual(checks.map((c) => [c.id, c.verdict]));
    expect(await page.locator('#claims .badge.verdict').count()).toBe(checks.length);

    const tested = checks.find((c) => c.verdict !== 'not-testable' && c.date.length >= 7)!;
    await page.click(`#claims tr[data-claim="${tested.id}"] button`);
    await page.waitForSelector('#drawer[data-state="open"]');
    expect(await page.locator('#time-output').textContent()).toBe(tested.date.slice(0, 7));
    await page.close();
    expect(problems).toEqual([]);
  });
});
