/**
 * The map: countries (Natural Earth 1:110m from world-atlas, bundled — no tile server), actors at
 * their capitals, ties as great-circle arcs coloured by sign, and corridors through the capitals on
 * their route styled by their status at the slider's date. Choosing a focus actor shows only its
 * ties and colours every other actor by its tie to the focus. Actors beyond the frame are pinned to
 * its edge with their label. At ~200 states the shared filters (region, minimum |tie|, search; see
 * `filters.ts`) narrow what is drawn, and labels are placed without overlaps (see `map-labels.ts`);
 * the holder reports `data-shown-actors`, `data-shown-ties`, `data-found` and `data-unlabelled-actors`.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { SnapshotBody } from '../../../src/api/client.js';
import { endOf, startOf } from '../../../src/domain/time.js';
import { getSnapshot, latest } from '../data.js';
import { announce, h, replace, signed } from '../dom.js';
import { KIND_COLORS, NEUTRAL, signColor, tieColor, tieWidth } from '../palette.js';
import type { View, ViewContext } from '../view.js';
import { actorFilters } from './filters.js';
import { type ActorLabel, placeActorLabels, placeCorridorLabels } from './map-labels.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Focus value meaning "every tie" (actor ids start with a letter, so it cannot clash). */
const ALL = '*';
/** Smallest drawing size, and the margin kept inside the frame, in pixels. */
const SIZE = Object.freeze({ minWidth: 640, minHeight: 400, pad: 28 });
/** Share of capitals (nearest the median) the regional frame must contain. */
const REGION_SHARE = 0.9;

const STATUS_STYLE: Readonly<Record<string, { dash: string; color: string }>> = Object.freeze({
  proposed: { dash: '2,4', color: '#7a4f01' },
  agreed: { dash: '6,4', color: '#7a4f01' },
  'under-construction': { dash: '10,4', color: '#7a4f01' },
  operational: { dash: '', color: '#7a4f01' },
  stalled: { dash: '2,4', color: NEUTRAL },
  cancelled: { dash: '1,6', color: NEUTRAL },
});

