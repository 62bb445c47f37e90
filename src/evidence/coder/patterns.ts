/**
 * Matching PETRARCH verb patterns against a shallow sentence: the words before `*` are sought
 * right to left from the verb, the words after it left to right, each either adjacent (joined
 * by `_` in the dictionary) or anywhere further within the clause. `$` and `+` match an actor
 * group and bind the source or target. The pattern with most parts wins; ties go to the first.
 */
import type { ActorGroup } from './mentions.js';
import type { Token } from './text.js';
import type { PatternPart, VerbPattern } from './verbs.js';

/** The sentence as the matcher sees it. */
export interface MatchContext {
  readonly tokens: readonly Token[];
  readonly groups: readonly ActorGroup[];
  /** Index into `groups` of the group starting / ending at a token, or -1. */
  readonly groupStart: Int32Array;
  readonly groupEnd: Int32Array;
  readonly synsets: Map<string, string[][]>;
}

/** A matched pattern and the groups it bound. */
export interface PatternMatch {
  readonly pattern: VerbPattern;
  readonly source?: number;
  readonly target?: number;
  /** Token index just past the last word the pattern matched after the verb. */
  readonly end: number;
}

function wordMatches(key: string, word: string, exact: boolean): boolean {
  if (key === word) return true;
  return !exact && word.length >= 3 && key.length - word.length <= 3 && key.startsWith(word);
}

// Length of the synset member that starts (forward) or ends (backward) at `at`, or 0.
function synsetAt(ctx: MatchContext, name: string, at: number, forward: boolean, depth = 0): number {
  const members = ctx.synsets.get(name);
  if (!members || depth > 4) return 0;
  for (const words of members) {
    if (words.length === 1 && words[0]!.startsWith('&')) {
      const n = synsetAt(ctx, words[0]!, at, forward, depth + 1);
      if (n > 0) return n;
      continue;
    }
    const from = forward ? at : at - words.length + 1;
    if (from < 0 || from + words.length > ctx.tokens.length) continue;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      ok = wordMatches(ctx.tokens[from + w]!.key, words[w]!, w < words.length - 1);
    }
    if (ok) return words.length;
  }
  return 0;
}

// How many tokens `part` covers at `at`, or 0; binds groups into `bound`.
function partAt(ctx: MatchContext, part: PatternPart, at: number, forward: boolean, bound: number[]): number {
  switch (part.kind) {
    case 'word':
      return wordMatches(ctx.tokens[at]!.key, part.word, part.exact) ? 1 : 0;
    case 'synset':
      return synsetAt(ctx, part.name, at, forward);
    case 'any':
      return 1;
    default: {
      const g = forward ? ctx.groupStart[at]! : ctx.groupEnd[at]!;
      if (g < 0) return 0;
      bound.push(part.kind === 'source' ? g : -1 - g);
      const group = ctx.groups[g]!;
      return group.last - group.first;
    }
  }
}

function matchSide(
  ctx: MatchContext,
  parts: readonly PatternPart[],
  from: number,
  limit: number,
  forward: boolean,
  bound: number[],
): number {
  let pos = from;
  for (const part of parts) {
    let found = 0;
    const step = forward ? 1 : -1;
    for (let at = pos; forward ? at < limit : at >= limit; at += step) {
      const mark = bound.length;
      found = partAt(ctx, part, at, forward, bound);
      if (found > 0) {
        pos = forward ? at + found : at - found;
        break;
      }
      bound.length = mark;
      if (part.adjacent) break;
    }
    if (found === 0) return -2;
  }
  return pos;
}

/**
 * The best pattern for a verb spanning tokens [first, last), within the clause [lo, hi).
 *
 * @example bestPattern(ctx, family.patterns, 3, 4, 0, ctx.tokens.length)
 */
export function bestPattern(
  ctx: MatchContext,
  patterns: readonly VerbPattern[],
  first: number,
  last: number,
  lo: number,
  hi: number,
): PatternMatch | undefined {
  let best: PatternMatch | undefined;
  for (const pattern of patterns) {
    if (best && pattern.weight <= best.pattern.weight) continue;
    const bound: number[] = [];
    if (matchSide(ctx, pattern.before, first - 1, lo, false, bound) === -2) continue;
    const end = matchSide(ctx, pattern.after, last, hi, true, bound);
    if (end === -2) continue;
    const source = bound.find((b) => b >= 0);
    const target = bound.find((b) => b < 0);
    best = { pattern, source, target: target === undefined ? undefined : -1 - target, end };
  }
  return best;
}
