/**
 * Read: paste or upload English text, code it on the server (`POST /api/code`), and see the text
 * with actors and verbs highlighted beside the coded events — CAMEO code, Goldstein weight and
 * the sentence offsets that are each event's evidence.
 */
import type { CodeBodyType } from '../../../src/api/client.js';
import { api } from '../api.js';
import { announce, h, replace } from '../dom.js';
import type { View } from '../view.js';

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

export function createReadView(): View {
  const input = h('textarea', { id: 'read-input', rows: '10', 'aria-label': 'Text to code' });
  const date = h('input', { id: 'read-date', type: 'date', 'aria-label': 'Date of the text' });
  const file = h('input', {
    id: 'read-file',
    type: 'file',
    accept: '.txt,text/plain',
    'aria-label': 'Upload a text file',
  });
  const run = h('button', { id: 'read-run', type: 'button' }, 'Code events');
  const shown = h('div', { id: 'read-text', class: 'read-text' });
  const table = h('tbody', {});
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
        h(
          'table',
          { id: 'read-events' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['source', 'code', 'target', 'Goldstein', 'offsets'].map((c) => h('th', {}, c)),
            ),
          ),
          table,
        ),
      ),
    ),
  );

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) input.value = await f.text();
  });
  run.addEventListener('click', async () => {
    const text = input.value;
    result.dataset.state = 'loading';
    try {
      const r = await api.code(text, date.value || undefined);
      replace(shown, highlighted(text, r.events));
      replace(
        table,
        r.events.map((e) =>
          h(
            'tr',
            { 'data-source': e.source, 'data-target': e.target, 'data-code': e.code, title: e.sentence },
            h('td', {}, e.source),
            h('td', {}, e.code),
            h('td', {}, e.target),
            h('td', {}, e.goldstein === null ? '' : e.goldstein.toFixed(1)),
            h('td', {}, `${e.start}–${e.end}`),
          ),
        ),
      );
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
