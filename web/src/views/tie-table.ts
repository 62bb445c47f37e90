/**
 * The network's ties as a table, beside the canvas: strongest |tie| first, each pair a button that
 * opens the evidence drawer. At ~200 states a year holds thousands of ties, and laying them all
 * out costs seconds (and again on every resize), so the table is windowed: it lays out the first
 * `page` rows and a "show more" button adds the next page, with a count ("200 of 5,683 ties")
 * saying how many are left. Every row stays reachable by keyboard: after "show more", focus moves
 * to the first new row.
 */
import type { SnapshotBody } from '../../../src/api/client.js';
import { type Column, h, replace, signed, table, tableRows, valueBar } from '../dom.js';

export const TIE_TABLE_DEFAULTS = Object.freeze({ page: 200 });

type Tie = SnapshotBody['ties'][number];

export interface TieTable {
  readonly element: HTMLElement;
  /** Shows `ties` (any order; sorted here) at a month; `keepWindow` keeps the rows already opened. */
  render(snap: SnapshotBody, ties: readonly Tie[], options: { matching: string; keepWindow: boolean }): void;
  /** Marks the row of the open pair (`undefined`: none). */
  markSelected(pair: readonly [string, string] | undefined): void;
}

/**
 * @example
 * const ties = tieTable({ names: () => nameOf, open: (a, b, el) => drawer.open(a, b, el) });
 * ties.render(snap, snap.ties, { matching: '', keepWindow: false });
 */
export function tieTable(options: {
  names: () => ReadonlyMap<string, string>;
  open: (a: string, b: string, trigger: HTMLElement) => void;
  page?: number;
}): TieTable {
  const page = options.page ?? TIE_TABLE_DEFAULTS.page;
  const columns: Column<Tie>[] = [
    {
      head: 'Pair',
      cell: (t) => {
        const names = options.names();
        return h(
          'button',
          {
            type: 'button',
            class: 'link-btn',
            title: `${names.get(t.a)} – ${names.get(t.b)}: open the evidence`,
            'aria-label': `${names.get(t.a)} – ${names.get(t.b)}, ${signed(t.value)}: open the evidence`,
            onclick: (e: Event) => options.open(t.a, t.b, e.currentTarget as HTMLElement),
          },
          `${t.a} – ${t.b}`,
        );
      },
    },
    {
      head: 'Tie',
      numeric: true,
      cell: (t) => [valueBar(t.value), h('span', { class: 'value' }, signed(t.value))],
    },
    { head: 'Conf.', numeric: true, cell: (t) => t.confidence.toFixed(2) },
  ];
  const rowAttrs = (t: Tie) => ({ 'data-a': t.a, 'data-b': t.b, 'data-value': t.value });
  const tableEl = table(columns, [], { caption: 'Ties', attrs: { class: 'ties', id: 'tie-table' } });
  const caption = tableEl.querySelector('caption')!;
  const body = tableEl.querySelector('tbody')!;
  const count = h('p', { id: 'tie-table-count', class: 'hint', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'tie-table-more', class: 'subtle' }, 'Show more');
  const element = h(
    'div',
    { class: 'table-scroll' },
    tableEl,
    h('div', { class: 'table-more' }, count, more),
  );
  let rows: Tie[] = [];
  let shown = 0;
  let selected = '';

  function fillTo(n: number): void {
    const from = shown;
    shown = Math.min(rows.length, n);
    const added = tableRows(columns, rows.slice(from, shown), rowAttrs);
    if (from === 0) replace(body, added);
    else body.append(...added);
    for (const tr of added) tr.classList.toggle('selected', keyOf(tr) === selected);
    const total = rows.length.toLocaleString('en');
    count.textContent =
      shown < rows.length ? `${shown.toLocaleString('en')} of ${total} ties` : `All ${total} ties`;
    more.hidden = shown >= rows.length;
    more.textContent = `Show ${Math.min(page, rows.length - shown).toLocaleString('en')} more`;
    body.closest('table')!.dataset.total = String(rows.length);
    body.closest('table')!.dataset.shown = String(shown);
  }

  more.addEventListener('click', () => {
    const first = shown;
    fillTo(shown + page);
    body.rows[first]?.querySelector('button')?.focus();
  });

  return {
    element,
    render(snap, ties, { matching, keepWindow }) {
      const keep = keepWindow ? shown : 0;
      rows = [...ties].sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
      caption.textContent = `Ties at ${snap.at} (${snap.layer}): ${rows.length}${matching ? ` matching “${matching}”` : ''}`;
      shown = 0;
      fillTo(Math.max(page, keep));
    },
    markSelected(pair) {
      selected = pair ? [...pair].sort().join() : '';
      for (const tr of body.rows) tr.classList.toggle('selected', keyOf(tr) === selected && selected !== '');
    },
  };
}

function keyOf(tr: HTMLTableRowElement): string {
  return [tr.dataset.a, tr.dataset.b].sort().join();
}
