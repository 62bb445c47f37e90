/**
 * The signed network: sigma.js on a graphology graph whose nodes keep their map positions (see
 * `layout.ts`) while the slider replays the ties month by month; each month, nodes a line would
 * run over are nudged off it from those same positions (see `edge-clearance.ts`). Beside it, the
 * same ties as an accessible table (each row opens the evidence drawer), and a legend. The canvas
 * gets `data-ready`, `data-at`, `data-layer`, `data-edges` and `data-edge-node-overlaps` (lines
 * over nodes they do not join, as drawn) once a month is drawn, and the page gets a
 * `cb:network-drawn` performance mark the first time. At ~200 states the reader narrows the
 * drawing: a region select (from the actors' `region` field), a minimum |tie| slider, and a search
 * box that rings and centres one actor; the canvas reports `data-shown-nodes`, `data-shown-edges`
 * and `data-focus` for what they leave on screen.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { SnapshotBody } from '../../../src/api/client.js';
import { existsAt } from '../../../src/domain/lifetime.js';
import { getSnapshot, latest } from '../data.js';
import { announce, h, replace, signed, valueBar } from '../dom.js';
import { type ClearanceNode, clearEdges, countEdgeNodeOverlaps } from '../edge-clearance.js';
import { stableLayout } from '../layout.js';
import { KIND_COLORS, MEMBERSHIP_COLOR, tieColor, tieWidth } from '../palette.js';
import type { View, ViewContext } from '../view.js';
import { networkSvg } from './network-svg.js';

/** Node size in pixels from the capability index (square-root scale), within these bounds. */
const NODE_SIZE = Object.freeze({ min: 4, max: 18, noData: 5 });

function nodeSize(cinc: number | undefined, maxCinc: number): number {
  if (cinc === undefined || maxCinc <= 0) return NODE_SIZE.noData;
  return NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(cinc / maxCinc);
}

