/**
 * The evidence drawer: for one dyad at the slider's date, its tie on every layer with the quotes,
 * sources, dates and confidence behind it, the history of its observations, and the events between
 * the two. Non-modal: the rest of the page stays usable; Escape or the close button closes it and
 * focus returns to what opened it.
 */
import type { EvidenceDetail, TieDetail } from '../../../src/api/client.js';
import { api } from '../api.js';
import { cspSafe, loadPlot, toDate } from '../charts.js';
import { announce, byId, h, replace, signed } from '../dom.js';
import type { Store } from '../state.js';

export interface EvidenceDrawer {
  open(a: string, b: string, trigger?: HTMLElement): void;
  close(): void;
}

function evidenceItem(e: EvidenceDetail) {
  const src = e.source;
  const byline = [src.author, src.published].filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'evidence' },
    e.quote ? h('blockquote', {}, `“${e.quote}”`) : null,
    e.rows ? h('pre', { class: 'rows' }, JSON.stringify(e.rows, null, 1)) : null,
    h(
      'p',
      { class: 'cite' },
      h(
        'span',
        { class: 'grade', title: 'reliability grade: A reliable … F cannot be judged' },
        `grade ${e.grade}`,
      ),
      ' ',
      h('cite', {}, src.title),
      byline ? ` — ${byline}` : '',
      src.file ? h('span', { class: 'muted' }, ` (${src.file})`) : null,
    ),
    e.note ? h('p', { class: 'note' }, e.note) : null,
    h('p', { class: 'muted small' }, `evidence id ${e.id}`),
  );
}

async function historyChart(detail: TieDetail, at: string): Promise<Element> {
  const Plot = await loadPlot();
  const points = detail.history.flatMap((s) =>
    s.observations.map((o) => ({ dimension: s.dimension, date: toDate(o.at), value: o.value })),
  );
  const chart = Plot.plot({
    width: 380,
    height: 180,
    marginLeft: 36,
    y: { domain: [-1, 1], grid: true, label: 'tie' },
    x: { label: null },
    color: { legend: true, scheme: 'tableau10' },
    marks: [
      Plot.ruleY([0], { stroke: '#888' }),
      Plot.ruleX([toDate(at)], { stroke: '#1a1a1a', strokeDasharray: '3,3' }),
      Plot.line(points, { x: 'date', y: 'value', stroke: 'dimension', curve: 'step-after', strokeWidth: 2 }),
      Plot.dot(points, { x: 'date', y: 'value', fill: 'dimension', r: 2.5, tip: true }),
    ],
  });
  return cspSafe(chart);
}

