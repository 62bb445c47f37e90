/**
 * The scenario editor's YAML as the single source of truth. The form reads its fields from the
 * parsed document, and a form edit changes the text in place: a value is spliced over the exact
 * characters of the scalar it replaces (so comments, key order, quoting and flow style stay as
 * the user wrote them); only structural edits (adding or removing a shock, a pair or a measure, a field the
 * text lacks) go through the `yaml` Document API, which keeps comments and order too.
 */
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, Scalar } from 'yaml';

type Path = (string | number)[];

/** One problem of the text, with the line it is on when known. */
export interface TextProblem {
  line?: number;
  field?: string;
  message: string;
  hint?: string;
}

export interface TieShockRow {
  /** Position in `shocks:` (other shocks sit between tie shocks). */
  index: number;
  a: string;
  b: string;
  mode: 'shift' | 'set';
  value: number;
  at: number;
}

/** What the form shows, read from the YAML. */
export interface FormFields {
  name: string;
  start: string;
  horizon: number;
  runs: number;
  seed: number;
  shocks: TieShockRow[];
  track: [string, string][];
  /** The `follow:` entries as written (the form reads them with `measures.ts`). */
  follow: Record<string, unknown>[];
  /** Capability and mechanism shocks, edited in the YAML only. */
  otherShocks: number;
}

/** Defaults of a new scenario: small enough to run in seconds (the form shows them when absent). */
export const NEW_SCENARIO = Object.freeze({ horizon: 24, runs: 200, seed: 1 });

/** Parses the text; syntax problems come with their line. */
export function parseScenarioText(text: string): { doc?: Document.Parsed; problems: TextProblem[] } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        ...(e.linePos && { line: e.linePos[0].line }),
        message: `the YAML does not parse: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [{ line: 1, message: 'a scenario is a mapping of fields (name:, start:, horizon:, …)' }],
    };
  }
  return { doc, problems: [] };
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The form's fields; values the form cannot show (an unknown actor) are shown as written. */
export function formFields(doc: Document.Parsed): FormFields {
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const shocks = Array.isArray(data.shocks) ? (data.shocks as Record<string, unknown>[]) : [];
  const isTie = (s: Record<string, unknown>) => s && typeof s === 'object' && Array.isArray(s.tie);
  return {
    name: str(data.name),
    start: str(data.start),
    horizon: Number(data.horizon ?? NEW_SCENARIO.horizon),
    runs: Number(data.runs ?? NEW_SCENARIO.runs),
    seed: Number(data.seed ?? NEW_SCENARIO.seed),
    shocks: shocks.flatMap((s, index) =>
      isTie(s)
        ? [
            {
              index,
              a: str((s.tie as unknown[])[0]),
              b: str((s.tie as unknown[])[1]),
              mode: s.set !== undefined ? ('set' as const) : ('shift' as const),
              value: Number(s.set ?? s.shift ?? 0),
              at: Number(s.at ?? 0),
            },
          ]
        : [],
    ),
    track: Array.isArray(data.track)
      ? (data.track as unknown[]).map((p) => [str((p as unknown[])?.[0]), str((p as unknown[])?.[1])])
      : [],
    follow: Array.isArray(data.follow)
      ? (data.follow as unknown[]).map((e) =>
          e && typeof e === 'object' ? (e as Record<string, unknown>) : {},
        )
      : [],
    otherShocks: shocks.filter((s) => !isTie(s)).length,
  };
}

/** Ways to write a scalar, the original's style first; the first that reads back as `value` wins. */
function scalarTexts(value: string | number, original: Scalar): string[] {
  if (typeof value === 'number') return [String(value)];
  const single = `'${value.replace(/'/g, "''")}'`;
  const double = JSON.stringify(value);
  if (original.type === Scalar.QUOTE_SINGLE) return [single, double];
  if (original.type === Scalar.QUOTE_DOUBLE) return [double];
  return /^[\w][\w.\- ]*$/.test(value) && !value.endsWith(' ') ? [value, double] : [double];
}

/** Whether the first flow collection in the text pads its brackets (`[ A, B ]`). */
function padsFlow(text: string): boolean {
  const m = /[[{](.)/.exec(text.replace(/#.*$/gm, ''));
  return m ? m[1] === ' ' : true;
}

function serialise(doc: Document, text: string): string {
  return doc.toString({ flowCollectionPadding: padsFlow(text), lineWidth: 0 });
}

/**
 * The text with the value at `path` set to `value`: spliced over the old scalar when there is
 * one, added through the Document API otherwise.
 *
 * @example
 * setValue('runs: 10 # few\n', ['runs'], 30); // 'runs: 30 # few\n'
 */
export function setValue(text: string, path: Path, value: string | number): string {
  const doc = parseDocument(text);
  const node = doc.getIn(path, true) as Node | undefined;
  if (isScalar(node) && node.range) {
    const [from, to] = node.range;
    for (const written of scalarTexts(value, node)) {
      const next = text.slice(0, from) + written + text.slice(to);
      if (parseDocument(next).getIn(path) === value) return next;
    }
  }
  doc.setIn(path, value);
  return serialise(doc, text);
}

/**
 * The text with the key at the end of `path` renamed, its value kept (`shift:` → `set:`).
 *
 * @example
 * renameKey('s: { shift: 0.2 }\n', ['s', 'shift'], 'set'); // 's: { set: 0.2 }\n'
 */
export function renameKey(text: string, path: Path, key: string): string {
  const doc = parseDocument(text);
  const parent = doc.getIn(path.slice(0, -1), true);
  const pair = isMap(parent)
    ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))
    : undefined;
  if (pair && isScalar(pair.key) && pair.key.range) {
    const [from, to] = pair.key.range;
    return text.slice(0, from) + key + text.slice(to);
  }
  return text;
}

/** The text with an item appended to the sequence at `key` (created when missing), in flow style. */
export function appendItem(text: string, key: string, item: unknown): string {
  const doc = parseDocument(text);
  const seq = doc.get(key, true);
  const node = doc.createNode(item, { flow: true });
  if (isSeq(seq)) seq.items.push(node);
  else doc.set(key, doc.createNode([node]));
  return serialise(doc, text);
}

/** The text without item `index` of the sequence at `key`. */
export function removeItem(text: string, key: string, index: number): string {
  const doc = parseDocument(text);
  doc.deleteIn([key, index]);
  return serialise(doc, text);
}

/** A new scenario's text. */
export function blankScenario(name: string, start: string): string {
  return new Document({ name, start, ...NEW_SCENARIO, shocks: [] }).toString();
}
