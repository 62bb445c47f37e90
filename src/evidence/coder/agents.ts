/**
 * Reader for PETRARCH agent dictionaries (Phoenix.agents.txt): `PHRASE {PLURALS} [~CODE]`, with
 * `!NAME! = A, B` substitutions. Without braces the plural is formed by the usual English rule;
 * `{}` means the phrase has no plural. The agent code is appended to the actor it attaches to
 * ("Pakistani troops" → PAK + MIL).
 */
import type { Problem } from '../../domain/errors.js';
import { dictionaryLines } from './dictionary-lines.js';
import { type PhraseTrie, phraseWords } from './phrase-trie.js';

/** An agent role: the code suffix it adds to an actor. */
export interface AgentEntry {
  readonly code: string;
}

/** The regular English plural of a word (the last word of an agent phrase). */
export function plural(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return `${word.slice(0, -1)}IES`;
  if (/(S|X|Z|CH|SH)$/.test(word)) return `${word}ES`;
  if (word.endsWith('MAN')) return `${word.slice(0, -3)}MEN`;
  return `${word}S`;
}

/** Adds an agent dictionary's entries to `trie`, pushing problems for unreadable lines. */
export function readAgentDictionary(
  text: string,
  file: string,
  trie: PhraseTrie<AgentEntry>,
  problems: Problem[],
): void {
  const subs = new Map<string, string[]>();
  for (const { line, text: raw } of dictionaryLines(text, file, problems)) {
    const s = raw.trim();
    if (s === '') continue;
    const sub = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(s);
    if (sub) {
      subs.set(
        sub[1]!,
        sub[2]!.split(',').map((w) => w.trim().toUpperCase()),
      );
      continue;
    }
    const m = /^([^[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$/.exec(s);
    const code = m?.[3]?.replace(/~/g, '').trim().toUpperCase();
    if (!m || !code || !/^[A-Z0-9]+$/.test(code)) {
      problems.push({
        file,
        line,
        message: `cannot read agent line "${s}"`,
        hint: 'write PHRASE {PLURALS} [~CODE]',
      });
      continue;
    }
    const entry: AgentEntry = { code };
    const explicit = m[2]?.slice(1, -1).trim().split(/\s+/).filter(Boolean);
    for (const phrase of expand(m[1]!.trim(), subs)) {
      const { words, exact } = phraseWords(phrase);
      trie.add(words, true, entry);
      if (explicit === undefined && exact === false) {
        trie.add([...words.slice(0, -1), plural(words[words.length - 1]!)], true, entry);
      }
    }
    for (const p of explicit ?? []) trie.add(phraseWords(p).words, true, entry);
  }
}

function expand(phrase: string, subs: Map<string, string[]>): string[] {
  const m = /![A-Z]+!/.exec(phrase);
  if (!m) return [phrase];
  const options = subs.get(m[0]) ?? [];
  return options.flatMap((o) => expand(phrase.replace(m[0], o), subs));
}
