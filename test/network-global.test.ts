/**
 * The network view on the bundled `global` world (~200 states) in headless Chromium against the
 * real server: it draws the states of the chosen year, the search box rings and centres an actor,
 * and the region select and the minimum |tie| slider narrow what is drawn; the tie table is
 * windowed; the map has the same three controls and labels its capitals without overlaps.
 * Expectations come from the API (the year's snapshot and the actors' regions), never from hard-coded actors.
 *
 * Needs the built workbench (`npm run build:web` writes web/dist).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createClient, type SnapshotBody } from '../src/api/client.js';
import type { RunningServer } from '../src/api/server.js';
import { TIE_TABLE_DEFAULTS } from '../web/src/views/tie-table.js';
import { useWorkbench } from './helpers/workbench.js';

const AT = '1990-12';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

let server: RunningServer;
let api: Client;
let browser: Browser;
const wb = useWorkbench();
let page: Page;
let snap: SnapshotBody;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, browser } = wb);
  api = createClient({ baseUrl: server.url });
  snap = await api.snapshot('global', { at: AT, dimension: 'composite' });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${server.url}/#world=global&at=${AT}`);
  await page.waitForSelector(`#network[data-ready="true"][data-at="${AT}"]`, { timeout: 120_000 });
}, 180_000);

const tableTotal = () => page.$eval('#tie-table', (el) => Number((el as HTMLElement).dataset.total));
const dataset = () => page.$eval('#network', (el) => ({ ...(el as HTMLElement).dataset }));

describe('the network view on global', () => {
  it("draws the chosen year's states and ties", async () => {
    expect(snap.actors.length).toBeGreaterThan(150);
    const d = await dataset();
    expect(Number(d.nodes)).toBe(snap.actors.length);
    expect(Number(d.edges)).toBe(snap.ties.length);
    expect(Number(d.shownNodes)).toBe(snap.actors.length);
    // What sigma holds: the year's actors shown, every other actor hidden.
    const shown = await page.evaluate(() => {
      const r = (window as unknown as { cbNetwork: import('sigma').default }).cbNetwork;
      const g = r.getGraph();
      return g.filterNodes((_id, a) => !a.hidden).sort();
    });
    expect(shown).toEqual(snap.actors.map((a) => a.id).sort());
    expect(problems).toEqual([]);
  });

  it('search rings and centres an actor found by name', async () => {
    const { actors } = await api.world('global');
    const present = new Set(snap.actors.map((a) => a.id));
    const target = actors.find((a) => present.has(a.id) && a.name.length > 6)!;
    await page.fill('#network-search', target.name.slice(0, 6));
    const expected = actors.find(
      (a) => present.has(a.id) && a.name.toLowerCase().includes(target.name.slice(0, 6).toLowerCase()),
    )!;
    await page.waitForFunction(
      (id) => document.querySelector<HTMLElement>('#network')?.dataset.focus === id,
      expected.id,
    );
    // The camera ends on the actor: its node sits at the canvas centre.
    await page.waitForFunction((id) => {
      const r = (window as unknown as { cbNetwork: import('sigma').default }).cbNetwork;
      const p = r.framedGraphToViewport(r.getNodeDisplayData(id)!);
      const { width, height } = r.getDimensions();
      return Math.hypot(p.x - width / 2, p.y - height / 2) < 2;
    }, expected.id);
    await page.fill('#network-search', '');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#network')?.dataset.focus === '');
  });

  it('the region select keeps only that region’s actors and the ties among them', async () => {
    const { actors } = await api.world('global');
    const regionOf = new Map(actors.map((a) => [a.id, a.region]));
    const region = regionOf.get(snap.actors[0]!.id)!;
    expect(region).toBeTruthy();
    await page.selectOption('#network-region', region);
    const want = {
      nodes: snap.actors.filter((a) => regionOf.get(a.id) === region).length,
      edges: snap.ties.filter((t) => regionOf.get(t.a) === region && regionOf.get(t.b) === region).length,
    };
    const d = await dataset();
    expect(Number(d.shownNodes)).toBe(want.nodes);
    expect(Number(d.shownEdges)).toBe(want.edges);
    expect(want.nodes).toBeLessThan(snap.actors.length);
    const rows = await page.$$eval('#tie-table tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.a!),
    );
    // The table is windowed: it says how many ties the region has and lays out the first page.
    expect(await tableTotal()).toBe(want.edges);
    expect(rows.length).toBe(Math.min(TIE_TABLE_DEFAULTS.page, want.edges));
    expect(rows.every((a) => regionOf.get(a) === region)).toBe(true);
    await page.selectOption('#network-region', '');
    expect(Number((await dataset()).shownNodes)).toBe(snap.actors.length);
  });

  it('the minimum |tie| slider hides weaker ties', async () => {
    await page.$eval('#network-min-tie', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0.5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const strong = snap.ties.filter((t) => Math.abs(t.value) >= 0.5).length;
    expect(strong).toBeLessThan(snap.ties.length);
    expect(Number((await dataset()).shownEdges)).toBe(strong);
    expect(await tableTotal()).toBe(strong);
    expect(await page.$$eval('#tie-table tbody tr', (trs) => trs.length)).toBe(
      Math.min(TIE_TABLE_DEFAULTS.page, strong),
    );
    await page.$eval('#network-min-tie', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(Number((await dataset()).shownEdges)).toBe(snap.ties.length);
    expect(problems).toEqual([]);
  });
});

describe('the tie table on global', () => {
  const rowKeys = () =>
    page.$$eval('#tie-table tbody tr', (trs) =>
      trs.map((tr) => ({ a: tr.getAttribute('data-a')!, b: tr.getAttribute('data-b')! })),
    );

  it('lays out one page of the strongest ties and says how many there are', async () => {
    const page1 = TIE_TABLE_DEFAULTS.page;
    expect(snap.ties.length).toBeGreaterThan(page1);
    expect(await page.textContent('#tie-table-count')).toBe(
      `${page1} of ${snap.ties.length.toLocaleString('en')} ties`,
    );
    const rows = await rowKeys();
    expect(rows.length).toBe(page1);
    // The rows are the year's strongest |tie|s, by the API's values.
    const strongest = [...snap.ties].sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
    const cut = Math.abs(strongest[page1 - 1]!.value);
    const value = new Map(snap.ties.map((t) => [`${t.a}|${t.b}`, t.value]));
    for (const r of rows) expect(Math.abs(value.get(`${r.a}|${r.b}`)!)).toBeGreaterThanOrEqual(cut);
  });

  it('“show more” adds the next page, by keyboard, and a new row opens the evidence drawer', async () => {
    const page1 = TIE_TABLE_DEFAULTS.page;
    await page.focus('#tie-table-more');
    await page.keyboard.press('Enter');
    const shown = Math.min(2 * page1, snap.ties.length);
    await page.waitForFunction((n) => document.querySelectorAll('#tie-table tbody tr').length === n, shown);
    expect(await page.textContent('#tie-table-count')).toBe(
      shown < snap.ties.length
        ? `${shown} of ${snap.ties.length.toLocaleString('en')} ties`
        : `All ${snap.ties.length.toLocaleString('en')} ties`,
    );
    // Focus lands on the first new row, whose button opens that pair's evidence.
    const focused = await page.evaluate(() => {
      const tr = document.activeElement?.closest('tr');
      return tr ? { a: tr.dataset.a!, b: tr.dataset.b!, index: tr.rowIndex } : null;
    });
    expect(focused).toEqual({ ...(await rowKeys())[page1]!, index: page1 + 1 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('#drawer[data-state="open"]');
    expect(page.url()).toContain(`pair=${focused!.a}~${focused!.b}`);
    await page.click('#drawer button.close');
    await page.waitForSelector('#drawer[data-state="closed"]', { state: 'attached' });
    // Every row is reachable: pressing “show more” until it goes away lays out every tie.
    await page.$eval('#tie-table-more', (el) => {
      const more = el as HTMLButtonElement;
      for (let i = 0; i < 1000 && !more.hidden; i++) more.click();
    });
    expect((await rowKeys()).length).toBe(snap.ties.length);
    expect(await page.textContent('#tie-table-count')).toBe(
      `All ${snap.ties.length.toLocaleString('en')} ties`,
    );
    expect(problems).toEqual([]);
  });
});

describe('the map on global', () => {
  const mapData = () => page.$eval('#map', (el) => ({ ...(el as HTMLElement).dataset }));
  const setMinTie = (value: string) =>
    page.$eval(
      '#map-min-tie',
      (el, v) => {
        const input = el as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );

  it('draws every placed actor and, with all ties on, every tie between placed actors', async () => {
    await page.click('#tab-map');
    await page.waitForSelector('#map svg');
    await page.selectOption('#map-focus', '*');
    await page.waitForSelector('#map svg g.ties');
    const { actors } = await api.world('global');
    const placed = new Set(actors.filter((a) => a.capital).map((a) => a.id));
    const d = await mapData();
    expect(Number(d.shownActors)).toBe(snap.actors.filter((a) => placed.has(a.id)).length);
    expect(Number(d.shownTies)).toBe(snap.ties.filter((t) => placed.has(t.a) && placed.has(t.b)).length);
    await page.screenshot({ path: `${ARTIFACTS}network-global-map.png` });
  });

  it('labels without overlaps, and says how many it left off', async () => {
    const boxes = await page.$$eval('#map .actor-label', (ts) =>
      ts.map((t) => {
        const b = (t as SVGTextElement).getBBox();
        return { id: t.getAttribute('data-actor')!, x: b.x, y: b.y, w: b.width, h: b.height };
      }),
    );
    const d = await mapData();
    expect(boxes.length).toBeGreaterThan(100);
    expect(boxes.length + Number(d.unlabelledActors)).toBe(Number(d.shownActors));
    const clashes = boxes.flatMap((p, i) =>
      boxes
        .slice(i + 1)
        .filter((q) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h)
        .map((q) => `${p.id}/${q.id}`),
    );
    expect(clashes).toEqual([]);
  });

  it('the region select and the minimum |tie| slider narrow the map as the API says', async () => {
    const { actors } = await api.world('global');
    const placed = new Set(actors.filter((a) => a.capital).map((a) => a.id));
    const regionOf = new Map(actors.map((a) => [a.id, a.region]));
    const region = regionOf.get(snap.actors[0]!.id)!;
    await page.selectOption('#map-region', region);
    const inRegion = (id: string) => placed.has(id) && regionOf.get(id) === region;
    let d = await mapData();
    expect(Number(d.shownActors)).toBe(snap.actors.filter((a) => inRegion(a.id)).length);
    expect(Number(d.shownTies)).toBe(snap.ties.filter((t) => inRegion(t.a) && inRegion(t.b)).length);
    expect(await page.locator('#map svg g.actors circle').count()).toBe(Number(d.shownActors));
    await page.selectOption('#map-region', '');
    await setMinTie('0.5');
    d = await mapData();
    const strong = snap.ties.filter((t) => placed.has(t.a) && placed.has(t.b) && Math.abs(t.value) >= 0.5);
    expect(strong.length).toBeLessThan(snap.ties.length);
    expect(Number(d.shownTies)).toBe(strong.length);
    await setMinTie('0');
  });

  it('search rings an actor found by name and labels it', async () => {
    const { actors } = await api.world('global');
    const present = new Set(snap.actors.map((a) => a.id));
    const placed = actors.filter((a) => a.capital && present.has(a.id));
    const target = placed.find((a) => a.name.length > 6)!;
    const text = target.name.slice(0, 6);
    const expected = placed.find((a) => a.name.toLowerCase().includes(text.toLowerCase()))!;
    await page.fill('#map-search', text);
    await page.waitForFunction(
      (id) => document.querySelector<HTMLElement>('#map')?.dataset.found === id,
      expected.id,
    );
    expect(await page.locator(`#map .found-ring[data-found="${expected.id}"]`).count()).toBe(1);
    expect(await page.locator(`#map .actor-label[data-actor="${expected.id}"]`).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}network-global-map-search.png` });
    await page.fill('#map-search', '');
    expect(problems).toEqual([]);
  });
});