export function createEvidenceDrawer(store: Store): EvidenceDrawer {
  const drawer = byId('drawer');
  let returnFocus: HTMLElement | undefined;
  let ticket = 0;

  function close(): void {
    ticket++;
    if (drawer.hidden) return;
    const pair = store.state.pair;
    drawer.hidden = true;
    drawer.dataset.state = 'closed';
    store.update({ pair: undefined });
    // The opener may have been redrawn meanwhile (a new month); its row's button stands in.
    const opener =
      returnFocus?.isConnected === true
        ? returnFocus
        : pair
          ? document.querySelector<HTMLElement>(
              `#tie-table tr[data-a="${pair[0]}"][data-b="${pair[1]}"] button`,
            )
          : null;
    opener?.focus();
    returnFocus = undefined;
  }

  async function open(a: string, b: string, trigger?: HTMLElement): Promise<void> {
    const mine = ++ticket;
    returnFocus = trigger ?? (document.activeElement as HTMLElement | null) ?? undefined;
    const { world, at } = store.state;
    drawer.hidden = false;
    drawer.dataset.state = 'loading';
    const title = h('h2', { id: 'drawer-title', tabindex: '-1' }, `${a} – ${b}`);
    const closeBtn = h(
      'button',
      { type: 'button', class: 'icon-btn close', 'aria-label': 'Close evidence', onclick: close },
      '×',
    );
    replace(
      drawer,
      h('div', { class: 'drawer-head' }, title, closeBtn),
      h('p', { class: 'muted' }, 'Loading…'),
    );
    title.focus();
    if (store.state.pair?.join('~') !== [a, b].join('~')) store.update({ pair: [a, b] });
    let detail: TieDetail;
    try {
      detail = await api.tie(world, a, b, { at });
    } catch (err) {
      if (mine !== ticket) return;
      replace(
        drawer,
        h('div', { class: 'drawer-head' }, title, closeBtn),
        h('p', { role: 'alert' }, (err as Error).message),
      );
      return;
    }
    if (mine !== ticket) return;
    title.textContent = `${detail.a.name} – ${detail.b.name}`;
    const layers = detail.layers.map((l) =>
      h(
        'section',
        { class: 'layer', 'data-layer': l.dimension },
        h(
          'h3',
          {},
          h('span', { class: 'layer-name' }, l.dimension),
          ' ',
          h(
            'span',
            { class: `tie-value ${l.value > 0 ? 'pos' : l.value < 0 ? 'neg' : ''}` },
            signed(l.value),
          ),
        ),
        h('p', { class: 'muted small' }, `confidence ${l.confidence.toFixed(2)} · observed ${l.observed}`),
        l.dimension === 'composite'
          ? h('p', { class: 'small' }, 'Weighted mean of the dimensions below; their evidence follows.')
          : h('ul', { class: 'evidence-list' }, l.evidence.map(evidenceItem)),
      ),
    );
    const events = detail.events.slice(-12).reverse();
    const chartHolder = h('div', { class: 'chart', 'aria-label': 'History of the tie on each dimension' });
    replace(
      drawer,
      h('div', { class: 'drawer-head' }, title, closeBtn),
      h('p', { class: 'muted' }, `As of ${detail.at} · ${detail.a.id} – ${detail.b.id}`),
      detail.layers.length === 0
        ? h('p', {}, 'No tie between these two at this date.')
        : h(
            'p',
            { class: 'cite-links small' },
            'Cite the sources: ',
            (['bibtex', 'csl-json'] as const).flatMap((format, k) => [
              k > 0 ? ' · ' : '',
              h(
                'a',
                {
                  class: 'cite-link',
                  'data-format': format,
                  href: api.citationsUrl(world, format, {
                    at: detail.at,
                    pair: `${detail.a.id},${detail.b.id}`,
                  }),
                  download: '',
                },
                format === 'bibtex' ? 'BibTeX' : 'CSL-JSON',
              ),
            ]),
          ),
      layers,
      h('h3', {}, 'History'),
      chartHolder,
      events.length > 0
        ? [
            h('h3', {}, 'Events'),
            h(
              'ul',
              { class: 'events' },
              events.map((e) =>
                h(
                  'li',
                  {},
                  h('strong', {}, e.date),
                  ` ${e.title} `,
                  h('span', { class: 'muted small' }, `CAMEO ${e.cameo}, Goldstein ${e.goldstein}`),
                ),
              ),
            ),
          ]
        : null,
    );
    drawer.dataset.state = 'open';
    // Re-rendering detached the heading; put focus back where the reader was.
    if (!drawer.contains(document.activeElement)) title.focus();
    announce(
      `Evidence for ${detail.a.name} – ${detail.b.name} at ${detail.at}: ${detail.layers.length} layers.`,
    );
    if (detail.history.length > 0) {
      const chart = await historyChart(detail, detail.at);
      if (mine === ticket) chartHolder.appendChild(chart);
    }
  }

  document.addEventListener('keydown', (e) => {
    const inDrawer = drawer.contains(document.activeElement) || document.activeElement === document.body;
    if (e.key === 'Escape' && !drawer.hidden && inDrawer) close();
  });

  return { open: (a, b, trigger) => void open(a, b, trigger), close };
}
