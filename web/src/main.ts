/**
 * The workbench shell: world, date and layer controls, tabs, the evidence drawer, exports, and the
 * URL hash that holds the state. The network view loads with the page; the other views load when
 * their tab is first opened.
 */
import './styles.css';
import { LAYERS, type LayerName, type WorldDetail, type WorldSummary } from '../../src/api/client.js';
import { addMonths, monthRange } from '../../src/domain/time.js';
import { api } from './api.js';
import { getSnapshot, getWorld } from './data.js';
import { announce, byId, h } from './dom.js';
import { download, svgText, svgToPng } from './export.js';
import { type AppState, parseHash, Store, TABS, type Tab, toHash } from './state.js';
import type { View, ViewContext } from './view.js';
import { createEvidenceDrawer } from './views/evidence-drawer.js';
import { createNetworkView } from './views/network.js';

const TAB_LABELS: Readonly<Record<Tab, string>> = Object.freeze({
  network: 'Network',
  map: 'Map',
  triangles: 'Triangles',
  balancers: 'Balancers & alignment',
  scenarios: 'Scenarios',
  bargaining: 'Bargaining',
  read: 'Read',
  events: 'Event data',
  claims: 'Claims',
  backtest: 'Backtest',
});

type ViewFactory = (ctx: ViewContext) => View;

const VIEW_LOADERS: Readonly<Record<Tab, () => Promise<ViewFactory>>> = Object.freeze({
  network: async () => createNetworkView,
  map: () => import('./views/map.js').then((m) => m.createMapView),
  triangles: () => import('./views/triangles.js').then((m) => m.createTrianglesView),
  balancers: () => import('./views/balancers.js').then((m) => m.createBalancersView),
  scenarios: () => import('./views/scenarios/view.js').then((m) => m.createScenariosView),
  bargaining: () => import('./views/bargaining.js').then((m) => m.createBargainingView),
  read: () => import('./views/read.js').then((m) => m.createReadView),
  events: () => import('./views/event-timeline.js').then((m) => m.createEventTimelineView),
  claims: () => import('./views/claims.js').then((m) => m.createClaimsView),
  backtest: () => import('./views/backtest.js').then((m) => m.createBacktestView),
});

function monthsOf(world: WorldDetail): string[] {
  const from = world.meta.period.from.slice(0, 7);
  return monthRange(from.length === 4 ? `${from}-01` : from, world.meta.period.to);
}

function clampMonth(at: string | undefined, months: string[]): string {
  const last = months[months.length - 1]!;
  if (!at) return last;
  if (at < months[0]!) return months[0]!;
  return at > last ? last : at;
}

