/**
 * The claims panel in headless Chromium against the real server: one row per claim with the verdict
 * the API gives, and a claim's evidence button opens the drawer at the claim's month. Expectations
 * come from the API. Needs the built workbench (`npm run build:web`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimCheck } from '../src/analysis/claims/check-claims.js';
import { type RunningServer, startServer } from '../src/api/server.js';
import { launchChromium } from './helpers/chromium.js';

const WEB_INDEX = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(WEB_INDEX)) {
    throw new Error('web/dist/index.html is missing: build the workbench first with `npm run build:web`');
  }
  server = await startServer({ port: 0, log: null });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
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
