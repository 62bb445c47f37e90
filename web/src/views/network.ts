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
 * and `data-focus` for what they leave on screen (the controls live in `filters.ts`, the windowed
 * table in `tie-table.ts`, the clearance in `network-clearance.ts`, which sets `data-cleared`).
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { SnapshotBody } from '../../../src/api/client.js';
import { existsAt } from '../../../src/domain/lifetime.js';
import { getSnapshot, latest } from '../data.js';
import { announce, h } from '../dom.js';
import { stableLayout } from '../layout.js';
import { KIND_COLORS, MEMBERSHIP_COLOR, tieColor, tieWidth } from '../palette.js';
import type { View, ViewContext } from '../view.js';
import { actorFilters } from './filters.js';
import { clearNetwork, homeFrame } from './network-clearance.js';
import { networkSvg } from './network-svg.js';
import { tieTable } from './tie-table.js';

/** Node size in pixels from the capability index (square-root scale), within these bounds. */
const NODE_SIZE = Object.freeze({ min: 4, max: 18, noData: 5 });
/** Resizes closer together than this share one edge-clearance run (the last one, when they stop). */
const RESIZE = Object.freeze({ settleMs: 150 });

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
  const filter = h('input', {
    type: 'search',
    id: 'tie-filter',
    placeholder: 'Filter by actor id or name',
    'aria-describedby': 'tie-filter-help',
  });
  const filters = actorFilters('network', { onFilter: applyFilters, onSearch: searchFor, what: 'network' });
  const ties = tieTable({ names: () => names, open: (a, b, el) => ctx.openEvidence(a, b, el) });
  const side = h(
    'div',
    { class: 'side-panel' },
    filters.element,
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
      ties.element,
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
  let names = new Map<string, string>();
  /** The actor the search found, ringed and centred; '' when none. */
  let focus = '';
  /** When the clearance last ran for a resize, and the trailing run a burst of resizes waits for. */
  let lastResizeClear = Number.NEGATIVE_INFINITY;
  let trailingClear: ReturnType<typeof setTimeout> | undefined;
  const load = latest(getSnapshot);
  const { inRegion, strongEnough } = filters;

  function buildNodes(): void {
    const world = ctx.world();
    worldId = world.meta.id;
    graph.clear();
    home = stableLayout(world.actors, world.memberships);
    names = new Map(world.actors.map((a) => [a.id, a.name]));
    filters.setActors(world.actors);
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
    // sigma has just framed the nodes, all at their map positions: the same extent as this frame,
    // so fixing it now spares the first clearance a processing pass (and a render) of its own.
    renderer.setCustomBBox(homeFrame(home));
    // Browser tests read what sigma drew from here (positions, sizes), not from this view's own sums.
    (window as unknown as { cbNetwork?: Sigma }).cbNetwork = renderer;
    renderer.on('clickEdge', ({ edge }) => {
      if (graph.getEdgeAttribute(edge, 'kind') === 'membership') return;
      const [a, b] = graph.extremities(edge);
      ctx.openEvidence(a, b);
    });
    renderer.on('resize', onResize);
    // Resize sigma before its next frame, so the clearance lands in the frame that draws the size.
    window.addEventListener('resize', () => {
      if (visible) renderer?.resize();
    });
    renderer.on('enterEdge', () => canvas.classList.add('pointer'));
    renderer.on('leaveEdge', () => canvas.classList.remove('pointer'));
  }

  /**
   * Pixel clearances change with the canvas size. sigma emits `resize` before it draws the new
   * size, so clearing here (without a render of its own) lands in that drawing. A burst of resizes (a window dragged) clears once per `RESIZE.settleMs`: the first at
   * once, the last when the burst ends; frames in between show the previous solution, scaled.
   */
  function onResize(): void {
    if (!current) return;
    clearTimeout(trailingClear);
    const now = performance.now();
    if (now - lastResizeClear >= RESIZE.settleMs) {
      lastResizeClear = now;
      clearLines(false);
    } else {
      canvas.dataset.cleared = 'false';
      trailingClear = setTimeout(() => {
        lastResizeClear = performance.now();
        clearLines(true);
      }, RESIZE.settleMs);
    }
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
    clearLines(true);
    renderTable(true);
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

  function clearLines(render: boolean): void {
    if (renderer) clearNetwork(renderer, graph, home, canvas, { render });
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
    if (focus && !inRegion(focus)) setFocus('');
    countShown();
    renderTable(false);
    renderer?.refresh();
  }

  function searchFor(text: string): void {
    const shown = ctx
      .world()
      .actors.filter((a) => graph.hasNode(a.id) && !graph.getNodeAttribute(a.id, 'hidden'));
    const id = filters.findActor(text, shown);
    if (id && !inRegion(id)) filters.region.value = '';
    if (id !== focus) {
      setFocus(id);
      if (id) applyFilters();
    }
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

  /** The table's rows: the ties the filters and the "find a tie" text let through. */
  function renderTable(keepWindow: boolean): void {
    if (!current) return;
    const q = filter.value.trim().toLowerCase();
    const rows = current.ties
      .filter((t) => inRegion(t.a) && inRegion(t.b) && strongEnough(t.value))
      .filter((t) =>
        q === ''
          ? true
          : [t.a, t.b, names.get(t.a) ?? '', names.get(t.b) ?? ''].some((s) => s.toLowerCase().includes(q)),
      );
    ties.render(current, rows, { matching: q, keepWindow });
    ties.markSelected(ctx.store.state.pair);
  }

  async function refresh(): Promise<void> {
    const s = ctx.store.state;
    // Ask for the month first: it travels while the layout is computed.
    const pending = load(s.world, s.at, s.dimension);
    if (s.world !== worldId) {
      buildNodes();
      renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    }
    canvas.dataset.ready =
      canvas.dataset.at === s.at && canvas.dataset.layer === s.dimension ? 'true' : 'false';
    const snap = await pending.catch((err: Error) => {
      announce(`Could not load the snapshot: ${err.message}`);
      return undefined;
    });
    if (snap) draw(snap);
  }

  filter.addEventListener('input', () => renderTable(false));
  ctx.store.subscribe((s, prev) => {
    if (!visible) return;
    if (s.world !== prev.world || s.at !== prev.at || s.dimension !== prev.dimension) void refresh();
    else if (s.pair !== prev.pair) {
      ties.markSelected(s.pair);
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
