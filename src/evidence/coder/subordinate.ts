/**
 * Adverbial clauses: a subordinator ("after", "because", "when") after a verb opens a clause
 * with its own subject and verb ("protested after Ukraine shelled the town"); that subject is
 * not the first verb's object, so a verb with no pattern words takes its object only before
 * the subordinator. PETRARCH2 reads objects inside the verb's own phrase, and an SBAR is not
 * part of it (Norris, Schrodt & Beieler 2017, JOSS 2(9)); TABARI likewise ended a clause at a
 * subordinating conjunction (Schrodt 2009, TABARI Programming and Reference Manual, 4.2).
 */
import type { Sentence } from './text.js';

/** Options: the subordinators that open an adverbial clause. */
export interface SubordinateOptions {
  readonly subordinators: ReadonlySet<string>;
}

export const SUBORDINATE_DEFAULTS: Readonly<SubordinateOptions> = Object.freeze({
  subordinators: new Set([
    ...['AFTER', 'BEFORE', 'SINCE', 'WHEN', 'WHENEVER', 'BECAUSE', 'IF', 'UNLESS', 'UNTIL'],
    ...['ONCE', 'WHILE', 'THOUGH', 'ALTHOUGH', 'WHEREAS'],
  ]),
});

/**
 * The first token in [from, hi) that opens an adverbial clause whose subject follows at once
 * (`isSubject(i)`: an actor starts at i, an article apart), else `hi`.
 *
 * @example adverbialClause(s, 2, 9, isActor) // "protested after Ukraine shelled": the index of "after"
 */
export function adverbialClause(
  s: Sentence,
  from: number,
  hi: number,
  isSubject: (i: number) => boolean,
  options = SUBORDINATE_DEFAULTS,
): number {
  for (let k = from; k < hi; k++)
    if (options.subordinators.has(s.tokens[k]!.key) && isSubject(k + 1)) return k;
  return hi;
}
