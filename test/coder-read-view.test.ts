/**
 * The workbench's Read view in Chromium: paste text, code it, see actors, verbs and events; choose
 * events and add them to the open world as a downloaded world file that loads with the world.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/api/server.js';
import { resolveWorldRef } from '../src/worlds/bundled.js';
import { loadWorld } from '../src/worlds/load.js';
import { useWorkbench } from './helpers/workbench.js';

let server: RunningServer;
let browser: Browser;
const wb = useWorkbench();
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser } = wb);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
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

  it('shows a placeholder before any text is pasted', async () => {
    await page.goto(`${server.url}/#world=eurasia&tab=read`);
    await page.waitForSelector('#read-input');
    expect(await page.getAttribute('#read-input', 'placeholder')).toMatch(/Paste English/);
    expect(await page.isDisabled('#read-add')).toBe(true);
  });

  it('adds the chosen events to the world as a world file with the sentences as evidence', async () => {
    await page.goto(`${server.url}/#world=eurasia&tab=read`);
    await page.waitForSelector('#read-input');
    const text = 'Moscow condemned Washington. Russia praised Pakistan.\n\nChina accused India of meddling.';
    await page.fill('#read-input', text);
    await page.fill('#read-date', '2021-04-07');
    await page.click('#read-run');
    await page.waitForSelector('#read-result[data-state="done"]');
    expect(await page.locator('#read-events input.read-choose').count()).toBe(3);
    expect(await page.isDisabled('#read-add')).toBe(true);
    await page.locator('#read-events tbody tr[data-target="PAK"] input.read-choose').check();
    await page.locator('#read-events tbody tr[data-source="CHN"] input.read-choose').check();
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#read-add')]);
    await page.waitForSelector('#read-added[data-state="done"]');
    expect(await page.textContent('#read-added')).toMatch(/^2 event\(s\)/);
    const patch = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(
      patch.events.map((e: { source: string; target: string; cameo: string }) => `${e.source}>${e.target}`),
    ).toEqual(['RUS>PAK', 'CHN>IND']);
    expect(patch.evidence.map((e: { quote: string }) => e.quote)).toEqual([
      'Russia praised Pakistan.',
      'China accused India of meddling.',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'cb-read-'));
    cpSync(resolveWorldRef('eurasia'), dir, { recursive: true });
    cpSync(await file.path(), join(dir, file.suggestedFilename()));
    expect(loadWorld(dir, { cache: false }).events.length).toBe(loadWorld('eurasia').events.length + 2);
    expect(problems).toEqual([]);
  });
});
