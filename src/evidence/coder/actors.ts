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

const BRACKET = /\[([^\]]*)\]/g;

/** Parses every `[…]` group of a line into codes; a bad group is a problem. */
export function readCodes(text: string, file: string, line: number, problems: Problem[]): DatedCode[] {
  const codes: DatedCode[] = [];
  for (const m of text.matchAll(BRACKET)) {
    const c = parseDatedCode(m[1]!);
    if (c) codes.push(c);
    else
      problems.push({
        file,
        line,
        message: `cannot read code [${m[1]}]`,
        hint: 'write [CODE], [CODE YYMMDD-YYMMDD], [CODE >YYMMDD] or [CODE <YYMMDD]',
      });
  }
  const opens = text.split('[').length - 1;
  const closes = text.split(']').length - 1;
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
      entry.codes.push(...readCodes(s, file, line, problems));
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
    const codes = cut < 0 ? [] : readCodes(s.slice(cut), file, line, problems);
    if (!entry) entry = { codes: [] };
    if (isSynonym && codes.length > 0) {
      // A synonym with its own code is its own entry.
      trie.add(phraseWords(phrase).words, phraseWords(phrase).exact, { codes });
      continue;
    }
    entry.codes.push(...codes);
    phrases.push(phraseWords(phrase));
  }
  flush();
}
