/**
 * Readers for the two PETRARCH gold formats: the unit-test records (`<Sentence …>` containing
 * `<EventCoding …>` and `<Text>`) and the PETRARCH-2 validation file (a self-closed
 * `<Sentence …/>` followed by its codings and text). Each record yields its text, date and the
 * expected (source, target, code) triples; records that expect no events have none.
 */
import { InvalidInputError } from '../../domain/errors.js';

/** One gold sentence. */
export interface GoldRecord {
  readonly id: string;
  readonly category: string;
  readonly date?: string;
  readonly text: string;
  readonly expected: { source: string; target: string; code: string }[];
  /** The record's XML comments (a unit test's description). */
  readonly note: string;
  /**
   * The `<Config option="require_dyad">` in force for the record (the last one before it in
   * the file; PETRARCH's default is true): whether an event needs both a source and a target.
   */
  readonly requireDyad: boolean;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

// PETRARCH reads `<Config>` tags in file order; each holds until the next one of its option.
function dyadConfigs(body: string): { at: number; value: boolean }[] {
  return [...body.matchAll(/<Config\b[^>]*option\s*=\s*"require_dyad"[^>]*>/gi)].map((m) => ({
    at: m.index,
    value: (attr(m[0], 'value') ?? 'true').toLowerCase() !== 'false',
  }));
}

/** Parses a gold XML file (either format). Throws with the file and line when nothing is readable. */
export function readGold(xml: string, file: string): GoldRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const opens = [...body.matchAll(/<Sentence\b[^>]*>/g)];
  const records: GoldRecord[] = [];
  const configs = dyadConfigs(body);
  for (let i = 0; i < opens.length; i++) {
    const open = opens[i]!;
    const from = open.index! + open[0].length;
    const to = i + 1 < opens.length ? opens[i + 1]!.index! : body.length;
    const chunk = body.slice(from, to);
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(chunk)?.[1];
    if (text === undefined) {
      const line = body.slice(0, open.index).split('\n').length;
      throw new InvalidInputError({
        file,
        line,
        message: 'sentence has no <Text>',
        hint: 'each <Sentence> needs a <Text> element',
      });
    }
    const expected = [...chunk.matchAll(/<EventCoding\b[^>]*>/g)]
      .map((m) => ({
        source: attr(m[0], 'sourcecode'),
        target: attr(m[0], 'targetcode'),
        code: attr(m[0], 'eventcode'),
      }))
      .filter(
        (e): e is { source: string; target: string; code: string } => !!(e.source && e.target && e.code),
      );
    const raw = xml.slice(open.index!, open.index! + open[0].length + chunk.length);
    records.push({
      id: attr(open[0], 'id') ?? `#${i + 1}`,
      category: attr(open[0], 'category') ?? '',
      date: attr(open[0], 'date'),
      text: text.replace(/\s+/g, ' ').trim(),
      expected,
      note: [...raw.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]!.trim()).join(' '),
      requireDyad: configs.findLast((c) => c.at < open.index!)?.value ?? true,
    });
  }
  if (records.length === 0) {
    throw new InvalidInputError({
      file,
      message: 'no <Sentence> records',
      hint: 'pass a PETRARCH gold XML file',
    });
  }
  return records;
}
