/**
 * Balancers and the "new bipolarity": the balancer table at the slider's date (rival pairs an
 * actor straddles with its tilt on each, pivot score, flip cost), and the alignment chart — every
 * actor between two poles (position from −1, with the second pole, to +1, with the first) against
 * its engagement with them. The poles default to the two states with the largest capability.
 */
import type { AlignmentBodyType, BalancersBodyType } from '../../../src/api/client.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot } from '../charts.js';
import { getSnapshot } from '../data.js';
import { announce, h, replace, signed, valueBar } from '../dom.js';
import { KIND_COLORS } from '../palette.js';
import type { View, ViewContext } from '../view.js';

/** Rival pairs shown per actor in the table (the rest are counted). */
const PAIRS_SHOWN = 3;

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
        h(
          'table',
          { id: 'balancers' },
          h('caption', {}, `At ${body.at} (${body.layer}): ${body.rows.length} actors`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Actor'),
              h('th', { scope: 'col' }, 'Largest tilts on rival pairs'),
              h('th', { scope: 'col', class: 'num' }, 'Pairs'),
              h('th', { scope: 'col', class: 'num' }, 'Pivot'),
              h('th', { scope: 'col', class: 'num' }, 'Flip cost'),
            ),
          ),
          h(
            'tbody',
            {},
            body.rows.map((r) => {
              const top = [...r.pairs]
                .sort((x, y) => Math.abs(y.tilt) - Math.abs(x.tilt))
                .slice(0, PAIRS_SHOWN);
              return h(
                'tr',
                { 'data-actor': r.actor },
                h('td', { title: names.get(r.actor) ?? r.actor }, r.actor),
                h(
                  'td',
                  { class: 'tilts' },
                  top.map((p) =>
                    h('span', { class: 'tilt' }, valueBar(p.tilt), `${p.a} vs ${p.b} ${signed(p.tilt)}`),
                  ),
                  r.pairs.length > PAIRS_SHOWN
                    ? h('span', { class: 'muted small' }, `+${r.pairs.length - PAIRS_SHOWN} more`)
                    : null,
                ),
                h('td', { class: 'num' }, r.pairs.length),
                h('td', { class: 'num' }, r.pivotScore.toFixed(2)),
                h('td', { class: 'num' }, r.flipCost.toFixed(2)),
              );
            }),
          ),
        ),
      ),
    );
    tableHost.dataset.state = 'done';
  }

  async function drawAlignment(body: AlignmentBodyType): Promise<void> {
    const Plot = await loadPlot();
    const kinds = new Map(ctx.world().actors.map((a) => [a.id, a.kind]));
    const [p, q] = body.poles;
    // Actors at the same spot get their labels stacked instead of printed over each other.
    const seen = new Map<string, number>();
    const rows = body.rows
      .filter((r) => r.engagement > 0)
      .map((r) => {
        const key = `${Math.round(r.position * 10)}|${Math.round(r.engagement * 20)}`;
        const k = seen.get(key) ?? 0;
        seen.set(key, k + 1);
        return { ...r, stack: k };
      });
    chart = cspSafe(
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
            r: 5,
            fill: (d: { actor: string }) => KIND_COLORS[kinds.get(d.actor) ?? 'state'],
            title: (d: { actor: string; position: number; engagement: number }) =>
              `${d.actor}: position ${signed(d.position)}, engagement ${d.engagement.toFixed(2)}`,
          }),
          ...[...new Set(rows.map((r) => r.stack))].map((k) =>
            Plot.text(
              rows.filter((r) => r.stack === k),
              {
                x: 'position',
                y: 'engagement',
                text: 'actor',
                dy: -10 - 12 * k,
                fontSize: 11,
                fontWeight: 600,
                textAnchor: 'middle',
              },
            ),
          ),
        ],
      }),
    );
    const unengaged = body.rows.filter((r) => r.engagement === 0).map((r) => r.actor);
    replace(
      chartHost,
      chart,
      h(
        'p',
        { class: 'small muted' },
        `At ${body.at} (${body.layer}). Left out, no tie to either pole: ${unengaged.join(', ') || 'none'}.`,
      ),
    );
    chartHost.dataset.state = 'done';
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
