/**
 * Reader for PETRARCH/TABARI actor dictionaries as shipped (Phoenix.*.actors.txt): an entry
 * line `PHRASE [CODE]`, synonym lines `+PHRASE`, and indented code lines `[CODE 970217-991012]`
 * that restrict a code to dates. Several files load into one trie; the first file's entry for a
 * phrase wins. Malformed lines are skipped and reported as problems (file, line, hint).
 */
import type { Problem } from '../../domain/errors.js';
import { type DatedCode, parseDatedCode } from './dates.js';
import { dictionaryLines } from './dictionary-lines.js';
import { type PhraseTrie, phraseWords } from './phrase-trie.js';

/** What an actor phrase stands for: its codes, possibly date-restricted. */
export interface ActorEntry {
  readonly codes: DatedCode[];
}

/**
 * Parses every `[…]` group of a line into codes; a bad group is a problem. `parsed` memoises the
 * groups of one load: the files repeat a few thousand distinct codes over tens of thousands of
 * lines, so each is parsed once and the entries share one frozen object.
 */
export function readCodes(
  text: string,
  file: string,
  line: number,
  problems: Problem[],
  parsed: Map<string, DatedCode | undefined> = new Map(),
): DatedCode[] {
  const codes: DatedCode[] = [];
  let opens = 0;
  let closes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 93) closes++;
    else if (ch === 91) {
      opens++;
      const end = text.indexOf(']', i + 1);
      if (end < 0) continue;
      const inside = text.slice(i + 1, end);
      let c = parsed.get(inside);
      if (c === undefined && !parsed.has(inside)) {
        c = parseDatedCode(inside);
        parsed.set(inside, c && Object.freeze(c));
      }
      if (c) codes.push(c);
      else
        problems.push({
          file,
          line,
          message: `cannot read code [${inside}]`,
          hint: 'write [CODE], [CODE/CODE], [CODE YYMMDD-YYMMDD], [CODE >YYMMDD] or [CODE <YYMMDD]',
        });
      // a "[" inside the group is counted, as the old count of every bracket did
      for (let j = i + 1; j < end; j++) if (text.charCodeAt(j) === 91) opens++;
      closes++;
      i = end;
    }
  }
  if (opens !== closes) {
    problems.push({ file, line, message: 'unbalanced [ ] in code', hint: 'close every [ with ]' });
  }
  return codes;
}

/**
 * Adds one actor dictionary's entries to `trie`, pushing problems for lines it cannot read.
 *
 * @example
 * const trie = new PhraseTrie<ActorEntry>();
 * readActorDictionary('PAKISTAN_ [PAK]\n+ISLAMABAD_\n', 'a.txt', trie, []);
 */
export function readActorDictionary(
  text: string,
  file: string,
  trie: PhraseTrie<ActorEntry>,
  problems: Problem[],
): void {
  let phrases: { words: string[]; exact: boolean }[] = [];
  let entry: ActorEntry | undefined;
  const parsed = new Map<string, DatedCode | undefined>();
  const flush = () => {
    if (entry && entry.codes.length > 0) for (const p of phrases) trie.add(p.words, p.exact, entry);
    phrases = [];
    entry = undefined;
  };
  for (const { line, text: raw } of dictionaryLines(text, file, problems)) {
    const s = raw.trim();
    if (s === '') continue;
    if (s.startsWith('[')) {
      if (!entry) {
        problems.push({
          file,
          line,
          message: 'code line before any actor',
          hint: 'put codes under an actor phrase',
        });
        continue;
      }
      entry.codes.push(...readCodes(s, file, line, problems, parsed));
      continue;
    }
    const isSynonym = s.startsWith('+');
    if (!isSynonym) flush();
    const cut = s.indexOf('[');
    const phrase = (cut < 0 ? s : s.slice(0, cut)).replace(/^\+/, '').trim();
    if (phrase === '' || /[\]{}]/.test(phrase)) {
      problems.push({
        file,
        line,
        message: `cannot read actor phrase "${s}"`,
        hint: 'write PHRASE_WORDS [CODE]',
      });
      continue;
    }
    const codes = cut < 0 ? [] : readCodes(s.slice(cut), file, line, problems, parsed);
    if (!entry) entry = { codes: [] };
    if (isSynonym && codes.length > 0) {
      // A synonym with its own code is its own entry.
      const p = phraseWords(phrase);
      trie.add(p.words, p.exact, { codes });
      continue;
    }
    entry.codes.push(...codes);
    phrases.push(phraseWords(phrase));
  }
  flush();
}
