/**
 * The triangle inspector (Dittmer 1981): pick three actors and see their strategic triangle at
 * the slider's date — type, pivot and wings or partners and outcast, the three ties — and its
 * history: the three ties over the world's period on a band coloured by the type in force. Beside
 * it, every complete triangle at the date by type, each one a button that opens it.
 */
import type { TrianglesBodyType } from '../../../src/api/client.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot, toDate } from '../charts.js';
import { announce, type Column, h, replace, signed, table, valueBar } from '../dom.js';
import type { View, ViewContext } from '../view.js';

type Triple = [string, string, string];

export const TYPE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'menage-a-trois': 'Ménage à trois (+ + +)',
  romantic: 'Romantic (+ + −)',
  'stable-marriage': 'Stable marriage (+ − −)',
  'unit-veto': 'Unit veto (− − −)',
  incomplete: 'Incomplete (a neutral tie)',
});

const TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  'menage-a-trois': '#cfe3f5',
  romantic: '#fde2c4',
  'stable-marriage': '#d9ead3',
  'unit-veto': '#f6cccc',
  incomplete: '#ececec',
});

function roles(t: NonNullable<TrianglesBodyType['triangle']>): string {
  if (t.pivot) return `${t.pivot} is the pivot, courted by the wings ${t.wings!.join(' and ')}.`;
  if (t.partners) return `${t.partners.join(' and ')} are partners; ${t.outcast} is the outcast.`;
  if (t.type === 'menage-a-trois') return 'All three are friends.';
  if (t.type === 'unit-veto') return 'All three are adversaries.';
  return 'At least one tie is neutral, so the triangle has no strategic form.';
}

/** Pivots and how many romantic triangles each is the pivot of. */
const PIVOT_COLUMNS: readonly Column<[string, number]>[] = [
  { head: 'Actor', cell: ([id]) => id },
  { head: 'Triangles', numeric: true, cell: ([, n]) => n },
];

