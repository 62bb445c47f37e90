/**
 * Read: paste or upload English text, code it on the server (`POST /api/code`), and see the text
 * with actors and verbs highlighted beside the coded events — CAMEO code, Goldstein weight and
 * the sentence offsets that are each event's evidence. Chosen events are added to the open world
 * as a world file (`POST /api/worlds/{world}/coded-events`) that the browser downloads, to be
 * saved in the world's folder: the server's worlds are read from their files and stay as they are.
 */
import type { CodeBodyType } from '../../../src/api/client.js';
import { api } from '../api.js';
import { announce, type Column, h, replace, table, tableRows } from '../dom.js';
import { download } from '../export.js';
import type { View, ViewContext } from '../view.js';

type CodedEvent = CodeBodyType['events'][number];

/** The text as nodes, with every actor and verb span of the events wrapped in a <mark>. */
function highlighted(text: string, events: readonly CodedEvent[]): (Node | string)[] {
  const spans = new Map<number, { end: number; kind: 'actor' | 'verb' }>();
  for (const e of events) {
    spans.set(e.marks.source[0], { end: e.marks.source[1], kind: 'actor' });
    spans.set(e.marks.target[0], { end: e.marks.target[1], kind: 'actor' });
    spans.set(e.marks.verb[0], { end: e.marks.verb[1], kind: 'verb' });
  }
  const out: (Node | string)[] = [];
  let at = 0;
  for (const start of [...spans.keys()].sort((a, b) => a - b)) {
    const s = spans.get(start)!;
    if (start < at) continue;
    out.push(text.slice(at, start), h('mark', { class: `read-${s.kind}` }, text.slice(start, s.end)));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/** The coded events' columns; the first holds the box that chooses an event for the world. */
const EVENT_COLUMNS: readonly Column<CodedEvent>[] = [
  {
    head: 'add',
    cell: (e, i) =>
      h('input', {
        type: 'checkbox',
        class: 'read-choose',
        'data-index': String(i),
        'aria-label': `Add ${e.source} ${e.verb} ${e.target} to the world`,
      }),
  },
  { head: 'source', cell: (e) => e.source },
  { head: 'code', cell: (e) => e.code },
  { head: 'target', cell: (e) => e.target },
  { head: 'Goldstein', cell: (e) => (e.goldstein === null ? '' : e.goldstein.toFixed(1)) },
  { head: 'offsets', cell: (e) => `${e.start}–${e.end}` },
];

const eventRowAttrs = (e: CodedEvent) => ({
  'data-source': e.source,
  'data-target': e.target,
  'data-code': e.code,
  title: e.sentence,
});

/** What was coded last: the add button sends exactly this text and date back. */
interface Coded {
  text: string;
  date: string;
  doc: string;
}

export function createReadView(ctx: ViewContext): View {
  const input = h('textarea', {
    id: 'read-input',
    rows: '10',
    'aria-label': 'Text to code',
    placeholder:
      'Paste English news or op-ed text here, or upload a .txt file — e.g. "Moscow condemned Washington. Pakistani troops attacked Indian soldiers."',
  });
  const date = h('input', { id: 'read-date', type: 'date', 'aria-label': 'Date of the text' });
  const file = h('input', {
    id: 'read-file',
    type: 'file',
    accept: '.txt,text/plain',
    'aria-label': 'Upload a text file',
  });
  const run = h('button', { id: 'read-run', type: 'button' }, 'Code events');
  const add = h(
    'button',
    { id: 'read-add', type: 'button', disabled: true, title: 'Download the chosen events as a world file' },
    'Add chosen events to the world',
  );
  const added = h('p', { id: 'read-added', 'data-state': 'empty', 'aria-live': 'polite' });
  let coded: Coded | undefined;
  const shown = h('div', { id: 'read-text', class: 'read-text' });
  const eventsTable = table(EVENT_COLUMNS, [], { attrs: { id: 'read-events' } });
  const rows = eventsTable.tBodies[0]!;
  const result = h('div', { id: 'read-result', 'data-state': 'empty', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'read-view' },
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Text' }, file, date, run),
    input,
    h(
      'div',
      { class: 'two-col' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'read-text-title' },
        h('h2', { id: 'read-text-title' }, 'Text'),
        shown,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'read-events-title' },
        h('h2', { id: 'read-events-title' }, 'Coded events'),
        result,
        eventsTable,
        add,
        added,
      ),
    ),
  );

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) input.value = await f.text();
  });
  const chosen = () =>
    [...rows.querySelectorAll<HTMLInputElement>('input.read-choose')]
      .filter((c) => c.checked)
      .map((c) => Number(c.dataset.index));
  rows.addEventListener('change', () => {
    add.disabled = chosen().length === 0;
  });
  add.addEventListener('click', async () => {
    if (!coded) return;
    const world = ctx.world().meta.id;
    added.dataset.state = 'loading';
    try {
      const r = await api.codedEvents(world, { ...coded, chosen: chosen() });
      download(new Blob([`${JSON.stringify(r.patch, null, 1)}\n`], { type: 'application/json' }), r.fileName);
      const s = r.skipped;
      const left = s.unknownActor + s.selfDirected + s.unscaled;
      replace(
        added,
        `${r.added} event(s) with their quotes as evidence saved as ${r.fileName}: put it in the folder of world ${world}, beside its files, and they load with it (world validate checks them)${left > 0 ? `; ${left} left out (${s.unknownActor} with an actor outside the world, ${s.selfDirected} from a state to itself, ${s.unscaled} without a Goldstein weight)` : ''}.`,
      );
      added.dataset.state = 'done';
      announce(`${r.added} events added`);
    } catch (err) {
      replace(added, err instanceof Error ? err.message : String(err));
      added.dataset.state = 'error';
    }
  });
  run.addEventListener('click', async () => {
    const text = input.value;
    const day = date.value || new Date().toISOString().slice(0, 10);
    result.dataset.state = 'loading';
    add.disabled = true;
    coded = undefined;
    replace(added);
    added.dataset.state = 'empty';
    try {
      const r = await api.code(text, day);
      coded = { text, date: day, doc: file.files?.[0]?.name ?? 'pasted-text' };
      replace(shown, highlighted(text, r.events));
      replace(rows, tableRows(EVENT_COLUMNS, r.events, eventRowAttrs));
      const warn = r.warnings.map((w) => w.message).join('; ');
      replace(
        result,
        `${r.events.length} event(s) from ${r.stats.sentences} sentence(s)${warn ? ` — ${warn}` : ''}`,
      );
      result.dataset.state = 'done';
      announce(`${r.events.length} events coded`);
    } catch (err) {
      replace(result, err instanceof Error ? err.message : String(err));
      result.dataset.state = 'error';
    }
  });

  return { element, show: () => {}, hide: () => {}, toSvg: async () => null };
}
