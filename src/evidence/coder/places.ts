/**
 * A place is not an actor that acts back. A visit code pair such as `[042:043]` (make a visit /
 * host a visit) names a reverse event in which the target hosts the source; CAMEO's 043 needs
 * a host, so when the target is only where something else happens, it is not coded: the target
 * is the locative object of a noun ("a summit in Switzerland"; but "arrived in Gondor", the
 * verb's own, names the host) or a noun's modifier ("the Beijing Olympics", "a Moscow summit"). CAMEO codebook 042/043 (Schrodt 2012, CAMEO Conflict
 * and Mediation Event Observations Codebook v1.1b3); PETRARCH2 codes the reverse only for a
 * target noun phrase that heads the verb's object (Norris, Schrodt & Beieler 2017, JOSS 2(9)).
 */
import type { ActorGroup } from './mentions.js';
import type { Sentence } from './text.js';

/** Options: words that mark a place and words that may follow an actor that heads its phrase. */
export interface PlaceOptions {
  /** Prepositions whose object is a location. */
  readonly locative: ReadonlySet<string>;
  /** Words after an actor that do not make it a modifier (time words, conjunctions). */
  readonly phraseEnders: ReadonlySet<string>;
}

export const PLACE_DEFAULTS: Readonly<PlaceOptions> = Object.freeze({
  locative: new Set(['IN', 'AT', 'NEAR', 'INSIDE', 'ACROSS', 'THROUGHOUT', 'WITHIN']),
  phraseEnders: new Set([
    ...['AND', 'OR', 'NOR', 'BUT', 'THEN', 'TO', 'ON', 'IN', 'AT', 'FOR', 'WITH', 'FROM', 'BY', 'OF'],
    ...['AFTER', 'BEFORE', 'DURING', 'SINCE', 'UNTIL', 'AS', 'WHEN', 'WHILE', 'AMID', 'OVER', 'LAST'],
    ...['NEXT', 'THIS', 'TODAY', 'YESTERDAY', 'TOMORROW', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'],
    ...['FRIDAY', 'SATURDAY', 'SUNDAY', 'EARLY', 'LATE', 'AGAIN', 'WHERE', 'WHICH', 'WHO', 'THAT'],
  ]),
});

/**
 * Whether actor group `g`, an object of the verb ending at token `verbEnd`, is only a place:
 * after a locative preposition (an article apart) that does not follow the verb directly, or a
 * modifier of the word after it. `isVerb(i)` says token i is a verb.
 *
 * @example isPlace(s, group, 4, isVerb) // true for "Beijing" in "attended the Beijing Olympics"
 */
export function isPlace(
  s: Sentence,
  g: ActorGroup,
  verbEnd: number,
  isVerb: (i: number) => boolean,
  options = PLACE_DEFAULTS,
): boolean {
  let p = g.first - 1;
  if (p >= 0 && s.tokens[p]!.key === 'THE') p--;
  if (p > verbEnd && options.locative.has(s.tokens[p]!.key)) return true;
  const next = s.tokens[g.last]?.key;
  return next !== undefined && /^[A-Z]+$/.test(next) && !options.phraseEnders.has(next) && !isVerb(g.last);
}
