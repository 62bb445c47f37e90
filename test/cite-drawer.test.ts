/**
 * The evidence drawer's "Cite the sources" links in headless Chromium against the real server:
 * the BibTeX download is the API's bibliography for that pair and date, and it cites every source
 * the drawer shows. Needs the built workbench (`npm run build:web` writes web/dist).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/api/client.js';
import type { RunningServer } from '../src/api/server.js';
import { useWorkbench } from './helpers/workbench.js';

let server: RunningServer;
let browser: Browser;
const wb = useWorkbench();

beforeAll(async () => {
  ({ server, browser } = wb);
});

describe('evidence drawer citations', () => {
  it('downloads the BibTeX of the pair at the date, citing every source the drawer shows', async () => {
    const api = createClient({ baseUrl: server.url });
    const at = '2021-12';
    const snap = await api.snapshot('eurasia', { at });
    const tie = [...snap.ties].sort((x, y) => Math.abs(y.value) - Math.abs(x.value))[0]!;
    const detail = await api.tie('eurasia', tie.a, tie.b, { at });
    const shown = new Set(detail.layers.flatMap((l) => l.evidence.map((e) => e.source.id)));
    expect(shown.size).toBeGreaterThan(0);

    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}/#world=eurasia&at=${at}`);
    await page.waitForSelector('#network[data-ready="true"]');
    await page.locator(`#tie-table tr[data-a="${tie.a}"][data-b="${tie.b}"] button`).click();
    await page.waitForSelector('#drawer[data-state="open"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#drawer a.cite-link[data-format="bibtex"]'),
    ]);
    const bib = readFileSync((await download.path())!, 'utf8');
    const res = await fetch(
      `${server.url}/api/worlds/eurasia/citations?format=bibtex&at=${detail.at}&pair=${detail.a.id},${detail.b.id}`,
    );
    expect(bib).toBe(await res.text());
    const keys = new Set([...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]));
    for (const id of shown) expect(keys.has(id)).toBe(true);
    await page.close();
  });
});