export function createNetworkView(ctx: ViewContext): View {
  const canvas = h('div', {
    id: 'network',
    class: 'network-canvas',
    role: 'img',
    'aria-label': 'Signed network of the world at the chosen date; the table beside it lists the same ties',
    'data-ready': 'false',
  });
  const tableBody = h('tbody');
  const caption = h('caption', {}, 'Ties');
  const filter = h('input', {
    type: 'search',
    id: 'tie-filter',
    placeholder: 'Filter by actor id or name',
    'aria-describedby': 'tie-filter-help',
  });
  const regionSelect = h(
    'select',
    { id: 'network-region', 'aria-label': 'Show the actors of one region' },
    h('option', { value: '' }, 'All regions'),
  );
  const minTie = h('input', {
    type: 'range',
    id: 'network-min-tie',
    min: 0,
    max: 1,
    step: 0.05,
    value: 0,
    'aria-label': 'Hide ties weaker than this |tie|',
  });
  const minTieOut = h('output', { for: 'network-min-tie' }, '0.00');
  const actorNames = h('datalist', { id: 'network-actor-names' });
  const search = h('input', {
    type: 'search',
    id: 'network-search',
    list: 'network-actor-names',
    placeholder: 'Find an actor',
    'aria-label': 'Find an actor in the network: it is ringed and centred',
  });
  const controls = h(
    'section',
    { class: 'network-controls', 'aria-label': 'What the network shows' },
    h('label', { for: 'network-search', class: 'filter-label' }, 'Find an actor'),
    search,
    actorNames,
    h('label', { for: 'network-region', class: 'filter-label' }, 'Region'),
    regionSelect,
    h('label', { for: 'network-min-tie', class: 'filter-label' }, 'Minimum |tie| ', minTieOut),
    minTie,
  );
  const side = h(
    'div',
    { class: 'side-panel' },
    controls,
    h(
      'section',
      { class: 'legend', 'aria-label': 'Legend' },
      h('h2', {}, 'Legend'),
      h(
        'ul',
        {},
        h('li', {}, h('span', { class: 'swatch line positive' }), 'positive (allied)'),
        h('li', {}, h('span', { class: 'swatch line negative' }), 'negative (hostile)'),
        h('li', {}, h('span', { class: 'swatch dot state' }), 'state'),
        h('li', {}, h('span', { class: 'swatch dot org' }), 'organisation, bloc'),
        h('li', {}, h('span', { class: 'swatch dot nonstate' }), 'non-state actor'),
        h('li', {}, h('span', { class: 'swatch line membership' }), 'membership'),
        h(
          'li',
          { class: 'wide' },
          'Line width: strength · opacity: confidence · node size: capability (CINC)',
        ),
      ),
    ),
    h(
      'section',
      { class: 'tie-list', 'aria-label': 'Ties at this date' },
      h('label', { for: 'tie-filter', class: 'filter-label' }, 'Find a tie'),
      filter,
      h(
        'p',
        { id: 'tie-filter-help', class: 'hint' },
        'Choose a pair (or click a line) to read its evidence.',
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'ties', id: 'tie-table' },
          caption,
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Pair'),
              h('th', { scope: 'col', class: 'num' }, 'Tie'),
              h('th', { scope: 'col', class: 'num' }, 'Conf.'),
            ),
          ),
          tableBody,
        ),
      ),
    ),
  );
  const element = h('div', { class: 'network-view' }, canvas, side);

  const graph = new UndirectedGraph();
  let renderer: Sigma | undefined;
  let worldId = '';
  let current: SnapshotBody | undefined;
  let visible = false;
  let marked = false;
  /** Each actor's map position, before any month's nudging. */
  let home = new Map<string, { x: number; y: number }>();
  let regionOf = new Map<string, string>();
  /** The actor the search found, ringed and centred; '' when none. */
  let focus = '';
  const load = latest(getSnapshot);

  /** Whether the region select lets `id` through (organisations have no region: all-regions only). */
  function inRegion(id: string): boolean {
    return regionSelect.value === '' || regionOf.get(id) === regionSelect.value;
  }

  function strongEnough(value: number): boolean {
    return Math.abs(value) >= Number(minTie.value);
  }

  function buildNodes(): void {
    const world = ctx.world();
    worldId = world.meta.id;
    graph.clear();
    home = stableLayout(world.actors, world.memberships);
    regionOf = new Map(world.actors.flatMap((a) => (a.region ? [[a.id, a.region] as const] : [])));
    const regions = [...new Set(regionOf.values())].sort();
    replace(
      regionSelect,
      h('option', { value: '' }, 'All regions'),
      regions.map((r) => h('option', { value: r }, r)),
    );
    regionSelect.disabled = regions.length === 0;
    replace(
      actorNames,
      world.actors.map((a) => h('option', { value: a.id }, a.name)),
    );
    focus = '';
    for (const a of world.actors) {
      const p = home.get(a.id)!;
      graph.addNode(a.id, {
        x: p.x,
        y: p.y,
        size: NODE_SIZE.noData,
        label: a.id,
        fullName: a.name,
        color: KIND_COLORS[a.kind] ?? KIND_COLORS.state,
      });
    }
  }

  function mount(): void {
    if (worldId !== ctx.world().meta.id) buildNodes();
    renderer = new Sigma(graph, canvas, {
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 0,
      labelDensity: 4,
      labelGridCellSize: 30,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      labelWeight: '600',
      labelColor: { color: '#1a1a1a' },
      defaultEdgeType: 'line',
      zIndex: true,
      stagePadding: 40,
      minCameraRatio: 0.2,
      maxCameraRatio: 4,
      // The pair whose evidence is open stands out; the other ties fade.
      nodeReducer: (node, data) => {
        if (!inRegion(node)) return { ...data, hidden: true };
        if (node === focus) return { ...data, highlighted: true, forceLabel: true, zIndex: 10 };
        return data;
      },
      edgeReducer: (edge, data) => {
        const [a, b] = graph.extremities(edge);
        if (!inRegion(a) || !inRegion(b)) return { ...data, hidden: true };
        if (data.kind !== 'membership' && !strongEnough(data.value as number))
          return { ...data, hidden: true };
        const pair = ctx.store.state.pair;
        if (!pair) return data;
        const key = [...pair].sort().join('|');
        if (edge === key) return { ...data, size: (data.size as number) + 3, zIndex: 100 };
        return { ...data, color: fade(data.color as string) };
      },
    });
    // Browser tests read what sigma drew from here (positions, sizes), not from this view's own sums.
    (window as unknown as { cbNetwork?: Sigma }).cbNetwork = renderer;
    renderer.on('clickEdge', ({ edge }) => {
      if (graph.getEdgeAttribute(edge, 'kind') === 'membership') return;
      const [a, b] = graph.extremities(edge);
      ctx.openEvidence(a, b);
    });
    // Pixel clearances change with the canvas size.
    renderer.on('resize', () => {
      if (current) clearLines();
    });
    renderer.on('enterEdge', () => canvas.classList.add('pointer'));
    renderer.on('leaveEdge', () => canvas.classList.remove('pointer'));
  }

  function draw(snap: SnapshotBody): void {
    current = snap;
    const maxCinc = Math.max(0, ...snap.actors.map((a) => a.cinc ?? 0));
    for (const a of snap.actors) {
      if (graph.hasNode(a.id)) graph.setNodeAttribute(a.id, 'size', nodeSize(a.cinc, maxCinc));
    }
    // Actors outside their lifetime are not in the snapshot: hide them, keep their place.
    const present = new Set(snap.actors.map((a) => a.id));
    graph.forEachNode((id) => graph.setNodeAttribute(id, 'hidden', !present.has(id)));
    graph.clearEdges();
    // Memberships in force: thin lines beneath the ties, so organisations do not float.
    const members = ctx
      .world()
      .memberships.filter(
        (m) =>
          present.has(m.actor) && present.has(m.org) && existsAt({ since: m.from, until: m.to }, snap.at),
      );
    for (const m of members) {
      const key = `member|${m.actor}|${m.org}`;
      if (graph.hasEdge(key)) continue;
      graph.addUndirectedEdgeWithKey(key, m.actor, m.org, {
        kind: 'membership',
        color: MEMBERSHIP_COLOR,
        size: 1,
        zIndex: -1,
      });
    }
    for (const t of snap.ties) {
      if (!graph.hasNode(t.a) || !graph.hasNode(t.b)) continue;
      graph.addUndirectedEdgeWithKey(`${t.a}|${t.b}`, t.a, t.b, {
        color: tieColor(t.value, t.confidence),
        size: tieWidth(t.value),
        zIndex: Math.round(Math.abs(t.value) * 10),
        value: t.value,
      });
    }
    clearLines();
    renderTable();
    countShown();
    canvas.dataset.ready = 'true';
    canvas.dataset.at = snap.at;
    canvas.dataset.layer = snap.layer;
    canvas.dataset.edges = String(snap.ties.length);
    canvas.dataset.nodes = String(present.size);
    canvas.dataset.memberships = String(members.length);
    canvas.setAttribute(
      'aria-label',
      `Signed network at ${snap.at}, ${snap.layer} layer: ${snap.actors.length} actors, ${snap.ties.length} ties, ${members.length} memberships. The table beside it lists the ties.`,
    );
    if (!marked) {
      marked = true;
      // After the frame sigma paints in: the moment the nodes are on screen.
      requestAnimationFrame(() => performance.mark('cb:network-drawn'));
    }
    const pos = snap.ties.filter((t) => t.value > 0).length;
    announce(
      `${snap.at}, ${snap.layer}: ${snap.ties.length} ties, ${pos} positive, ${snap.ties.length - pos} negative or neutral.`,
    );
  }

  /**
   * Puts the shown nodes back on their map positions and nudges them off the lines they do not
   * join, in pixels of the unzoomed camera over the map's own frame (so the result depends on the
   * world, the month and the canvas size only); then counts what is left as drawn.
   */
  function clearLines(): void {
    if (!renderer) return;
    const r = renderer;
    const xs = [...home.values()].map((p) => p.x);
    const ys = [...home.values()].map((p) => p.y);
    r.setCustomBBox({ x: [Math.min(...xs), Math.max(...xs)], y: [Math.min(...ys), Math.max(...ys)] });
    graph.forEachNode((id) => graph.mergeNodeAttributes(id, home.get(id)!));
    r.refresh();
    const unzoomed = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };
    const nodes: ClearanceNode[] = [];
    graph.forEachNode((id, attrs) => {
      if (attrs.hidden) return;
      const p = r.graphToViewport(home.get(id)!, unzoomed);
      nodes.push({ id, x: p.x, y: p.y, r: r.scaleSize(attrs.size as number, 1) });
    });
    const lines = graph.mapEdges((_e, attrs, a, b) => ({ a, b, width: attrs.size as number }));
    clearEdges(nodes, lines);
    for (const n of nodes) graph.mergeNodeAttributes(n.id, r.viewportToGraph(n, unzoomed));
    r.refresh();
    canvas.dataset.edgeNodeOverlaps = String(countEdgeNodeOverlaps(drawnNodes(r), lines));
  }

  /** The shown nodes where sigma drew them, in viewport pixels, with their drawn radii. */
  function drawnNodes(r: Sigma): ClearanceNode[] {
    const out: ClearanceNode[] = [];
    graph.forEachNode((id, attrs) => {
      const shown = r.getNodeDisplayData(id);
      if (attrs.hidden || !shown) return;
      const p = r.framedGraphToViewport(shown);
      out.push({ id, x: p.x, y: p.y, r: r.scaleSize(shown.size) });
    });
    return out;
  }

  /** What the filters leave on the canvas, for the reader's caption and the browser tests. */
  function countShown(): void {
    let nodes = 0;
    let edges = 0;
    graph.forEachNode((id, attrs) => {
      if (!attrs.hidden && inRegion(id)) nodes++;
    });
    graph.forEachEdge((_e, attrs, a, b) => {
      if (attrs.kind !== 'membership' && inRegion(a) && inRegion(b) && strongEnough(attrs.value as number))
        edges++;
    });
    canvas.dataset.shownNodes = String(nodes);
    canvas.dataset.shownEdges = String(edges);
  }

  /** Region or |tie| changed: redraw through the reducers (positions stay) and the table. */
  function applyFilters(): void {
    minTieOut.textContent = Number(minTie.value).toFixed(2);
    if (focus && !inRegion(focus)) setFocus('');
    countShown();
    renderTable();
    renderer?.refresh();
  }

  /** Rings `id` and moves the camera onto it; '' clears the ring. */
  function setFocus(id: string): void {
    focus = id;
    canvas.dataset.focus = id;
    renderer?.refresh();
    const shown = id && renderer ? renderer.getNodeDisplayData(id) : undefined;
    if (renderer && shown)
      void renderer.getCamera().animate({ x: shown.x, y: shown.y, ratio: 0.5 }, { duration: 300 });
  }

  /** The actor a search text names: an exact id first, then the first name containing it. */
  function findActor(text: string): string {
    const q = text.trim().toLowerCase();
    if (q === '') return '';
    const actors = ctx
      .world()
      .actors.filter((a) => graph.hasNode(a.id) && !graph.getNodeAttribute(a.id, 'hidden'));
    return (
      actors.find((a) => a.id.toLowerCase() === q)?.id ??
      actors.find((a) => a.name.toLowerCase().includes(q))?.id ??
      ''
    );
  }

  function renderTable(): void {
    if (!current) return;
    const names = new Map(ctx.world().actors.map((a) => [a.id, a.name]));
    const q = filter.value.trim().toLowerCase();
    const rows = current.ties
      .filter((t) => inRegion(t.a) && inRegion(t.b) && strongEnough(t.value))
      .filter((t) =>
        q === ''
          ? true
          : [t.a, t.b, names.get(t.a) ?? '', names.get(t.b) ?? ''].some((s) => s.toLowerCase().includes(q)),
      )
      .sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
    caption.textContent = `Ties at ${current.at} (${current.layer}): ${rows.length}${q ? ` matching “${q}”` : ''}`;
    replace(
      tableBody,
      rows.map((t) =>
        h(
          'tr',
          {
            'data-a': t.a,
            'data-b': t.b,
            'data-value': t.value,
          },
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link-btn',
                title: `${names.get(t.a)} – ${names.get(t.b)}: open the evidence`,
                'aria-label': `${names.get(t.a)} – ${names.get(t.b)}, ${signed(t.value)}: open the evidence`,
                onclick: (e: Event) => ctx.openEvidence(t.a, t.b, e.currentTarget as HTMLElement),
              },
              `${t.a} – ${t.b}`,
            ),
          ),
          h('td', { class: 'num' }, valueBar(t.value), h('span', { class: 'value' }, signed(t.value))),
          h('td', { class: 'num' }, t.confidence.toFixed(2)),
        ),
      ),
    );
    markSelected();
  }

  /** Highlights the row of the pair whose evidence is open, without rebuilding the table. */
  function markSelected(): void {
    const open = ctx.store.state.pair;
    const key = open ? [...open].sort().join() : '';
    for (const tr of tableBody.querySelectorAll('tr')) {
      tr.classList.toggle('selected', key !== '' && [tr.dataset.a, tr.dataset.b].sort().join() === key);
    }
  }

  async function refresh(): Promise<void> {
    const s = ctx.store.state;
    if (s.world !== worldId) {
      buildNodes();
      renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    canvas.dataset.ready =
      canvas.dataset.at === s.at && canvas.dataset.layer === s.dimension ? 'true' : 'false';
    const snap = await load(s.world, s.at, s.dimension).catch((err: Error) => {
      announce(`Could not load the snapshot: ${err.message}`);
      return undefined;
    });
    if (snap) draw(snap);
  }

  filter.addEventListener('input', renderTable);
  regionSelect.addEventListener('change', applyFilters);
  minTie.addEventListener('input', applyFilters);
  search.addEventListener('input', () => {
    const id = findActor(search.value);
    if (id && !inRegion(id)) regionSelect.value = '';
    if (id !== focus) {
      setFocus(id);
      if (id) applyFilters();
    }
  });
  ctx.store.subscribe((s, prev) => {
    if (!visible) return;
    if (s.world !== prev.world || s.at !== prev.at || s.dimension !== prev.dimension) void refresh();
    else if (s.pair !== prev.pair) {
      markSelected();
      renderer?.refresh();
    }
  });

  return {
    element,
    show() {
      visible = true;
      // Ask for the month first: the request travels while sigma sets up WebGL.
      const pending = refresh();
      if (!renderer) mount();
      else renderer.refresh();
      void pending;
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return renderer && current ? networkSvg(graph, renderer, current) : null;
    },
  };
}

/** An rgba() colour with its opacity cut to a tenth of what it was. */
function fade(color: string): string {
  return color.replace(
    /rgba\((\d+),(\d+),(\d+),([\d.]+)\)/,
    (_m, r, g, b, a) => `rgba(${r},${g},${b},${(Number(a) / 10).toFixed(3)})`,
  );
}
