import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createClient } from '../src/api/client.js';
import type { RunningServer } from '../src/api/server.js';
import { useWorkbench } from './helpers/workbench.js';

const DATES = ['2015-06', '2021-12'];

let server: RunningServer;
let api: Client;
let browser: Browser;
const wb = useWorkbench();
let page: Page;

beforeAll(async () => {
  ({ server, browser } = wb);
  api = createClient({ baseUrl: server.url });
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
      // A smaller window draws the same map smaller, with nodes of the same pixel size.
      const canvasSize = () =>
        page.evaluate(() => {
          const s = (
            window as unknown as { cbNetwork: { getDimensions(): { width: number; height: number } } }
          ).cbNetwork;
          return s.getDimensions();
        });
      const before = await canvasSize();
      await page.setViewportSize({ width: 1000, height: 640 });
      await expect.poll(async () => (await canvasSize()).height).toBeLessThan(before.height);
      expect((await crossingsOnScreen()).crossings).toEqual([]);
      expect(await page.locator('#network').getAttribute('data-edge-node-overlaps')).toBe('0');
    });
  }
});

interface LabelBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The alignment chart's actor labels (text whose content is an actor id) as the browser laid them out. */
function labelBoxes(ids: string[]): Promise<LabelBox[]> {
  return page.evaluate((actorIds) => {
    const known = new Set(actorIds);
    return [...document.querySelectorAll('#alignment-chart svg text')]
      .filter((t) => known.has(t.textContent ?? ''))
      .map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      });
  }, ids);
}

/** Months and poles where actors crowd together on the axis (found over eurasia's years). */
const CROWDED = [
  { at: '2018-06', poles: ['USA', 'IND'] },
  { at: '2022-06', poles: ['USA', 'PAK'] },
] as const;

describe('labels in the alignment chart', () => {
  for (const { at, poles } of CROWDED) {
    it(`no two actor labels overlap, and every engaged actor is named (eurasia, ${at}, ${poles.join(' vs ')})`, async () => {
      const { actors } = await api.world('eurasia');
      const ids = actors.map((a) => a.id);
      const body = await api.alignment('eurasia', [poles[0], poles[1]], { at });
      const engaged = body.rows.filter((r) => r.engagement > 0).map((r) => r.actor);
      await page.goto(`${server.url}/#world=eurasia&at=${at}&tab=balancers`);
      await page.waitForSelector('#alignment-chart[data-state="done"] svg');
      await page.selectOption('#pole-0', poles[0]);
      await page.selectOption('#pole-1', poles[1]);
      await page.waitForSelector(
        `#alignment-chart svg >> text="← with ${poles[1]}    position    with ${poles[0]} →"`,
      );
      await page.waitForSelector('#alignment-chart[data-state="done"]');
      const boxes = await labelBoxes(ids);
      // The check has something to check: several labels near each other.
      expect(engaged.length).toBeGreaterThanOrEqual(4);
      const overlapping: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            overlapping.push(`${a.text} / ${b.text}`);
          }
        }
      }
      expect(overlapping).toEqual([]);
      expect(await page.locator('#alignment-chart').getAttribute('data-label-overlaps')).toBe('0');
      // Nobody is lost: each engaged actor is labelled on the chart or named in the note beneath it.
      const note = (await page.locator('#alignment-chart p').textContent()) ?? '';
      const named = new Set(boxes.map((b) => b.text));
      for (const id of engaged) expect(named.has(id) || new RegExp(`\\b${id}\\b`).test(note), id).toBe(true);
    });
  }
});
