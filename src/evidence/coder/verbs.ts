/**
 * Reader for the PETRARCH2 verb dictionary as shipped (CAMEO.2.0.txt, PETR.Validate.verbs.txt):
 * `&SYNSET` blocks of `+WORD` lines; verb families `--- NAME [CODE] ---` listing verbs
 * (`WORD {IRREGULAR FORMS} [CODE]`, phrasal verbs as `+ASK_FOR`) and patterns
 * `- PREFIX * SUFFIX [CODE]` where `*` is the verb, `$` the source, `+` the target, `_` joins
 * adjacent words, `&NAME` a synset, and `( )` / `{ }` group phrases (read as plain word order).
 * `[042:043]` codes two events: source→target 042 and target→source 043. A pattern written twice
 * in a family keeps its first place and takes its last code, as PETRARCH2's pattern store does.
 */
import type { Problem } from '../../domain/errors.js';
import { dictionaryLines } from './dictionary-lines.js';
import { PhraseTrie } from './phrase-trie.js';

/** One element of a pattern, beside or away from the verb. */
export type PatternPart =
  | { readonly kind: 'word'; readonly word: string; readonly exact: boolean; readonly adjacent: boolean }
  | { readonly kind: 'synset'; readonly name: string; readonly adjacent: boolean }
  | { readonly kind: 'source' | 'target' | 'any'; readonly adjacent: boolean };

/** An event code pair: `code` source→target and, when given, `reverse` target→source. */
export interface VerbCode {
  readonly code: string;
  readonly reverse?: string;
}

/** A verb pattern: words before the verb (nearest first), after it, and its code. */
export interface VerbPattern {
  readonly text: string;
  readonly before: PatternPart[];
  readonly after: PatternPart[];
  readonly code: VerbCode | null;
  readonly weight: number;
}

/** A verb family: a default code and the patterns shared by every verb in it. */
export interface VerbFamily {
  readonly name: string;
  readonly code: VerbCode | null;
  readonly patterns: VerbPattern[];
}

/** One verb form in the text, pointing at its family. */
export interface VerbEntry {
  readonly family: VerbFamily;
  readonly base: string;
  readonly code: VerbCode | null | undefined;
  /** True for past participles (regular `-ED`, or a listed form in -ED, -N or -T: "blown", "kept"), used to spot passives. */
  readonly participle: boolean;
}

/** The verb dictionary: verb forms, synsets (phrases of words). */
export interface VerbDictionary {
  readonly verbs: PhraseTrie<VerbEntry>;
  readonly synsets: Map<string, string[][]>;
  readonly families: VerbFamily[];
}

/** Parses `[042]`, `[042:043]`, `[---]`; undefined when malformed. */
export function parseVerbCode(inside: string): VerbCode | null | undefined {
  const s = inside.trim();
  if (/^-+$/.test(s)) return null;
  const m = /^([0-9A-Z]{2,4}|-+)(?::([0-9A-Z]{2,4}|-+))?$/.exec(s);
  if (!m) return undefined;
  if (/^-+$/.test(m[1]!)) return null;
  return m[2] && !/^-+$/.test(m[2]) ? { code: m[1]!, reverse: m[2] } : { code: m[1]! };
}

/** Regular inflections of a verb: -S, -ED, -ING (irregular ones come from the dictionary). */
export function inflect(base: string): { forms: string[]; participles: string[] } {
  const s = /(S|X|Z|CH|SH)$/.test(base)
    ? `${base}ES`
    : /[^AEIOU]Y$/.test(base)
      ? `${base.slice(0, -1)}IES`
      : `${base}S`;
  const ed = base.endsWith('E')
    ? `${base}D`
    : /[^AEIOU]Y$/.test(base)
      ? `${base.slice(0, -1)}IED`
      : `${base}ED`;
  const ing = /[^E]E$/.test(base) ? `${base.slice(0, -1)}ING` : `${base}ING`;
  return { forms: [base, s, ing], participles: [ed] };
}

function parsePattern(
  body: string,
): { before: PatternPart[]; after: PatternPart[]; weight: number } | string {
  const chunks = body
    .replace(/[(){}]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const parts: { part: PatternPart | '*'; adjacent: boolean }[] = [];
  for (const chunk of chunks) {
    const pieces = chunk.split('_');
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!.toUpperCase();
      const adjacent = i > 0;
      if (p === '') {
        const prev = parts[parts.length - 1];
        if (prev && prev.part !== '*' && prev.part.kind === 'word') prev.part = { ...prev.part, exact: true };
        continue;
      }
      if (p === '*') parts.push({ part: '*', adjacent });
      else if (p === '$') parts.push({ part: { kind: 'source', adjacent }, adjacent });
      else if (p === '+') parts.push({ part: { kind: 'target', adjacent }, adjacent });
      else if (p === '%' || p === '^') parts.push({ part: { kind: 'any', adjacent }, adjacent });
      else if (p.startsWith('&')) parts.push({ part: { kind: 'synset', name: p, adjacent }, adjacent });
      else parts.push({ part: { kind: 'word', word: p, exact: false, adjacent }, adjacent });
    }
  }
  const star = parts.findIndex((p) => p.part === '*');
  if (star < 0) return 'pattern has no * for the verb';
  if (parts.some((p, i) => p.part === '*' && i !== star)) return 'pattern has more than one *';
  // Before the verb we match right to left: a part is adjacent when the part after it was joined.
  const before: PatternPart[] = [];
  for (let i = star - 1; i >= 0; i--)
    before.push({ ...(parts[i]!.part as PatternPart), adjacent: parts[i + 1]!.adjacent });
  const after = parts.slice(star + 1).map((p) => p.part as PatternPart);
  const weight = before.length + after.length;
  return { before, after, weight };
}

