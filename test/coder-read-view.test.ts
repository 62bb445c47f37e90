/** The workbench's Read view in Chromium: paste text, code it, see actors, verbs and events. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { launchChromium } from './helpers/chromium.js';

const WEB_INDEX = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(WEB_INDEX)) {
    throw new Error('web/dist/index.html is missing: build the workbench first with `npm run build:web`');
  }
  server = await startServer({ port: 0, log: null });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Read view', () => {
  it('codes pasted text and highlights actors and verbs', async () => {
    await page.goto(`${server.url}/#world=eurasia&tab=read`);
    await page.waitForSelector('#read-input');
    await page.fill(
      '#read-input',
      'It rained all week.\n\nPakistani troops attacked Indian soldiers. Moscow condemned Washington.',
    );
    await page.fill('#read-date', '2019-08-15');
    await page.click('#read-run');
    await page.waitForSelector('#read-result[data-state="done"]');
    const rows = await page
      .locator('#read-events tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            `${tr.getAttribute('data-source')}>${tr.getAttribute('data-target')}:${tr.getAttribute('data-code')}`,
        ),
      );
    expect(rows).toEqual(['PAKMIL>INDMIL:190', 'RUS>USA:111']);
    expect(await page.locator('#read-text mark.read-verb').allTextContents()).toEqual([
      'attacked',
      'condemned',
    ]);
    expect(await page.locator('#read-text mark.read-actor').allTextContents()).toEqual([
      'Pakistani troops',
      'Indian soldiers',
      'Moscow',
      'Washington',
    ]);
    expect(problems).toEqual([]);
  });
});
