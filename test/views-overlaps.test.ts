/**
 * Issue 16.6 in headless Chromium against the real server: in the network view no line runs over
 * a node it does not join, and in the alignment chart no two labels overlap. The test measures
 * both itself — node centres and radii as sigma drew them, label boxes as the browser laid them
 * out — and checks the figures the views print agree.
 *
 * Needs the built workbench (`npm run build:web` writes web/dist).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { launchChromium } from './helpers/chromium.js';

const WEB_INDEX = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));
const DATES = ['2015-06', '2021-12'];

let server: RunningServer;
let browser: Browser;
let page: Page;

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

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterEach(async () => {
  await page?.close();
});

interface Crossing {
  line: string;
  node: string;
  distance: number;
  radius: number;
}

/** Every (line, node) pair where a drawn line passes inside a shown node it does not join. */
function crossingsOnScreen(): Promise<{ crossings: Crossing[]; lines: number; nodes: number }> {
  return page.evaluate(() => {
    type Shown = { x: number; y: number; size: number; hidden: boolean };
    const sigma = (
      window as unknown as {
        cbNetwork: {
          getGraph(): {
            forEachNode(f: (id: string) => void): void;
            forEachEdge(f: (e: string, attrs: unknown, a: string, b: string) => void): void;
          };
          getNodeDisplayData(id: string): Shown | undefined;
          framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
          scaleSize(size: number): number;
        };
      }
    ).cbNetwork;
    const graph = sigma.getGraph();
    const nodes = new Map<string, { x: number; y: number; r: number }>();
    graph.forEachNode((id) => {
      const d = sigma.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = sigma.framedGraphToViewport(d);
      nodes.set(id, { x: p.x, y: p.y, r: sigma.scaleSize(d.size) });
    });
    const crossings: Crossing[] = [];
    let lines = 0;
    graph.forEachEdge((edge, _attrs, a, b) => {
      const p = nodes.get(a);
      const q = nodes.get(b);
      if (!p || !q) return;
      lines++;
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const len2 = dx * dx + dy * dy || 1;
      for (const [id, c] of nodes) {
        if (id === a || id === b) continue;
        const t = Math.max(0, Math.min(1, ((c.x - p.x) * dx + (c.y - p.y) * dy) / len2));
        const distance = Math.hypot(c.x - p.x - t * dx, c.y - p.y - t * dy);
        if (distance < c.r) crossings.push({ line: edge, node: id, distance, radius: c.r });
      }
    });
    return { crossings, lines, nodes: nodes.size };
  });
}

describe('lines and nodes in the network view', () => {
  for (const at of DATES) {
    it(`no line runs over a node it does not join (eurasia, ${at})`, async () => {
      await page.goto(`${server.url}/#world=eurasia&at=${at}`);
      await page.waitForSelector(`#network[data-ready="true"][data-at="${at}"]`);
      const { crossings, lines, nodes } = await crossingsOnScreen();
      // The check has something to check: a drawn month with lines among many nodes.
      expect(lines).toBeGreaterThan(20);
      expect(nodes).toBeGreaterThan(10);
      expect(crossings).toEqual([]);
      expect(await page.locator('#network').getAttribute('data-edge-node-overlaps')).toBe('0');
    });
  }
});
