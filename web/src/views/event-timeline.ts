/**
 * Event data: one dyad's imported events (GDELT, ICEWS, PLOVER in the server's store) per month or
 * year — counts stacked by quad class, and the volume-normalised Goldstein score with the curated
 * tie of the open world drawn over it on the same [−1, 1] scale, so a reader sees where the news
 * and the curated record agree. A click on a period (in the chart or the table) lists the events
 * behind it, paged, each with its file, line and source link.
 */

import type { Client, LayerName } from '../../../src/api/client.js';
import { addMonths } from '../../../src/domain/time.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot, toDate } from '../charts.js';
import { announce, type Column, h, replace, signed, table, tableRows } from '../dom.js';
import type { View, ViewContext } from '../view.js';

type DyadPeriod = Awaited<ReturnType<Client['eventDyads']>>['series'][number];
type EventRow = Awaited<ReturnType<Client['eventsAt']>>['events'][number];
type By = 'month' | 'year';
type Weighting = 'events' | 'mentions' | 'root';

/** Months of curated record shown either side of the imported events. */
export const TIMELINE_DEFAULTS = Object.freeze({ marginMonths: 6, pageSize: 50 });

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
const QUAD_COLORS = ['#74c476', '#238b45', '#fc9272', '#cb181d'];

/** The first day after a period (YYYY or YYYY-MM), for the right edge of its bar. */
function periodEnd(period: string): Date {
  return period.length === 4 ? toDate(String(Number(period) + 1)) : toDate(addMonths(`${period}-01`, 1));
}

const EVENT_COLUMNS: readonly Column<EventRow>[] = [
  { head: 'Date', cell: (e) => e.date },
  { head: 'Source → target', cell: (e) => `${e.source} → ${e.target}` },
  { head: 'CAMEO', cell: (e) => e.cameo },
  { head: 'Goldstein', numeric: true, cell: (e) => signed(e.goldstein, 1) },
  { head: 'Quad', cell: (e) => e.quad },
  { head: 'File, line', cell: (e) => `${e.file}${e.line !== null ? `:${e.line}` : ''}` },
  {
    head: 'Source',
    cell: (e) =>
      e.url
        ? h('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer' }, new URL(e.url).host)
        : '—',
  },
];

