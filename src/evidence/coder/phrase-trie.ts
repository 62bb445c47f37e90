/**
 * A word trie for dictionary phrases, as TABARI/PETRARCH dictionaries write them: words joined
 * by `_` or spaces; a phrase ending in `_` must match its last word exactly, otherwise the last
 * word matches as a stem ("ARGENTIN" matches "Argentina", "Argentine"). Longest match wins;
 * the first entry of a phrase wins over later duplicates.
 */
import type { Token } from './text.js';

interface Node<T> {
  /** Made on the first child: most nodes are leaves, and a Map per leaf is most of the load's garbage. */
  children?: Map<string, Node<T>>;
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

const newNode = <T>(): Node<T> => ({});

/** Splits a dictionary phrase into upper-case words; `exact` is false when the last is a stem. */
export function phraseWords(phrase: string): { words: string[]; exact: boolean } {
  const trimmed = phrase.trim();
  const exact = trimmed.endsWith('_');
  const words: string[] = [];
  for (const w of trimmed.toUpperCase().split(/[_\s]+/)) {
    if (w.length === 0) continue;
    // "RUSSIA'S" in a dictionary is two tokens in text.
    if (w.length > 2 && w.endsWith("'S")) words.push(w.slice(0, -2), "'S");
    else words.push(w);
  }
  return { words, exact };
}

/** Phrases wait in buckets named by this many leading letters of their first word. */
const BUCKET = MIN_STEM;

interface Pending<T> {
  readonly words: readonly string[];
  readonly exact: boolean;
  readonly value: T;
}

function insert<T>(root: Node<T>, { words, exact, value }: Pending<T>): void {
  let node = root;
  for (let i = 0; i < words.length - 1; i++) {
    node.children ??= new Map();
    let next = node.children.get(words[i]!);
    if (!next) {
      next = newNode();
      node.children.set(words[i]!, next);
    }
    node = next;
  }
  const last = words[words.length - 1]!;
  if (exact || last.length < MIN_STEM) {
    node.children ??= new Map();
    let leaf = node.children.get(last);
    if (!leaf) {
      leaf = newNode();
      node.children.set(last, leaf);
    }
    leaf.value ??= value;
  } else {
    node.stems ??= new Map();
    if (node.stems.has(last)) return;
    node.stems.set(last, value);
    if (!node.stemLengths?.includes(last.length)) {
      node.stemLengths = [...(node.stemLengths ?? []), last.length].sort((a, b) => b - a);
    }
  }
}

/**
 * The trie is built lazily, one bucket at a time: `add` only files a phrase under the first
 * letters of its first word, and the first `match` on a word of that bucket builds its sub-trie.
 * A text touches a few hundred of the tens of thousands of buckets, so loading the dictionaries
 * costs a list append per phrase. A stem of at least `MIN_STEM` letters and every word it matches
 * share their first `MIN_STEM` letters, so the bucket of a text word holds every phrase that can
 * start there, in the order added (the first entry of a phrase still wins).
 */
export class PhraseTrie<T> {
  private readonly pending = new Map<string, Pending<T>[]>();
  private readonly roots = new Map<string, Node<T>>();
  /** Phrases added (a later duplicate of a phrase is counted, and ignored when matching). */
  size = 0;

  /** Adds a phrase (the first entry of a phrase is kept when it is added twice). */
  add(words: readonly string[], exact: boolean, value: T): void {
    if (words.length === 0) return;
    const bucket = words[0]!.slice(0, BUCKET);
    const built = this.roots.get(bucket);
    if (built) insert(built, { words, exact, value });
    else {
      const list = this.pending.get(bucket);
      if (list) list.push({ words, exact, value });
      else this.pending.set(bucket, [{ words, exact, value }]);
    }
    this.size++;
  }

  /** The root of the sub-trie of phrases whose first word begins like `key`, built on first use. */
  private rootFor(key: string): Node<T> | undefined {
    const bucket = key.slice(0, BUCKET);
    const built = this.roots.get(bucket);
    if (built) return built;
    const list = this.pending.get(bucket);
    if (!list) return undefined;
    const root = newNode<T>();
    for (const p of list) insert(root, p);
    this.pending.delete(bucket);
    this.roots.set(bucket, root);
    return root;
  }

  /** The longest phrase starting at token `at`, or undefined. */
  match(tokens: readonly Token[], at: number, limit = tokens.length): PhraseMatch<T> | undefined {
    if (at >= limit) return undefined;
    let node: Node<T> | undefined = this.rootFor(tokens[at]!.key);
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
      node = node.children?.get(key);
      if (node?.value !== undefined) best = { value: node.value, length: i - at + 1 };
    }
    return best;
  }
}
