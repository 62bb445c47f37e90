/**
 * A word trie for dictionary phrases, as TABARI/PETRARCH dictionaries write them: words joined
 * by `_` or spaces; a phrase ending in `_` must match its last word exactly, otherwise the last
 * word matches as a stem ("ARGENTIN" matches "Argentina", "Argentine"). Longest match wins;
 * the first entry of a phrase wins over later duplicates.
 */
import type { Token } from './text.js';

interface Node<T> {
  children: Map<string, Node<T>>;
  value?: T;
  stems?: Map<string, T>;
  stemLengths?: number[];
}

/** A match: the value and how many tokens it covers. */
export interface PhraseMatch<T> {
  readonly value: T;
  readonly length: number;
}

/** Stems shorter than this match exactly ("PLA" must not match "PLACE"). */
const MIN_STEM = 4;
/** Letters a stem may leave unmatched ("AUSTRALIA" → "AUSTRALIANS"). */
const MAX_STEM_TAIL = 4;

const newNode = <T>(): Node<T> => ({ children: new Map() });

/** Splits a dictionary phrase into upper-case words; `exact` is false when the last is a stem. */
export function phraseWords(phrase: string): { words: string[]; exact: boolean } {
  const trimmed = phrase.trim();
  const exact = trimmed.endsWith('_');
  const words = trimmed
    .toUpperCase()
    .split(/[_\s]+/)
    .filter((w) => w.length > 0)
    .flatMap(splitPossessive);
  return { words, exact };
}

// "RUSSIA'S" in a dictionary is two tokens in text.
function splitPossessive(w: string): string[] {
  return w.length > 2 && w.endsWith("'S") ? [w.slice(0, -2), "'S"] : [w];
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = newNode();
  size = 0;

  /** Adds a phrase; returns false when it was already there (the first one is kept). */
  add(words: readonly string[], exact: boolean, value: T): boolean {
    if (words.length === 0) return false;
    let node = this.root;
    for (let i = 0; i < words.length - 1; i++) {
      let next = node.children.get(words[i]!);
      if (!next) {
        next = newNode();
        node.children.set(words[i]!, next);
      }
      node = next;
    }
    const last = words[words.length - 1]!;
    if (exact || last.length < MIN_STEM) {
      let leaf = node.children.get(last);
      if (!leaf) {
        leaf = newNode();
        node.children.set(last, leaf);
      }
      if (leaf.value !== undefined) return false;
      leaf.value = value;
    } else {
      node.stems ??= new Map();
      if (node.stems.has(last)) return false;
      node.stems.set(last, value);
      node.stemLengths = [...new Set([...(node.stemLengths ?? []), last.length])].sort((a, b) => b - a);
    }
    this.size++;
    return true;
  }

  /** The longest phrase starting at token `at`, or undefined. */
  match(tokens: readonly Token[], at: number, limit = tokens.length): PhraseMatch<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = at; i < limit && node; i++) {
      const key = tokens[i]!.key;
      if (node.stems) {
        for (const n of node.stemLengths!) {
          if (n > key.length || key.length - n > MAX_STEM_TAIL) continue;
          const v = node.stems.get(n === key.length ? key : key.slice(0, n));
          if (v !== undefined) {
            best = { value: v, length: i - at + 1 };
            break;
          }
        }
      }
      node = node.children.get(key);
      if (node?.value !== undefined) best = { value: node.value, length: i - at + 1 };
    }
    return best;
  }
}