export function createEventTimelineView(ctx: ViewContext): View {
  const selects = [0, 1].map((i) => h('select', { id: `ev-${i}` }));
  const by = h(
    'select',
    { id: 'ev-by' },
    h('option', { value: 'month' }, 'month'),
    h('option', { value: 'year' }, 'year'),
  );
  const weighting = h(
    'select',
    { id: 'ev-weighting' },
    h('option', { value: 'events' }, 'each event once'),
    h('option', { value: 'mentions' }, 'by mentions'),
    h('option', { value: 'root' }, 'root events only'),
  );
  const chartHost = h('div', { class: 'chart', id: 'event-timeline', 'data-state': 'empty' });
  const periodsHost = h('div', { id: 'event-periods' });
  const eventsHost = h('div', { id: 'event-list', 'data-state': 'empty', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'events-view' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Dyad and aggregation' },
      selects.map((s, i) => h('label', { class: 'field' }, h('span', {}, `Actor ${i + 1}`), s)),
      h('label', { class: 'field' }, h('span', {}, 'Per'), by),
      h('label', { class: 'field' }, h('span', {}, 'Weighting'), weighting),
    ),
    h(
      'div',
      { class: 'event-stack' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'event-timeline-title' },
        h('h2', { id: 'event-timeline-title' }, 'Imported events of the dyad'),
        chartHost,
        periodsHost,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'event-list-title' },
        h('h2', { id: 'event-list-title' }, 'Events of a period'),
        eventsHost,
      ),
    ),
  );
  const charts: Element[] = [];
  let visible = false;
  let ticket = 0;
  let listTicket = 0;

  function fillSelects(): void {
    const actors = ctx.world().actors;
    const pair = ctx.store.state.pair;
    selects.forEach((s, i) => {
      replace(
        s,
        actors.map((a) => h('option', { value: a.id }, `${a.id} · ${a.name}`)),
      );
      s.value = pair?.[i] ?? actors[i]?.id ?? '';
    });
  }

  /** The curated tie of the open world over the window the events span (empty when it has none). */
  async function curatedTie(a: string, b: string, from: string, to: string, layer: LayerName) {
    const months = ctx.months();
    const first = months[0]!;
    const last = months[months.length - 1]!;
    const lo = from < first ? first : from;
    const hi = to > last ? last : to;
    if (lo > hi) return [];
    const body = await api.series(ctx.store.state.world, `tie:${a}:${b}`, {
      from: lo,
      to: hi,
      dimension: layer,
    });
    return body.points
      .filter((p): p is { at: string; value: number } => typeof p.value === 'number')
      .map((p) => ({ date: toDate(p.at), value: p.value }));
  }

  /** Draws the pair's charts unless a newer request (`mine` is no longer the ticket) took over. */
  async function draw(a: string, b: string, series: DyadPeriod[], mine: number): Promise<void> {
    const Plot = await loadPlot();
    const firstPeriod = series[0]!.period;
    const lastPeriod = series[series.length - 1]!.period;
    const monthOf = (p: string) => (p.length === 4 ? `${p}-01` : p);
    const from = addMonths(monthOf(firstPeriod), -TIMELINE_DEFAULTS.marginMonths);
    const to = addMonths(monthOf(lastPeriod), TIMELINE_DEFAULTS.marginMonths);
    const layer = ctx.store.state.dimension;
    const tie = await curatedTie(a, b, from, to, layer).catch(() => []);
    if (mine !== ticket) return;
    const domain = [toDate(from), toDate(to)];
    const width = Math.max(480, Math.min(1200, chartHost.clientWidth || 640));
    const stacked = series.flatMap((r) =>
      r.quad.map((n, q) => ({
        x1: toDate(r.period),
        x2: periodEnd(r.period),
        n,
        quad: QUADS[q]!,
        period: r.period,
      })),
    );
    // both charts share one frame, so their time axes line up
    const frame = { width, height: 200, marginLeft: 48, x: { label: null, domain } };
    const counts = cspSafe(
      Plot.plot({
        ...frame,
        y: { grid: true, label: 'events' },
        color: { domain: [...QUADS], range: QUAD_COLORS, legend: true },
        marks: [
          Plot.rectY(stacked, {
            x1: 'x1',
            x2: 'x2',
            y: 'n',
            fill: 'quad',
            title: (d: (typeof stacked)[number]) => `${d.period}: ${d.n} ${d.quad}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    );
    const scores = series.map((r) => ({ date: toDate(r.period), score: r.score, period: r.period }));
    const tone = cspSafe(
      Plot.plot({
        ...frame,
        y: { domain: [-1, 1], grid: true, label: 'score / tie' },
        marks: [
          Plot.ruleY([0], { stroke: '#888' }),
          Plot.line(tie, { x: 'date', y: 'value', stroke: '#1f4e79', strokeWidth: 2, curve: 'step-after' }),
          Plot.dot(scores, {
            x: 'date',
            y: 'score',
            r: 5,
            fill: (d: (typeof scores)[number]) => (d.score >= 0 ? '#238b45' : '#cb181d'),
            title: (d: (typeof scores)[number]) => `${d.period}: score ${signed(d.score)}`,
          }),
        ],
      }),
    );
    charts.splice(0, charts.length, counts, tone);
    // Plot binds each rect and dot to its row index: a click on one opens that period's events.
    const bindClicks = (chart: Element, selector: string, periodAt: (i: number) => string) => {
      for (const el of chart.querySelectorAll(selector)) {
        const i = (el as unknown as { __data__?: unknown }).__data__;
        if (typeof i !== 'number') continue;
        el.classList.add('clickable');
        el.addEventListener('click', () => void listEvents(a, b, periodAt(i)));
      }
    };
    bindClicks(counts, 'rect', (i) => stacked[i]!.period);
    bindClicks(tone, 'circle', (i) => scores[i]!.period);
    const caption = tie.length
      ? `Dots: the events' score (Goldstein sum ÷ 10 · count); line: the curated ${layer} tie of ${ctx.store.state.world}.`
      : `Dots: the events' score (Goldstein sum ÷ 10 · count); the world has no curated ${layer} tie for ${a}–${b} in this window.`;
    replace(chartHost, counts, tone, h('p', { class: 'small muted' }, caption));
    chartHost.dataset.pair = `${a}~${b}`;
    chartHost.dataset.state = 'done';
  }

  function drawPeriods(a: string, b: string, series: DyadPeriod[]): void {
    const columns: Column<DyadPeriod>[] = [
      {
        head: 'Period',
        cell: (r) => {
          const button = h('button', { type: 'button', class: 'link-btn' }, r.period);
          button.addEventListener('click', () => void listEvents(a, b, r.period));
          return button;
        },
      },
      { head: 'Events', numeric: true, cell: (r) => r.count },
      { head: 'Goldstein mean', numeric: true, cell: (r) => signed(r.goldsteinMean, 2) },
      { head: 'Score', numeric: true, cell: (r) => signed(r.score) },
      { head: 'Quads (VC, MC, VK, MK)', cell: (r) => r.quad.join(' · ') },
    ];
    replace(
      periodsHost,
      h(
        'div',
        { class: 'table-scroll' },
        table(columns, series, {
          caption: `${a}–${b}: ${series.length} periods with events`,
          attrs: { id: 'event-periods-table' },
          rowAttrs: (r) => ({ 'data-period': r.period }),
        }),
      ),
    );
  }

  async function listEvents(a: string, b: string, period: string, page = 1): Promise<void> {
    const mine = ++listTicket;
    eventsHost.dataset.state = 'loading';
    try {
      const body = await api.eventsAt(a, b, period, { page, pageSize: TIMELINE_DEFAULTS.pageSize });
      if (mine !== listTicket) return;
      const rows = tableRows(EVENT_COLUMNS, body.events, (e) => ({ 'data-event': e.id }));
      let tbody = eventsHost.querySelector('tbody');
      if (page === 1 || !tbody) {
        const t = table(EVENT_COLUMNS, [], { caption: `${a}–${b}, ${period}`, attrs: { id: 'event-rows' } });
        tbody = t.querySelector('tbody')!;
        replace(eventsHost, h('div', { class: 'table-scroll tall' }, t));
      }
      tbody.append(...rows);
      eventsHost.querySelector('.more')?.remove();
      if (body.next !== null) {
        const next = body.next;
        const more = h('button', { type: 'button', class: 'more' }, 'More events');
        more.addEventListener('click', () => void listEvents(a, b, period, next));
        eventsHost.append(more);
      }
      eventsHost.dataset.state = 'done';
      eventsHost.dataset.period = period;
      announce(
        `${tbody.rows.length} events of ${a}–${b} in ${period}${body.next !== null ? ', more available' : ''}.`,
      );
    } catch (err) {
      if (mine !== listTicket) return;
      eventsHost.dataset.state = 'error';
      replace(eventsHost, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  async function refresh(): Promise<void> {
    const [a, b] = selects.map((s) => s.value);
    if (!a || !b || a === b) return;
    const mine = ++ticket;
    chartHost.dataset.state = 'loading';
    try {
      const body = await api.eventDyads(a, b, {
        by: by.value as By,
        weighting: weighting.value as Weighting,
      });
      if (mine !== ticket) return;
      const series = body.series;
      if (series.length === 0) {
        charts.length = 0;
        replace(
          chartHost,
          h(
            'p',
            { class: 'hint' },
            `The server's event store holds no imported events between ${a} and ${b}. Import files with \`counterbalance events import FILE --db STORE\` and serve with \`--db STORE\`.`,
          ),
        );
        replace(periodsHost);
        chartHost.dataset.pair = `${a}~${b}`;
        chartHost.dataset.state = 'none';
        return;
      }
      await draw(a, b, series, mine);
      if (mine !== ticket) return;
      drawPeriods(a, b, series);
      announce(`${a}–${b}: events in ${series.length} periods.`);
    } catch (err) {
      if (mine !== ticket) return;
      chartHost.dataset.state = 'error';
      replace(chartHost, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  for (const s of [...selects, by, weighting]) s.addEventListener('change', () => void refresh());
  ctx.store.subscribe((s, prev) => {
    if (s.world !== prev.world) fillSelects();
    if (visible && (s.world !== prev.world || s.dimension !== prev.dimension)) void refresh();
  });

  return {
    element,
    show() {
      visible = true;
      if (!selects[0]!.options.length) fillSelects();
      void refresh();
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return chartSvg(charts[1] ?? charts[0]);
    },
  };
}