function svgEl(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(topology, topology.objects.countries);

export function createMapView(ctx: ViewContext): View {
  const holder = h('div', { class: 'map-holder', id: 'map' });
  const focusSelect = h('select', { id: 'map-focus' });
  const showCorridors = h('input', { type: 'checkbox', id: 'map-corridors', checked: true });
  const frameSelect = h(
    'select',
    { id: 'map-frame' },
    h('option', { value: 'region' }, 'the region'),
    h('option', { value: 'world' }, 'the whole world'),
  );
  const note = h('p', { class: 'hint', id: 'map-note' });
  /** The actor the search found, ringed and labelled first; '' when none. */
  let found = '';
  let current: SnapshotBody | undefined;
  const filters = actorFilters('map', {
    what: 'map',
    onFilter: () => {
      if (found && !filters.inRegion(found)) found = '';
      redraw();
    },
    onSearch: (text) => {
      const present = new Set(current?.actors.map((a) => a.id));
      found = filters.findActor(
        text,
        ctx.world().actors.filter((a) => a.capital && present.has(a.id)),
      );
      if (found && !filters.inRegion(found)) filters.region.value = '';
      redraw();
    },
  });
  const element = h(
    'div',
    { class: 'map-view' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Map options' },
      h('label', { class: 'field' }, h('span', {}, 'Ties'), focusSelect),
      h('label', { class: 'check' }, showCorridors, 'corridors'),
      h('label', { class: 'field' }, h('span', {}, 'Show'), frameSelect),
    ),
    filters.element,
    holder,
    note,
  );
  let svg: SVGSVGElement | null = null;
  let visible = false;
  const load = latest(getSnapshot);

  function redraw(): void {
    if (visible && current) draw(current);
  }

  function fillFocusOptions(): void {
    const world = ctx.world();
    filters.setActors(world.actors);
    found = '';
    replace(
      focusSelect,
      h('option', { value: '' }, 'none'),
      h('option', { value: ALL }, 'all'),
      h(
        'optgroup',
        { label: 'of one actor (colours the others by their tie to it)' },
        world.actors
          .filter((a) => a.capital)
          .map((a) => h('option', { value: a.id }, `of ${a.name} (${a.id})`)),
      ),
    );
    focusSelect.value = ctx.store.state.focus ?? '';
  }

  function draw(snap: SnapshotBody): void {
    current = snap;
    const world = ctx.world();
    const { inRegion, strongEnough } = filters;
    const choice = ctx.store.state.focus;
    const focus = choice === ALL ? undefined : choice;
    const placed = world.actors.filter((a) => a.capital);
    const lonLat = new Map(placed.map((a) => [a.id, [a.capital!.lon, a.capital!.lat] as [number, number]]));
    const lons = [...lonLat.values()].map((p) => p[0]).sort((a, b) => a - b);
    const midLon = lons[Math.floor(lons.length / 2)] ?? 0;
    const projection = geoNaturalEarth1().rotate([-midLon, 0]);
    const { pad } = SIZE;
    // Draw at the holder's size, so what is inside the frame is exactly what shows.
    const width = Math.max(SIZE.minWidth, holder.clientWidth - 32);
    const height = Math.max(SIZE.minHeight, holder.clientHeight - 8);
    if (frameSelect.value === 'world' || placed.length < 3) {
      projection.fitExtent(
        [
          [pad, pad],
          [width - pad, height - pad],
        ],
        { type: 'Sphere' },
      );
    } else {
      const dist = (p: [number, number]) => Math.abs(((p[0] - midLon + 540) % 360) - 180);
      const near = [...lonLat.values()]
        .sort((p, q) => dist(p) - dist(q))
        .slice(0, Math.ceil(placed.length * REGION_SHARE));
      projection.fitExtent(
        [
          [pad * 2, pad * 2],
          [width - pad * 2, height - pad * 2],
        ],
        {
          type: 'MultiPoint',
          coordinates: near,
        },
      );
    }
    const path = geoPath(projection);
    const root = svgEl('svg', {
      xmlns: SVG_NS,
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': 'map-title',
      class: 'map-svg',
    }) as SVGSVGElement;
    const title = svgEl('title', { id: 'map-title' });
    title.textContent = `Map at ${snap.at}: actors at their capitals, ${snap.layer} ties${focus ? ` of ${focus}` : ''}, corridors by status`;
    root.appendChild(title);
    root.appendChild(svgEl('rect', { width, height, fill: '#f3f6f9' }));
    root.appendChild(
      svgEl('path', { d: path({ type: 'Sphere' }) ?? '', fill: '#eaf1f7', stroke: '#c9d6e2' }),
    );
    root.appendChild(
      svgEl('path', {
        d: path(geoGraticule10()) ?? '',
        fill: 'none',
        stroke: '#dbe4ec',
        'stroke-width': 0.5,
      }),
    );
    root.appendChild(
      svgEl('path', { d: path(land) ?? '', fill: '#dcdcd6', stroke: '#ffffff', 'stroke-width': 0.6 }),
    );

    const inFrame = (p: [number, number] | null): p is [number, number] =>
      p !== null && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height;
    const visibleCorridors: string[] = [];
    const labels: { line: SVGElement; text: string }[] = [];
    if (showCorridors.checked) {
      const g = svgEl('g', { class: 'corridors' });
      const asOf = endOf(snap.at);
      for (const c of world.corridors) {
        const status = c.statuses.find(
          (s) => startOf(s.from) <= asOf && (s.to === undefined || endOf(s.to) >= asOf),
        );
        if (!status) continue;
        // A corridor's own waypoints when it has them; else capital to capital along its route.
        const stops = c.waypoints
          ? c.waypoints.points.map((p) => [p.lon, p.lat] as [number, number])
          : (c.route.length > 1 ? c.route : c.participants)
              .map((id) => lonLat.get(id))
              .filter((p): p is [number, number] => p !== undefined);
        if (stops.length < 2) continue;
        const style = STATUS_STYLE[status.status] ?? STATUS_STYLE.proposed!;
        const line = svgEl('path', {
          d: path({ type: 'LineString', coordinates: stops }) ?? '',
          fill: 'none',
          stroke: style.color,
          'stroke-width': 2.5,
          'stroke-dasharray': style.dash,
          'data-corridor': c.id,
        });
        const tip = svgEl('title');
        tip.textContent = `${c.name}: ${status.status} (${c.kind}, ${c.dimension})`;
        line.appendChild(tip);
        g.appendChild(line);
        labels.push({ line, text: c.id });
        visibleCorridors.push(`${c.name} (${status.status})`);
      }
      root.appendChild(g);
    }

    const tieTo = new Map<string, number>();
    let shownTies = 0;
    if (choice) {
      const g = svgEl('g', { class: 'ties' });
      for (const t of snap.ties) {
        if (focus && t.a !== focus && t.b !== focus) continue;
        if (!inRegion(t.a) || !inRegion(t.b) || !strongEnough(t.value)) continue;
        const a = lonLat.get(t.a);
        const b = lonLat.get(t.b);
        if (focus) tieTo.set(t.a === focus ? t.b : t.a, t.value);
        if (!a || !b) continue;
        shownTies++;
        g.appendChild(
          svgEl('path', {
            d: path({ type: 'LineString', coordinates: [a, b] }) ?? '',
            fill: 'none',
            stroke: tieColor(t.value, t.confidence),
            'stroke-width': tieWidth(t.value) * 0.6,
            'stroke-linecap': 'round',
          }),
        );
      }
      root.appendChild(g);
    }

    const nodes = svgEl('g', { class: 'actors' });
    const rings = svgEl('g', { class: 'found' });
    const offMap: string[] = [];
    // The frame comes from every capital (stable over time); only actors existing at the date show.
    const present = new Set(snap.actors.map((a) => a.id));
    const cinc = new Map(snap.actors.map((a) => [a.id, a.cinc ?? 0]));
    const actorLabels: (ActorLabel & { rank: number })[] = [];
    const shown = placed.filter((x) => present.has(x.id) && inRegion(x.id));
    for (const a of shown) {
      const raw = projection(lonLat.get(a.id)!);
      if (!raw) continue;
      const inside = inFrame(raw);
      const x = Math.min(width - 10, Math.max(10, raw[0]));
      const y = Math.min(height - 10, Math.max(10, raw[1]));
      if (!inside) offMap.push(a.id);
      const value = tieTo.get(a.id);
      const fill =
        a.id === focus
          ? '#111111'
          : focus && value !== undefined
            ? signColor(value)
            : (KIND_COLORS[a.kind] ?? '#333');
      const circle = svgEl('circle', {
        'data-actor': a.id,
        cx: x,
        cy: y,
        r: a.id === focus ? 7 : 5,
        fill,
        stroke: '#ffffff',
        'stroke-width': 1.5,
      });
      const tip = svgEl('title');
      tip.textContent = `${a.name}${value !== undefined ? `: tie to ${focus} ${signed(value)}` : ''}`;
      if (focus && a.id !== focus && value === undefined) circle.setAttribute('fill-opacity', '0.35');
      circle.appendChild(tip);
      nodes.appendChild(circle);
      if (a.id === found)
        rings.appendChild(svgEl('circle', { cx: x, cy: y, r: 10, class: 'found-ring', 'data-found': a.id }));
      actorLabels.push({
        id: a.id,
        x,
        y,
        r: a.id === found ? 10 : Number(circle.getAttribute('r')),
        text: inside ? a.id : `${a.id} (off map)`,
        className: inside ? 'actor-label' : 'actor-label off-map',
        // The searched actor, then the focus, then the most capable: who keeps a label in a crowd.
        rank: a.id === found ? 2 : a.id === focus ? 1 : 0,
      });
    }
    root.append(nodes, rings);
    svg = root;
    replace(holder, root);
    actorLabels.sort(
      (p, q) => q.rank - p.rank || cinc.get(q.id)! - cinc.get(p.id)! || (p.id < q.id ? -1 : 1),
    );
    const dropped = placeActorLabels(root, actorLabels, width, height);
    holder.dataset.unlabelled = String(placeCorridorLabels(root, labels, inFrame));
    holder.dataset.unlabelledActors = String(dropped.length);
    holder.dataset.shownActors = String(shown.length);
    holder.dataset.shownTies = String(shownTies);
    holder.dataset.found = found;
    const noCapital = snap.actors.filter((a) => a.lat === undefined).map((a) => a.id);
    note.textContent =
      (noCapital.length > 0 ? `Not on the map (no capital): ${noCapital.join(', ')}. ` : '') +
      (offMap.length > 0 ? `Pinned to the edge: ${offMap.join(', ')}. ` : '') +
      (dropped.length > 0
        ? `${dropped.length} labels left off for space (hover a dot, or find the actor). `
        : '') +
      `Corridors: solid operational, dashed under construction or agreed, dotted proposed, grey stalled or cancelled.`;
    holder.dataset.at = snap.at;
    holder.dataset.corridors = String(visibleCorridors.length);
    announce(`Map at ${snap.at}: ${visibleCorridors.length} corridors shown.`);
  }

  async function refresh(): Promise<void> {
    const s = ctx.store.state;
    const snap = await load(s.world, s.at, s.dimension);
    if (snap) draw(snap);
  }

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    if (visible) resizeTimer = setTimeout(() => void refresh(), 150);
  });
  focusSelect.addEventListener('change', () => ctx.store.update({ focus: focusSelect.value || undefined }));
  for (const input of [showCorridors, frameSelect]) input.addEventListener('change', () => void refresh());
  ctx.store.subscribe((s, prev) => {
    if (s.world !== prev.world) fillFocusOptions();
    if (!visible) return;
    if (
      s.world !== prev.world ||
      s.at !== prev.at ||
      s.dimension !== prev.dimension ||
      s.focus !== prev.focus
    ) {
      focusSelect.value = s.focus ?? '';
      void refresh();
    }
  });

  return {
    element,
    show() {
      visible = true;
      fillFocusOptions();
      void refresh();
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return svg;
    },
  };
}