export function createTrianglesView(ctx: ViewContext): View {
  const selects = [0, 1, 2].map((i) => h('select', { id: `tri-${i}` }));
  const result = h('div', { id: 'triangle-result', 'data-state': 'empty', 'aria-live': 'polite' });
  const chartHost = h('div', { class: 'chart', id: 'triangle-history' });
  const catalogue = h('div', { id: 'triangle-catalogue' });
  const element = h(
    'div',
    { class: 'triangles-view' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Three actors' },
      selects.map((s, i) => h('label', { class: 'field' }, h('span', {}, `Actor ${i + 1}`), s)),
    ),
    h(
      'div',
      { class: 'two-col wide-left' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'triangle-title' },
        h('h2', { id: 'triangle-title' }, 'Triangle'),
        result,
        h('h3', {}, 'History'),
        chartHost,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'catalogue-title' },
        h('h2', { id: 'catalogue-title' }, 'All triangles at this date'),
        catalogue,
      ),
    ),
  );
  let chart: Element | null = null;
  let visible = false;
  let ticket = 0;

  function chosen(): Triple | undefined {
    const ids = selects.map((s) => s.value);
    return new Set(ids).size === 3 && ids.every(Boolean) ? (ids as Triple) : undefined;
  }

  function fillSelects(tri: Triple | undefined): void {
    const actors = ctx.world().actors;
    selects.forEach((s, i) => {
      replace(
        s,
        actors.map((a) => h('option', { value: a.id }, `${a.id} · ${a.name}`)),
      );
      s.value = tri?.[i] ?? actors[i]?.id ?? '';
    });
  }

  async function drawHistory(body: TrianglesBodyType, tri: Triple): Promise<void> {
    const Plot = await loadPlot();
    const history = body.history ?? [];
    const lines = history.flatMap((p) =>
      Object.entries(p.ties).map(([pair, value]) => ({ date: toDate(p.at), pair, value })),
    );
    // Consecutive dates with the same type become one band.
    const bands: { from: Date; to: Date; type: string }[] = [];
    history.forEach((p, i) => {
      const next = history[i + 1];
      const to = next ? toDate(next.at) : toDate(body.at);
      const last = bands[bands.length - 1];
      if (last && last.type === p.type) last.to = to;
      else bands.push({ from: toDate(p.at), to, type: p.type });
    });
    const first = lines.find((l) => l.value !== 0)?.date;
    chart = cspSafe(
      Plot.plot({
        width: Math.max(480, Math.min(760, chartHost.clientWidth || 640)),
        height: 260,
        marginLeft: 40,
        x: { label: null, domain: first ? [first, toDate(body.history?.at(-1)?.at ?? body.at)] : undefined },
        y: { domain: [-1, 1], grid: true, label: 'tie' },
        color: { legend: true, scheme: 'dark2' },
        marks: [
          ...Object.entries(TYPE_COLORS).map(([type, fill]) =>
            Plot.rectY(
              bands.filter((b) => b.type === type),
              { x1: 'from', x2: 'to', y1: -1, y2: 1, fill, title: () => TYPE_LABELS[type] },
            ),
          ),
          Plot.ruleY([0], { stroke: '#888' }),
          Plot.line(lines, { x: 'date', y: 'value', stroke: 'pair', strokeWidth: 2, curve: 'step-after' }),
          Plot.ruleX([toDate(ctx.store.state.at)], { stroke: '#111', strokeDasharray: '4,3' }),
        ],
      }),
    );
    const legend = h(
      'ul',
      { class: 'type-legend' },
      Object.entries(TYPE_COLORS).map(([type, color]) => {
        const swatch = h('span', { class: 'swatch box' });
        swatch.style.background = color;
        return h('li', {}, swatch, TYPE_LABELS[type]!);
      }),
    );
    replace(
      chartHost,
      chart,
      legend,
      h(
        'p',
        { class: 'small muted' },
        `Ties of ${tri.join(', ')} on the ${body.layer} layer; background: the triangle's type.`,
      ),
    );
  }

  function drawCatalogue(body: TrianglesBodyType): void {
    const cat = body.catalogue;
    if (!cat) return;
    const pivots = Object.entries(cat.pivotCounts)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    replace(
      catalogue,
      Object.entries(cat.byType).map(([type, list]) =>
        h(
          'details',
          { open: type === 'romantic' },
          h('summary', {}, `${TYPE_LABELS[type]}: ${list.length}`),
          h(
            'ul',
            { class: 'triangle-list' },
            list.map((t) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-btn',
                    onclick: () => ctx.store.update({ tri: t.actors }),
                  },
                  t.actors.join(' – '),
                ),
                t.pivot ? h('span', { class: 'muted small' }, ` pivot ${t.pivot}`) : null,
                t.outcast ? h('span', { class: 'muted small' }, ` outcast ${t.outcast}`) : null,
              ),
            ),
          ),
        ),
      ),
      pivots.length > 0 ? table(PIVOT_COLUMNS, pivots, { caption: 'Pivots of romantic triangles' }) : null,
    );
  }

  async function refresh(): Promise<void> {
    const s = ctx.store.state;
    const mine = ++ticket;
    const cat = await api.triangles(s.world, { at: s.at, dimension: s.dimension });
    if (mine !== ticket) return;
    drawCatalogue(cat);
    let tri = s.tri ?? chosen();
    if (!tri) {
      const firstRomantic =
        cat.catalogue?.byType.romantic?.[0] ?? Object.values(cat.catalogue?.byType ?? {}).flat()[0];
      tri = firstRomantic?.actors;
    }
    if (!tri) return;
    selects.forEach((sel, i) => {
      sel.value = tri![i]!;
    });
    result.dataset.state = 'loading';
    try {
      const body = await api.triangles(s.world, { at: s.at, dimension: s.dimension, actors: tri, every: 1 });
      if (mine !== ticket) return;
      const t = body.triangle!;
      replace(
        result,
        h(
          'p',
          {},
          h('span', { class: 'badge', id: 'triangle-type', 'data-type': t.type }, TYPE_LABELS[t.type]!),
          ' ',
          roles(t),
        ),
        h(
          'table',
          { class: 'ties' },
          h('caption', {}, `Ties at ${body.at} (${body.layer})`),
          h(
            'tbody',
            {},
            Object.entries(t.ties).map(([pair, v]) =>
              h(
                'tr',
                {},
                h(
                  'td',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link-btn',
                      onclick: (e: Event) => {
                        const [a, b] = pair.split('-');
                        ctx.openEvidence(a!, b!, e.currentTarget as HTMLElement);
                      },
                    },
                    pair.replace('-', ' – '),
                  ),
                ),
                h('td', { class: 'num' }, valueBar(v), h('span', { class: 'value' }, signed(v))),
              ),
            ),
          ),
        ),
      );
      result.dataset.state = 'done';
      result.dataset.type = t.type;
      announce(`Triangle ${tri.join(', ')} at ${body.at}: ${TYPE_LABELS[t.type]}. ${roles(t)}`);
      await drawHistory(body, tri);
    } catch (err) {
      if (mine !== ticket) return;
      result.dataset.state = 'error';
      replace(result, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  for (const s of selects) {
    s.addEventListener('change', () => {
      const tri = chosen();
      if (tri) ctx.store.update({ tri });
    });
  }
  ctx.store.subscribe((s, prev) => {
    if (s.world !== prev.world) fillSelects(s.tri);
    if (
      visible &&
      (s.world !== prev.world || s.at !== prev.at || s.dimension !== prev.dimension || s.tri !== prev.tri)
    ) {
      void refresh();
    }
  });

  return {
    element,
    show() {
      visible = true;
      if (!selects[0]!.options.length) fillSelects(ctx.store.state.tri);
      void refresh();
    },
    hide() {
      visible = false;
    },
    async toSvg() {
      return chartSvg(chart);
    },
  };
}
