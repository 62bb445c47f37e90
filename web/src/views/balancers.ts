/**
 * Balancers and the "new bipolarity": the balancer table at the slider's date (rival pairs an
 * actor straddles with its tilt on each, pivot score, flip cost), and the alignment chart — every
 * actor between two poles (position from −1, with the second pole, to +1, with the first) against
 * its engagement with them, each dot labelled where no other label is (see `label-placement.ts`;
 * `data-label-overlaps` counts overlapping labels as laid out). The poles default to the two
 * states with the largest capability.
 */
import type { AlignmentBodyType, BalancersBodyType } from '../../../src/api/client.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot } from '../charts.js';
import { getSnapshot } from '../data.js';
import { announce, type Column, h, replace, signed, table, valueBar } from '../dom.js';
import { countBoxOverlaps, placeLabels } from '../label-placement.js';
import { KIND_COLORS } from '../palette.js';
import type * as PlotModule from '../plot.js';
import type { View, ViewContext } from '../view.js';

/** Rival pairs shown per actor in the table (the rest are counted). */
const PAIRS_SHOWN = 3;

/** Radius of an actor's dot in the alignment chart, in pixels. */
const DOT_RADIUS = 5;

type BalancerRow = BalancersBodyType['rows'][number];

/** The balancer table's columns; an actor's cell carries its name as a tooltip. */
function balancerColumns(names: ReadonlyMap<string, string>): Column<BalancerRow>[] {
  return [
    { head: 'Actor', cell: (r) => r.actor, cellAttrs: (r) => ({ title: names.get(r.actor) ?? r.actor }) },
    {
      head: 'Largest tilts on rival pairs',
      cellAttrs: () => ({ class: 'tilts' }),
      cell: (r) => [
        ...[...r.pairs]
          .sort((x, y) => Math.abs(y.tilt) - Math.abs(x.tilt))
          .slice(0, PAIRS_SHOWN)
          .map((p) => h('span', { class: 'tilt' }, valueBar(p.tilt), `${p.a} vs ${p.b} ${signed(p.tilt)}`)),
        r.pairs.length > PAIRS_SHOWN
          ? h('span', { class: 'muted small' }, `+${r.pairs.length - PAIRS_SHOWN} more`)
          : null,
      ],
    },
    { head: 'Pairs', numeric: true, cell: (r) => r.pairs.length },
    { head: 'Pivot', numeric: true, cell: (r) => r.pivotScore.toFixed(2) },
    { head: 'Flip cost', numeric: true, cell: (r) => r.flipCost.toFixed(2) },
  ];
}

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function createBalancersView(ctx: ViewContext): View {
  const poleSelects = [0, 1].map((i) => h('select', { id: `pole-${i}` }));
  const allBox = h('input', { type: 'checkbox', id: 'balancers-all' });
  const tableHost = h('div', { id: 'balancers-table', 'data-state': 'empty' });
  const chartHost = h('div', { id: 'alignment-chart', class: 'chart', 'data-state': 'empty' });
  const element = h(
    'div',
    { class: 'balancers-view' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Options' },
      h('label', { class: 'field' }, h('span', {}, 'Pole +1'), poleSelects[0]!),
      h('label', { class: 'field' }, h('span', {}, 'Pole −1'), poleSelects[1]!),
      h('label', { class: 'check' }, allBox, 'list every actor'),
    ),
    h(
      'div',
      { class: 'two-col' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'balancers-title' },
        h('h2', { id: 'balancers-title' }, 'Balancers'),
        h(
          'p',
          { class: 'hint' },
          'Tilt on a rival pair A vs B: +1 wholly with A, −1 wholly with B. Pivot score: how often the actor is the apex of a (+ + −) triangle. Flip cost: extra frustration if it changed camp (0 = swing state).',
        ),
        tableHost,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'alignment-title' },
        h('h2', { id: 'alignment-title' }, 'Alignment between two poles'),
        chartHost,
      ),
    ),
  );
  let chart: Element | null = null;
  let visible = false;
  let ticket = 0;

  async function defaultPoles(): Promise<[string, string]> {
    const s = ctx.store.state;
    const snap = await getSnapshot(s.world, s.at, s.dimension);
    const ranked = snap.actors
      .filter((a) => a.kind === 'state' && a.cinc !== undefined)
      .sort((a, b) => b.cinc! - a.cinc!);
    const ids = ranked.length >= 2 ? ranked : snap.actors;
    return [ids[1]?.id ?? '', ids[0]?.id ?? ''];
  }

  async function fillPoles(): Promise<void> {
    const actors = ctx.world().actors;
    const [p, q] = await defaultPoles();
    poleSelects.forEach((sel, i) => {
      replace(
        sel,
        actors.map((a) => h('option', { value: a.id }, `${a.id} · ${a.name}`)),
      );
      sel.value = i === 0 ? p : q;
    });
  }

  function drawTable(body: BalancersBodyType): void {
    const names = new Map(ctx.world().actors.map((a) => [a.id, a.name]));
    replace(
      tableHost,
      h(
        'div',
        { class: 'table-scroll tall' },
        table(balancerColumns(names), body.rows, {
          caption: `At ${body.at} (${body.layer}): ${body.rows.length} actors`,
          attrs: { id: 'balancers' },
          rowAttrs: (r) => ({ 'data-actor': r.actor }),
        }),
      ),
    );
    tableHost.dataset.state = 'done';
  }

  async function drawAlignment(body: AlignmentBodyType): Promise<void> {
    const Plot = await loadPlot();
    const kinds = new Map(ctx.world().actors.map((a) => [a.id, a.kind]));
    const [p, q] = body.poles;
    const rows = body.rows.filter((r) => r.engagement > 0);
    const plot = cspSafe(
      Plot.plot({
        width: Math.max(420, Math.min(640, chartHost.clientWidth || 560)),
        height: 380,
        marginLeft: 44,
        marginRight: 24,
        x: {
          domain: [-1.08, 1.08],
          label: `← with ${q}    position    with ${p} →`,
          labelAnchor: 'center',
          ticks: [-1, -0.5, 0, 0.5, 1],
        },
        y: { domain: [0, 1], label: 'engagement with the poles', grid: true },
        marks: [
          Plot.ruleX([0], { stroke: '#888' }),
          Plot.dot(rows, {
            x: 'position',
            y: 'engagement',
            r: DOT_RADIUS,
            fill: (d: { actor: string }) => KIND_COLORS[kinds.get(d.actor) ?? 'state'],
            title: (d: { actor: string; position: number; engagement: number }) =>
              `${d.actor}: position ${signed(d.position)}, engagement ${d.engagement.toFixed(2)}`,
          }),
        ],
      }),
    );
    chart = plot;
    const note = h('p', { class: 'small muted' });
    replace(chartHost, plot, note);
    // Labels go in once the chart is in the page, so each is placed at its measured size.
    const dropped = labelDots(plot, rows);
    const unengaged = body.rows.filter((r) => r.engagement === 0).map((r) => r.actor);
    note.textContent = [
      `At ${body.at} (${body.layer}). Left out, no tie to either pole: ${unengaged.join(', ') || 'none'}.`,
      dropped.length
        ? ` Too crowded to label: ${dropped.map((r) => `${r.actor} (${signed(r.position)}, ${r.engagement.toFixed(2)})`).join(', ')}.`
        : '',
    ].join('');
    chartHost.dataset.state = 'done';
  }

  /**
   * Writes each dot's actor id beside it where no other label or dot is (a line joins a label set
   * further out), and sets `data-label-overlaps` from the labels' boxes as laid out. Returns the
   * rows left unlabelled.
   */
  function labelDots(
    plot: ReturnType<typeof PlotModule.plot>,
    rows: readonly { actor: string; position: number; engagement: number }[],
  ): { actor: string; position: number; engagement: number }[] {
    const svg = chartSvg(plot);
    if (!svg) return [];
    const sx = plot.scale('x')!;
    const sy = plot.scale('y')!;
    const layer = svgEl('g', {
      'aria-label': 'labels',
      'font-size': 11,
      'font-weight': 600,
      'text-anchor': 'middle',
    });
    const leaders = svgEl('g', { 'aria-hidden': 'true', stroke: '#888', 'stroke-width': 1 });
    svg.append(leaders, layer);
    const texts = new Map<string, SVGTextElement>();
    const requests = [...rows]
      .sort((a, b) => b.engagement - a.engagement || (a.actor < b.actor ? -1 : 1))
      .map((r) => {
        const text = svgEl('text', { 'dominant-baseline': 'central' }) as SVGTextElement;
        text.textContent = r.actor;
        layer.append(text);
        texts.set(r.actor, text);
        const box = text.getBBox();
        return {
          id: r.actor,
          x: sx.apply(r.position) as number,
          y: sy.apply(r.engagement) as number,
          r: DOT_RADIUS,
          width: box.width,
          height: box.height,
        };
      });
    const { width, height } = svg.viewBox.baseVal;
    const { placed, dropped } = placeLabels(requests, { left: 0, top: 0, right: width, bottom: height });
    const at = new Map(requests.map((r) => [r.id, r]));
    for (const l of placed) {
      texts.get(l.id)!.setAttribute('x', String(l.x));
      texts.get(l.id)!.setAttribute('y', String(l.y));
      if (!l.leader) continue;
      const dot = at.get(l.id)!;
      const d = Math.hypot(l.x - dot.x, l.y - dot.y) || 1;
      leaders.append(
        svgEl('line', {
          x1: dot.x + ((l.x - dot.x) / d) * DOT_RADIUS,
          y1: dot.y + ((l.y - dot.y) / d) * DOT_RADIUS,
          x2: l.x,
          y2: l.y,
        }),
      );
    }
    for (const id of dropped) texts.get(id)!.remove();
    const boxes = placed.map((l) => texts.get(l.id)!.getBoundingClientRect());
    chartHost.dataset.labelOverlaps = String(countBoxOverlaps(boxes));
    const gone = new Set(dropped);
    return rows.filter((r) => gone.has(r.actor));
  }

  async function refresh(): Promise<void> {
    const s = ctx.store.state;
    const mine = ++ticket;
    const poles = poleSelects.map((x) => x.value) as [string, string];
    try {
      const [bal, ali] = await Promise.all([
        api.balancers(s.world, { at: s.at, dimension: s.dimension, all: allBox.checked }),
        poles[0] && poles[1] && poles[0] !== poles[1]
          ? api.alignment(s.world, poles, { at: s.at, dimension: s.dimension })
          : Promise.resolve(undefined),
      ]);
      if (mine !== ticket) return;
      drawTable(bal);
      if (ali) await drawAlignment(ali);
      announce(`Balancers at ${bal.at}: ${bal.rows.length} actors.`);
    } catch (err) {
      if (mine !== ticket) return;
      replace(tableHost, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  for (const el of [...poleSelects, allBox]) el.addEventListener('change', () => void refresh());
  ctx.store.subscribe((s, prev) => {
    if (!visible) return;
    if (s.world !== prev.world) void fillPoles().then(refresh);
    else if (s.at !== prev.at || s.dimension !== prev.dimension) void refresh();
  });

  return {
    element,
    show() {
      visible = true;
      if (!poleSelects[0]!.options.length) void fillPoles().then(refresh);
      else void refresh();
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return chartSvg(chart);
    },
  };
}
