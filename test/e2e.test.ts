/**
 * The workbench end to end in headless Chromium against the real server: the time slider replays
 * ties as the world says, the evidence drawer shows the quotes behind a tie, a small scenario runs
 * and draws its fan chart, exports download, shared URLs restore the view, and nothing breaks the
 * CSP. Expectations come from the API, never from hard-coded values. Screenshots go to artifacts/.
 *
 * Needs the built workbench (`npm run build:web` writes web/dist).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createClient } from '../src/api/client.js';
import type { RunningServer } from '../src/api/server.js';
import { existsAt } from '../src/domain/lifetime.js';
import { addMonths, monthRange } from '../src/domain/time.js';
import { useWorkbench, watchProblems } from './helpers/workbench.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

let server: RunningServer;
let api: Client;
let browser: Browser;
const wb = useWorkbench();
let page: Page;
let problems: string[];
/** Console errors a test expects (the browser logs every 4xx response it receives). */
let expectedErrors: RegExp[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, browser } = wb);
  api = createClient({ baseUrl: server.url });
});

beforeEach(async () => {
  problems = [];
  expectedErrors = [];
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchProblems(page, problems, () => expectedErrors);
  await page.exposeFunction('reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
});

afterEach(async () => {
  await page?.close();
  expect(problems).toEqual([]);
});

/** A month and the next one between which some composite tie changes value, found through the API. */
async function changingMonth(): Promise<{
  before: string;
  after: string;
  a: string;
  b: string;
  v1: number;
  v2: number;
}> {
  const { meta } = await api.world('eurasia');
  const months = monthRange('2014-01', meta.period.to);
  let prev = await api.snapshot('eurasia', { at: months[0]! });
  for (const at of months.slice(1)) {
    const next = await api.snapshot('eurasia', { at });
    const before = new Map(prev.ties.map((t) => [`${t.a}|${t.b}`, t.value]));
    const changed = next.ties.find(
      (t) => before.has(`${t.a}|${t.b}`) && before.get(`${t.a}|${t.b}`) !== t.value,
    );
    if (changed) {
      return {
        before: prev.at,
        after: at,
        a: changed.a,
        b: changed.b,
        v1: before.get(`${changed.a}|${changed.b}`)!,
        v2: changed.value,
      };
    }
    prev = next;
  }
  throw new Error('no composite tie changes between two consecutive months since 2014');
}

async function openWorkbench(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
}

describe('the workbench', () => {
  it('replays a tie as the slider moves, month by month', async () => {
    const c = await changingMonth();
    await openWorkbench(`#world=eurasia&at=${c.before}`);
    await page.waitForSelector(`#network[data-ready="true"][data-at="${c.before}"]`);
    const row = page.locator(`#tie-table tr[data-a="${c.a}"][data-b="${c.b}"]`);
    expect(Number(await row.getAttribute('data-value'))).toBeCloseTo(c.v1, 9);
    await page.screenshot({ path: `${ARTIFACTS}e2e-network-before.png` });

    await page.focus('#time-slider');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`#network[data-ready="true"][data-at="${c.after}"]`);
    expect(Number(await row.getAttribute('data-value'))).toBeCloseTo(c.v2, 9);
    expect(await page.locator('#time-output').textContent()).toBe(c.after);
    const snap = await api.snapshot('eurasia', { at: c.after });
    expect(Number(await page.locator('#network').getAttribute('data-edges'))).toBe(snap.ties.length);
    expect(page.url()).toContain(`at=${c.after}`);
    await page.screenshot({ path: `${ARTIFACTS}e2e-network-after.png` });

    // A jump across years through the slider's value, then a layer change.
    const { meta } = await api.world('eurasia');
    const months = monthRange(
      meta.period.from.length === 4 ? `${meta.period.from}-01` : meta.period.from,
      meta.period.to,
    );
    const target = [addMonths(c.after, 30), meta.period.to].sort()[0]!;
    await page.locator('#time-slider').fill(String(months.indexOf(target)));
    await page.selectOption('#dimension-select', 'military');
    await page.waitForSelector(`#network[data-ready="true"][data-at="${target}"][data-layer="military"]`);
    const military = await api.snapshot('eurasia', { at: target, dimension: 'military' });
    const rows = await page
      .locator('#tie-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-a'),
          tr.getAttribute('data-b'),
          Number(tr.getAttribute('data-value')),
        ]),
      );
    expect(rows.length).toBe(military.ties.length);
    for (const [a, b, v] of rows) {
      expect(military.ties.find((t) => t.a === a && t.b === b)?.value).toBeCloseTo(v as number, 9);
    }
  });

  it('shows only the actors that exist at the date, joined to their organisations', async () => {
    const { actors, memberships } = await api.world('eurasia');
    const later = (a: { since?: string | undefined }) => a.since !== undefined && a.since > '1976';
    const unborn = actors.filter(later).map((a) => a.id);
    expect(unborn.length).toBeGreaterThan(0);
    await openWorkbench('#world=eurasia&at=1975-06');
    await page.waitForSelector('#network[data-ready="true"][data-at="1975-06"]');
    const early = await api.snapshot('eurasia', { at: '1975-06' });
    expect(early.actors.filter((a) => unborn.includes(a.id))).toEqual([]);
    expect(Number(await page.locator('#network').getAttribute('data-nodes'))).toBe(early.actors.length);
    expect(early.actors.length).toBe(actors.length - actors.filter((a) => !existsAt(a, '1975-06')).length);
    await page.screenshot({ path: `${ARTIFACTS}e2e-network-1975.png` });

    await page.locator('#time-slider').fill(String(monthRange('1971-01', '2019-06').length - 1));
    await page.waitForSelector('#network[data-ready="true"][data-at="2019-06"]');
    const inForce = memberships.filter((m) => existsAt({ since: m.from, until: m.to }, '2019-06'));
    expect(inForce.length).toBeGreaterThan(0);
    expect(Number(await page.locator('#network').getAttribute('data-memberships'))).toBe(inForce.length);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText.match(/stroke-dasharray="4 3"/g)?.length).toBe(inForce.length);
  });

  it('opens the evidence drawer of a tie with its quotes, and closes it with Escape', async () => {
    const at = '2021-12';
    const snap = await api.snapshot('eurasia', { at });
    const tie = [...snap.ties].sort((x, y) => Math.abs(y.value) - Math.abs(x.value))[0]!;
    const detail = await api.tie('eurasia', tie.a, tie.b, { at });
    const quotes = detail.layers
      .flatMap((l) => l.evidence.map((e) => e.quote))
      .filter((q): q is string => !!q);
    expect(quotes.length).toBeGreaterThan(0);

    await openWorkbench(`#world=eurasia&at=${at}`);
    await page.waitForSelector('#network[data-ready="true"]');
    const button = page.locator(`#tie-table tr[data-a="${tie.a}"][data-b="${tie.b}"] button`);
    await button.click();
    await page.waitForSelector('#drawer[data-state="open"]');
    const text = await page.locator('#drawer').textContent();
    expect(text).toContain(detail.a.name);
    expect(text).toContain(quotes[0]!.slice(0, 40));
    expect(text).toContain(
      detail.layers[1]?.evidence[0]?.source.title ?? detail.layers[0]!.evidence[0]!.source.title,
    );
    await page.waitForSelector('#drawer .chart svg');
    expect(page.url()).toContain(`pair=${tie.a}~${tie.b}`);
    await page.screenshot({ path: `${ARTIFACTS}e2e-evidence-drawer.png` });

    await page.keyboard.press('Escape');
    await page.waitForSelector('#drawer', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`${tie.a} – ${tie.b}`);
  });

  it('restores a shared view from the URL: triangle inspector', async () => {
    const at = '2021-12';
    const cat = await api.triangles('eurasia', { at });
    const tri = (cat.catalogue!.byType.romantic?.[0] ?? Object.values(cat.catalogue!.byType).flat()[0])!
      .actors;
    const expected = await api.triangles('eurasia', { at, actors: tri });
    await openWorkbench(`#world=eurasia&at=${at}&dim=composite&tab=triangles&tri=${tri.join('~')}`);
    await page.waitForSelector('#triangle-result[data-state="done"]');
    expect(await page.locator('#triangle-type').getAttribute('data-type')).toBe(expected.triangle!.type);
    await page.waitForSelector('#triangle-history svg');
    await page.screenshot({ path: `${ARTIFACTS}e2e-triangles.png` });
  });

  it('runs a small scenario and draws its fan chart and attribution', async () => {
    await openWorkbench('#world=eurasia&tab=scenarios');
    await page.waitForSelector('#scenario-yaml');
    await page.waitForFunction(
      () => (document.getElementById('scenario-yaml') as HTMLTextAreaElement).value.length > 0,
    );
    const snap = await api.snapshot('eurasia');
    const [t1, t2] = [...snap.ties].sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
    const yaml = [
      'name: e2e check',
      `start: ${snap.at}`,
      'horizon: 6',
      'runs: 30',
      'seed: 5',
      'shocks:',
      `  - { at: 0, tie: [${t1!.a}, ${t1!.b}], shift: -0.4 }`,
      'track:',
      `  - [${t2!.a}, ${t2!.b}]`,
      '',
    ].join('\n');
    // Shocks the form does not edit are announced, not passed off as "no shocks".
    const withCapability = [
      'name: e2e capability',
      `start: ${snap.at}`,
      'horizon: 6',
      'shocks:',
      `  - { at: 0, capability: ${t1!.a}, scale: 1.1 }`,
      '',
    ].join('\n');
    await page.fill('#scenario-yaml', withCapability);
    const editor = page.locator('.scenario-editor');
    await expect.poll(() => editor.textContent()).toContain('1 capability or mechanism shock also applies');
    await page.fill('#scenario-yaml', yaml);
    await expect.poll(() => editor.textContent()).not.toContain('also applies');
    expect(await page.locator('#scenario-runs').inputValue()).toBe('30');
    await page.click('#scenario-run');
    await page.waitForSelector('#scenario-results[data-state="done"]', { timeout: 60_000 });
    const pairs = await page
      .locator('#scenario-results figure.fan')
      .evaluateAll((fs) => fs.map((f) => f.getAttribute('data-pair')));
    const key = (a: string, b: string) => (a < b ? `${a}-${b}` : `${b}-${a}`);
    expect(pairs.sort()).toEqual([key(t1!.a, t1!.b), key(t2!.a, t2!.b)].sort());
    expect(await page.locator('#scenario-results figure.fan svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#scenario-status').textContent()).toContain('30 paired runs');
    await page.screenshot({ path: `${ARTIFACTS}e2e-scenario.png`, fullPage: true });
  });

  it('says what a capability shock measures and hides negligible effects, saying how many', async () => {
    const snap = await api.snapshot('eurasia');
    const actor = [...snap.actors]
      .filter((a) => a.cinc !== undefined)
      .sort((x, y) => y.cinc! - x.cinc!)[0]!.id;
    const yaml = [
      'name: e2e capability',
      `start: ${snap.at}`,
      'horizon: 6',
      'runs: 30',
      'seed: 3',
      'shocks:',
      `  - { at: 0, capability: ${actor}, scale: 1.1 }`,
      '',
    ].join('\n');
    const expected = await api.runScenarioNow('eurasia', yaml);
    await openWorkbench('#world=eurasia&tab=scenarios');
    await page.waitForSelector('#scenario-yaml');
    await page.waitForFunction(
      () => (document.getElementById('scenario-yaml') as HTMLTextAreaElement).value.length > 0,
    );
    await page.fill('#scenario-yaml', yaml);
    await page.click('#scenario-run');
    await page.waitForSelector('#scenario-results[data-state="done"]', { timeout: 60_000 });
    // The shock's size and the horizon's difference are two numbers, each named for what it is.
    const row = page.locator(`#scenario-capabilities tr[data-actor="${actor}"]`);
    const cap = expected.capabilities.find((c) => c.actor === actor)!;
    const pct = `${cap.mean < 0 ? '−' : '+'}${Math.abs(cap.mean * 100).toFixed(1)} %`;
    expect(await row.textContent()).toContain(pct);
    expect(await row.textContent()).toContain('×1.1 (+10.0 %) at step 0');
    expect(await page.locator('#scenario-capabilities caption').textContent()).toMatch(
      /at the horizon.*vs baseline/,
    );

    // No row reads as zero: effects below the threshold are hidden and counted in the caption.
    const threshold = Number(await page.inputValue('#scenario-threshold'));
    const means = await page
      .locator('#scenario-effects tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-mean'))));
    for (const m of means) expect(Math.abs(m)).toBeGreaterThanOrEqual(threshold);
    const small = expected.effects.filter((e) => Math.abs(e.mean) < threshold).length;
    if (small > 0) {
      expect(await page.locator('#scenario-effects caption').textContent()).toContain(
        `${small} smaller than`,
      );
    }
    for (const text of await page.locator('#scenario-effects tbody td:nth-child(2)').allTextContents()) {
      expect(text).not.toMatch(/^[+−]?0\.000$/);
    }
    await page.fill('#scenario-threshold', '0');
    await page.locator('#scenario-threshold').dispatchEvent('change');
    expect(await page.locator('#scenario-effects tbody tr').count()).toBe(
      Math.min(12, expected.effects.length),
    );
    await page.screenshot({ path: `${ARTIFACTS}e2e-scenario-capability.png`, fullPage: true });
  });

  it('checks the YAML as the user types, shows each problem with its line, and edits the text in place', async () => {
    await openWorkbench('#world=eurasia&tab=scenarios');
    await page.waitForSelector('#scenario-yaml');
    await page.waitForFunction(
      () => (document.getElementById('scenario-yaml') as HTMLTextAreaElement).value.length > 0,
    );
    const { actors } = await api.world('eurasia');
    const [known, other] = [actors[0]!.id, actors[1]!.id];
    const text = [
      '# a comment the editor must keep',
      "name: 'typo check'",
      'world: eurasia',
      'start: 2021-12',
      'horizon: 6',
      'runs: 10',
      'shocks:',
      `  - { at: 0, tie: [ZZZ, ${other}], shift: 0.2 }   # the typo`,
      '',
    ].join('\n');
    await page.fill('#scenario-yaml', text);
    // No Run: the check happens as the user types, and names the line and field of the typo.
    const problem = page.locator('#scenario-problems li[data-line="8"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/line 8.*shocks\[0\]\.tie\[0\].*ZZZ/s);
    const box = (await problem.boundingBox())!;
    const area = (await page.locator('#scenario-yaml').boundingBox())!;
    expect(box.y).toBeGreaterThan(area.y + area.height - 1);
    expect(box.y - (area.y + area.height)).toBeLessThan(60);
    expect(box.y + box.height).toBeLessThan(800);
    // The form shows the pair the YAML names, unknown actor included.
    const first = page.locator('.shock-row select').first();
    expect(await first.inputValue()).toBe('ZZZ');
    expect(await first.getAttribute('aria-invalid')).toBe('true');

    // A form edit changes that value and nothing else: comment, world, quoting, flow style stay.
    await page.fill('#scenario-horizon', '12');
    await page.locator('#scenario-horizon').dispatchEvent('change');
    expect(await page.inputValue('#scenario-yaml')).toBe(text.replace('horizon: 6', 'horizon: 12'));
    await first.selectOption(known);
    const fixed = text.replace('horizon: 6', 'horizon: 12').replace('ZZZ', known);
    expect(await page.inputValue('#scenario-yaml')).toBe(fixed);
    await page.waitForSelector('#scenario-problems[data-state="valid"]');
    await page.screenshot({ path: `${ARTIFACTS}e2e-scenario-editor.png` });

    // A syntax error is located too, and the form cannot overwrite the broken text.
    await page.fill('#scenario-yaml', `${fixed}track: [[${known}, ${other}]\n`);
    await page.waitForSelector('#scenario-problems[data-state="invalid"] li[data-line]');
    expect(await page.locator('.scenario-form').evaluate((f) => (f as HTMLFieldSetElement).disabled)).toBe(
      true,
    );
  });

  it('reports problems of a run next to the YAML, field by field', async () => {
    expectedErrors = [/status of 422/];
    await openWorkbench('#world=eurasia&tab=scenarios');
    await page.waitForSelector('#scenario-yaml');
    await page.waitForFunction(
      () => (document.getElementById('scenario-yaml') as HTMLTextAreaElement).value.length > 0,
    );
    await page.fill(
      '#scenario-yaml',
      'name: bad\nstart: 2021-12\nhorizon: 6\nruns: 10\nshocks:\n  - { at: 0, tie: [ZZZ, USA], shift: 0.2 }\n',
    );
    await page.click('#scenario-run');
    await page.waitForSelector('#scenario-problems[data-state="failed"] li');
    expect(await page.locator('#scenario-problems').textContent()).toMatch(
      /line 6.*shocks\[0\]\.tie\[0\].*ZZZ/s,
    );
  });

  it('exports GEXF, CSV and a PNG of the view as downloads', async () => {
    await openWorkbench('#world=eurasia&at=2019-06');
    await page.waitForSelector('#network[data-ready="true"][data-at="2019-06"]');
    const snap = await api.snapshot('eurasia', { at: '2019-06' });

    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const gexfText = readFileSync((await gexf.path())!, 'utf8');
    expect(gexf.suggestedFilename()).toBe('eurasia-2019-06-composite.gexf');
    expect(gexfText).toContain('<gexf');
    expect(gexfText.match(/<edge /g)?.length).toBe(snap.ties.length);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(
      readFileSync((await csv.path())!, 'utf8')
        .trim()
        .split('\n').length - 1,
    ).toBe(snap.ties.length);

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.suggestedFilename()).toBe('eurasia-network-2019-06.png');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText.match(/<line /g)?.length).toBe(snap.ties.length);
  });

  it('shows the map, the balancers and the bargaining forecast', async () => {
    await openWorkbench('#world=eurasia&at=2019-06&tab=map');
    await page.waitForSelector('#map svg');
    const snapshot = await api.snapshot('eurasia', { at: '2019-06' });
    const placed = snapshot.actors.filter((a) => a.lat !== undefined).length;
    expect(await page.locator('#map svg g.actors circle').count()).toBe(placed);
    await page.screenshot({ path: `${ARTIFACTS}e2e-map.png` });

    await page.click('#tab-balancers');
    await page.waitForSelector('#balancers-table[data-state="done"]');
    await page.waitForSelector('#alignment-chart[data-state="done"] svg');
    const bal = await api.balancers('eurasia', { at: '2019-06' });
    expect(await page.locator('#balancers tbody tr').count()).toBe(bal.rows.length);
    await page.screenshot({ path: `${ARTIFACTS}e2e-balancers.png` });

    await page.click('#tab-bargaining');
    await page.waitForSelector('#bargaining-chart[data-state="done"] svg', { timeout: 30_000 });
    const issue = await page.locator('#bargaining-issue').inputValue();
    const forecast = await api.forecast(issue, { model: 'smp', detail: 'false' });
    expect(await page.locator('#bargaining-final-table tbody tr').count()).toBe(forecast.actors.length);
    await page.waitForSelector('#bargaining-sensitivity[data-state="done"]');
    const banded = await api.forecast(issue, { model: 'smp', detail: 'false', draws: 200 });
    const band = banded.sensitivity!.dimensions[0]!.median;
    expect(await page.locator('#bargaining-sensitivity .band').textContent()).toContain(
      `between ${band.low.toFixed(1)} and ${band.high.toFixed(1)}`,
    );
    expect(await page.locator('#bargaining-sensitivity .swings li').count()).toBe(
      Math.min(5, banded.sensitivity!.swings.length),
    );
    const served = await api.bargainingIssue(issue);
    const first = served.actors[0]!;
    expect(await page.locator('.issue-info tbody tr').first().locator('td').nth(2).textContent()).toBe(
      `${first.position[0]!.toFixed(0)} ±${first.uncertainty!.position![0]}`,
    );
    expect(await page.locator('.issue-info .evidence .basis').first().textContent()).toContain(
      first.basis!.position!.note,
    );
    await page.screenshot({ path: `${ARTIFACTS}e2e-bargaining.png` });
  });

  it('draws corridors along their own waypoints, with labels that do not overlap', async () => {
    const world = await api.world('eurasia');
    const sea = world.corridors.find((c) => c.waypoints && c.kind === 'maritime')!;
    await openWorkbench('#world=eurasia&at=2021-12&tab=map');
    await page.waitForSelector('#map svg .corridor-labels');
    const geometry = await page.evaluate((id) => {
      const line = document.querySelector<SVGPathElement>(`#map path[data-corridor="${id}"]`)!;
      const total = line.getTotalLength();
      const samples = Array.from({ length: 400 }, (_, k) => line.getPointAtLength((total * k) / 399));
      /** How close the drawn line comes to each actor's dot, in pixels. */
      const nearest = [...document.querySelectorAll<SVGCircleElement>('#map circle[data-actor]')].map((c) => {
        const x = Number(c.getAttribute('cx'));
        const y = Number(c.getAttribute('cy'));
        return { id: c.dataset.actor!, d: Math.min(...samples.map((p) => Math.hypot(p.x - x, p.y - y))) };
      });
      const labels = [
        ...document.querySelectorAll<SVGTextElement>('#map .corridor-label, #map .actor-label'),
      ].map((t) => {
        const b = t.getBBox();
        return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
      });
      return { nearest, labels };
    }, sea.id);
    // The sea lane stays at sea: it does not pass through the capital of a route actor whose
    // capital is not one of its ends (Moscow, for a lane from Vladivostok).
    const ends = [sea.waypoints!.points[0]!, sea.waypoints!.points.at(-1)!];
    const capitals = new Map(world.actors.filter((a) => a.capital).map((a) => [a.id, a.capital!]));
    const inland = sea.route.filter((id) => {
      const cap = capitals.get(id)!;
      return !ends.some((p) => Math.abs(p.lat - cap.lat) < 1 && Math.abs(p.lon - cap.lon) < 1);
    });
    expect(inland.length).toBeGreaterThan(0);
    for (const id of inland) expect(geometry.nearest.find((n) => n.id === id)!.d, id).toBeGreaterThan(15);
    const overlaps = (a: (typeof geometry.labels)[0], b: (typeof geometry.labels)[0]) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    const corridorLabels = geometry.labels.filter((l) => world.corridors.some((c) => c.id === l.text));
    expect(corridorLabels.length).toBeGreaterThan(0);
    for (const l of corridorLabels) {
      for (const other of geometry.labels)
        if (other !== l) expect(overlaps(l, other), `${l.text} / ${other.text}`).toBe(false);
    }
    await page.screenshot({ path: `${ARTIFACTS}e2e-map-corridors.png` });
  });

  it('bargaining selects show their whole text, and KTAB test data sits apart from the IR issues', async () => {
    const issues = await api.bargainingIssues();
    await openWorkbench('#world=eurasia&tab=bargaining');
    await page.waitForSelector('#bargaining-chart[data-state="done"] svg', { timeout: 30_000 });
    const groups = await page.locator('#bargaining-issue optgroup').evaluateAll((gs) =>
      gs.map((g) => ({
        label: g.getAttribute('label')!,
        ids: [...g.querySelectorAll('option')].map((o) => o.value),
      })),
    );
    const irGroup = groups.find((g) => /IR issues/.test(g.label))!;
    expect(irGroup.ids.sort()).toEqual(
      issues
        .filter((i) => i.kind === 'yaml')
        .map((i) => i.id)
        .sort(),
    );
    const testGroup = groups.find((g) => /test data/.test(g.label))!;
    expect(testGroup.ids.length).toBeGreaterThan(0);
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(issues.map((i) => i.id).sort());
    // Every option of the issue, model and dimension selects fits the select's width.
    for (const id of ['bargaining-issue', 'bargaining-model', 'bargaining-dimension']) {
      const fit = await page.evaluate((sid) => {
        const select = document.getElementById(sid) as HTMLSelectElement;
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(select).font;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        document.body.appendChild(probe);
        let need = 0;
        let widest = '';
        for (const o of select.options) {
          probe.textContent = o.textContent;
          const w = probe.getBoundingClientRect().width;
          if (w > need) [need, widest] = [w, o.textContent ?? ''];
        }
        probe.remove();
        return { need, have: select.clientWidth, widest };
      }, id);
      expect(fit.need, `${id}: ${fit.widest}`).toBeLessThan(fit.have - 16);
    }
    await page.screenshot({ path: `${ARTIFACTS}e2e-bargaining-selects.png` });
  });

  it('labels every control and moves between tabs by keyboard', async () => {
    await openWorkbench('#world=eurasia');
    await page.waitForSelector('#network[data-ready="true"]');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const named = (e.labels?.length ?? 0) > 0 || e.getAttribute('aria-label') || e.textContent?.trim();
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#tab-network');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-map');
    expect(await page.locator('#tab-map').getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('#panel-map:not([hidden]) #map svg');
  });
});