function monthLabel(at: string): string {
  const [y, m] = at.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

async function start(): Promise<void> {
  const main = byId('main');
  const fromHash = parseHash(window.location.hash);
  // A shared link names its world and month: fetch them alongside the list of worlds.
  if (fromHash.world) {
    getWorld(fromHash.world).catch(() => undefined);
    if (fromHash.at)
      getSnapshot(fromHash.world, fromHash.at, fromHash.dimension ?? 'composite').catch(() => undefined);
  }
  const worlds: WorldSummary[] = await api.worlds();
  const worldId =
    worlds.find((w) => w.id === fromHash.world)?.id ?? worlds.find((w) => w.default)?.id ?? worlds[0]?.id;
  if (!worldId) {
    main.textContent = 'This server offers no worlds.';
    return;
  }
  let world = await getWorld(worldId);
  let months = monthsOf(world);
  const store = new Store({
    ...fromHash,
    world: worldId,
    at: clampMonth(fromHash.at, months),
    dimension: fromHash.dimension ?? 'composite',
    tab: fromHash.tab ?? 'network',
  } as AppState);
  // The network's month (when the link did not name it) travels while the page builds its views.
  if (store.state.tab === 'network')
    getSnapshot(worldId, store.state.at, store.state.dimension).catch(() => undefined);
  history.replaceState(null, '', toHash(store.state));

  const drawer = createEvidenceDrawer(store);
  const ctx: ViewContext = {
    store,
    world: () => world,
    months: () => months,
    openEvidence: (a, b, trigger) => drawer.open(a, b, trigger),
  };

  // Controls.
  const worldSelect = byId<HTMLSelectElement>('world-select');
  for (const w of worlds)
    worldSelect.appendChild(h('option', { value: w.id, title: w.name }, w.name.split(':')[0]!));
  const slider = byId<HTMLInputElement>('time-slider');
  const output = byId<HTMLOutputElement>('time-output');
  const dimSelect = byId<HTMLSelectElement>('dimension-select');
  for (const l of LAYERS) dimSelect.appendChild(h('option', { value: l }, l));

  // Download links are made here, once they have a real address to point at.
  const gexfLink = h(
    'a',
    { id: 'export-gexf', class: 'button', href: '/openapi.json', download: '' },
    'GEXF',
  );
  const csvLink = h('a', { id: 'export-csv', class: 'button', href: '/openapi.json', download: '' }, 'CSV');
  byId('export-svg').after(gexfLink, csvLink);

  function syncControls(s: AppState): void {
    worldSelect.value = s.world;
    slider.max = String(months.length - 1);
    slider.value = String(Math.max(0, months.indexOf(s.at)));
    slider.setAttribute('aria-valuetext', monthLabel(s.at));
    output.textContent = s.at;
    dimSelect.value = s.dimension;
    const q = { at: s.at, dimension: s.dimension };
    gexfLink.href = api.exportUrl(s.world, 'gexf', q);
    csvLink.href = api.exportUrl(s.world, 'csv', q);
  }

  async function switchWorld(id: string, patch: Partial<AppState> = {}): Promise<void> {
    world = await getWorld(id);
    months = monthsOf(world);
    drawer.close();
    store.update({
      pair: undefined,
      tri: undefined,
      focus: undefined,
      issue: store.state.issue,
      ...patch,
      world: world.meta.id,
      at: clampMonth(patch.at ?? store.state.at, months),
    });
  }
  worldSelect.addEventListener('change', () => void switchWorld(worldSelect.value));
  slider.addEventListener('input', () => store.update({ at: months[Number(slider.value)]! }));
  byId('time-prev').addEventListener('click', () =>
    store.update({ at: clampMonth(addMonths(store.state.at, -1), months) }),
  );
  byId('time-next').addEventListener('click', () =>
    store.update({ at: clampMonth(addMonths(store.state.at, 1), months) }),
  );
  dimSelect.addEventListener('change', () => store.update({ dimension: dimSelect.value as LayerName }));

  // Tabs and views.
  const tablist = byId('tabs');
  const views = new Map<Tab, Promise<View>>();
  const panels = new Map<Tab, HTMLElement>();
  const tabs = TABS.map((tab) => {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab}`,
        'aria-controls': `panel-${tab}`,
        'aria-selected': 'false',
        tabindex: '-1',
        onclick: () => store.update({ tab }),
      },
      TAB_LABELS[tab],
    );
    tablist.appendChild(button);
    const panel = h('section', {
      role: 'tabpanel',
      id: `panel-${tab}`,
      'aria-labelledby': `tab-${tab}`,
      hidden: true,
    });
    main.appendChild(panel);
    panels.set(tab, panel);
    return button;
  });
  tablist.addEventListener('keydown', (e) => {
    const i = TABS.indexOf(store.state.tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    store.update({ tab: TABS[next]! });
    tabs[next]!.focus();
  });

  function viewFor(tab: Tab): Promise<View> {
    let v = views.get(tab);
    if (!v) {
      v = VIEW_LOADERS[tab]().then((factory) => {
        const view = factory(ctx);
        panels.get(tab)!.appendChild(view.element);
        return view;
      });
      views.set(tab, v);
    }
    return v;
  }

  let shown: Tab | undefined;
  async function showTab(tab: Tab): Promise<void> {
    if (shown === tab) return;
    const previous = shown;
    shown = tab;
    TABS.forEach((t, i) => {
      const selected = t === tab;
      tabs[i]!.setAttribute('aria-selected', String(selected));
      tabs[i]!.tabIndex = selected ? 0 : -1;
      panels.get(t)!.hidden = !selected;
    });
    if (previous) void views.get(previous)?.then((v) => v.hide());
    const view = await viewFor(tab);
    if (shown === tab) view.show();
  }

  byId('export-png').addEventListener('click', async () => {
    const svg = await (await viewFor(store.state.tab)).toSvg();
    if (!svg) return announce('Nothing to export in this view yet.');
    const s = store.state;
    download(await svgToPng(svg), `${s.world}-${s.tab}-${s.at}.png`);
    announce('PNG exported.');
  });
  byId('export-svg').addEventListener('click', async () => {
    const svg = await (await viewFor(store.state.tab)).toSvg();
    if (!svg) return announce('Nothing to export in this view yet.');
    const s = store.state;
    download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${s.world}-${s.tab}-${s.at}.svg`);
    announce('SVG exported.');
  });

  store.subscribe((s, prev) => {
    syncControls(s);
    if (s.tab !== prev.tab) void showTab(s.tab);
    // The drawer follows the slider: it always shows the evidence in force at the chosen month.
    if (s.pair && s.at !== prev.at && s.world === prev.world && !byId('drawer').hidden) {
      drawer.open(s.pair[0], s.pair[1]);
    }
  });
  window.addEventListener('hashchange', async () => {
    const next = parseHash(window.location.hash);
    if (next.world && next.world !== store.state.world) await switchWorld(next.world, next);
    else store.update({ ...next, ...(next.at && { at: clampMonth(next.at, months) }) });
    if (next.pair) drawer.open(next.pair[0], next.pair[1]);
  });

  syncControls(store.state);
  await showTab(store.state.tab);
  if (store.state.pair) drawer.open(store.state.pair[0], store.state.pair[1]);
}

start().catch((err: Error) => {
  byId('main').replaceChildren(
    h('p', { role: 'alert', class: 'error' }, `The workbench could not start: ${err.message}`),
  );
});