/**
 * Reads a verb dictionary, pushing problems (file, line, hint) for lines it cannot read.
 *
 * @example readVerbDictionary('--- MEET [040] ---\nMEET {MET MEETS MEETING}\n- * WITH + [043]\n', 'v.txt', [])
 */
export function readVerbDictionary(text: string, file: string, problems: Problem[]): VerbDictionary {
  const verbs = new PhraseTrie<VerbEntry>();
  const synsets = new Map<string, string[][]>();
  const families: VerbFamily[] = [];
  let family: VerbFamily | undefined;
  let synset: string[][] | undefined;
  let placeOf = new Map<string, number>();
  for (const { line, text: raw } of dictionaryLines(text, file, problems)) {
    const s = raw.trim();
    if (s === '') {
      synset = undefined;
      continue;
    }
    // Some headers close twice (`--- DELAY [120]---  ---`); missing them would merge the next
    // family's verbs and patterns into the one before.
    const header = /^-{3}\s*(.*?)\s*\[([^\]]*)\]\s*(?:-{3}\s*)+$/.exec(s);
    if (header) {
      const code = parseVerbCode(header[2]!);
      if (code === undefined)
        problems.push({
          file,
          line,
          message: `cannot read family code [${header[2]}]`,
          hint: 'write [042], [042:043] or [---]',
        });
      family = { name: header[1]!.toUpperCase(), code: code ?? null, patterns: [] };
      families.push(family);
      placeOf = new Map();
      synset = undefined;
      continue;
    }
    if (s.startsWith('&')) {
      synset = [];
      synsets.set(s.split(/\s+/)[0]!.replace(/_$/, '').toUpperCase(), synset);
      family = undefined;
      continue;
    }
    if (synset && s.startsWith('+')) {
      synset.push(
        s
          .slice(1)
          .trim()
          .toUpperCase()
          .split(/[_\s]+/)
          .filter(Boolean),
      );
      continue;
    }
    if (!family) {
      problems.push({
        file,
        line,
        message: `line "${s}" is outside any verb family or synset`,
        hint: 'start a family with --- NAME [CODE] ---',
      });
      continue;
    }
    if (s.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(s);
      const code = m ? parseVerbCode(m[2]!) : undefined;
      const parsed = m ? parsePattern(m[1]!) : 'pattern has no [CODE]';
      if (typeof parsed === 'string' || code === undefined) {
        problems.push({
          file,
          line,
          message: typeof parsed === 'string' ? parsed : `cannot read code [${m?.[2]}]`,
          hint: 'write - WORDS * WORDS [CODE]',
        });
        continue;
      }
      const key = JSON.stringify([parsed.before, parsed.after]);
      const place = placeOf.get(key) ?? family.patterns.length;
      placeOf.set(key, place);
      family.patterns[place] = { text: m![1]!, ...parsed, code };
      continue;
    }
    readVerbLine(s, family, verbs, file, line, problems);
  }
  return { verbs, synsets, families };
}

function readVerbLine(
  s: string,
  family: VerbFamily,
  verbs: PhraseTrie<VerbEntry>,
  file: string,
  line: number,
  problems: Problem[],
): void {
  const m = /^\+?([^{[]+?)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(s);
  if (!m) {
    problems.push({
      file,
      line,
      message: `cannot read verb line "${s}"`,
      hint: 'write VERB {IRREGULAR FORMS} [CODE]',
    });
    return;
  }
  const code = m[3] === undefined ? undefined : parseVerbCode(m[3]);
  const words = m[1]!
    .toUpperCase()
    .replace(/\+/g, '')
    .split(/[_\s]+/)
    .filter(Boolean);
  const base = words.join(' ');
  const add = (form: string[], participle: boolean) =>
    verbs.add(form, true, { family, base, code, participle });
  // Some lists separate forms with commas; only words are forms.
  const listed = m[2]
    ?.slice(1, -1)
    .trim()
    .split(/[\s,]+/)
    .filter((f) => /[A-Z]/i.test(f));
  if (listed) {
    add(words, false);
    for (const f of listed) {
      const formWords = f.toUpperCase().replace(/\+/g, '').split('_').filter(Boolean);
      add(formWords, /(ED|N|[^AEIOU]T)$/.test(formWords[0]!) && formWords[0] !== words[0]);
    }
    return;
  }
  const { forms, participles } = inflect(words[0]!);
  for (const f of forms) add([f, ...words.slice(1)], false);
  for (const f of participles) add([f, ...words.slice(1)], true);
}
