/** Tiny DOM helpers: build elements without innerHTML (so no markup injection), announce results. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/**
 * Creates an element. Attributes named `on<event>` become listeners; `true` sets a boolean attribute.
 *
 * @example
 * h('button', { type: 'button', onclick: () => go() }, 'Go');
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children.flat());
  return el;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replaces all children of `el`. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children.flat());
}

/** Element by id, which the page is known to have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message: string): void {
  byId('status').textContent = message;
}

/** A number with a fixed number of decimals and an explicit sign (−0.40, +0.75). */
export function signed(x: number, digits = 2): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return `${x < 0 ? '−' : '+'}${s}`;
}

/**
 * A small horizontal bar for a value in [-1, 1], growing left (negative) or right (positive) from
 * the centre. Sizes are set through CSSOM, which the CSP allows (style attributes it does not).
 */
export function valueBar(value: number): HTMLSpanElement {
  const fill = h('span', { class: `vbar-fill ${value > 0 ? 'pos' : value < 0 ? 'neg' : 'zero'}` });
  const share = `${(Math.min(1, Math.abs(value)) * 50).toFixed(1)}%`;
  fill.style.width = share;
  fill.style.left = value < 0 ? `calc(50% - ${share})` : '50%';
  return h('span', { class: 'vbar', 'aria-hidden': 'true' }, fill);
}

/** One column of a `table`: its heading and how a row fills its cell. */
export interface Column<T> {
  readonly head: string;
  readonly cell: (row: T, index: number) => Child | Child[];
  /** Right-aligned figures (`class="num"` on the heading and the cells). */
  readonly numeric?: boolean;
  /** Extra attributes of each body cell, e.g. a `title`. */
  readonly cellAttrs?: (row: T) => Attrs;
}

/**
 * An accessible table: one `th scope="col"` per column, one row per item. `rowAttrs` lets a view
 * make a row clickable or mark it; a view that refills rows later keeps the returned `tbody`.
 *
 * @example
 * table([{ head: 'Actor', cell: (r) => r.id }, { head: 'Triangles', numeric: true, cell: (r) => r.n }],
 *   rows, { caption: 'Pivots', class: 'pivots' });
 */
export function table<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
  options: { caption?: string; attrs?: Attrs; rowAttrs?: (row: T, index: number) => Attrs } = {},
): HTMLTableElement {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.head)),
    ),
  );
  const body = h('tbody', {}, tableRows(columns, rows, options.rowAttrs));
  return h(
    'table',
    options.attrs ?? {},
    options.caption ? h('caption', {}, options.caption) : null,
    head,
    body,
  );
}

/** The body rows of `table`, for a view that refills its `tbody` in place. */
export function tableRows<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
  rowAttrs?: (row: T, index: number) => Attrs,
): HTMLTableRowElement[] {
  return rows.map((row, i) =>
    h(
      'tr',
      rowAttrs?.(row, i) ?? {},
      columns.map((c) =>
        h('td', { class: c.numeric ? 'num' : undefined, ...c.cellAttrs?.(row) }, ...[c.cell(row, i)].flat()),
      ),
    ),
  );
}
