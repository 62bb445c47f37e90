/**
 * Reduced relative clauses: a past participle right after a noun phrase, with no auxiliary,
 * can modify that noun ("the prisoners freed by the army", "the envoys expelled last year
 * were allowed back") rather than be the sentence's verb. It is read as a modifier when a "by"
 * agent follows it at once, or when the noun phrase goes on to a finite auxiliary of its own
 * later in the clause ("were", "has") with no conjunction, subordinator, comma or other actor between (an
 * actor in a prepositional phrase apart: "imprisoned for acting against Moscow were freed"). Such a participle codes no event
 * and is no barrier to the main verb's subject. PETRARCH2 codes only verbs that head a verb
 * phrase in the parse, so a participle inside a noun phrase is never an event (Norris, Schrodt
 * & Beieler 2017, JOSS 2(9); the PETRARCH2 documentation, "Verb phrases").
 */
import type { ActorGroup } from './mentions.js';
import type { Sentence } from './text.js';

/** Options: which words mark the next verb phrase and which end the search for it. */
export interface RelativeOptions {
  /** Finite auxiliaries that show the noun phrase's own verb ("were", "has", "will"). */
  readonly finite: ReadonlySet<string>;
  /** Words that end the clause the noun phrase is subject of. */
  readonly stops: ReadonlySet<string>;
  /** The agent preposition of a passive participle. */
  readonly agentWord: string;
  /** Prepositions whose actor object stays inside the noun phrase's modifier. */
  readonly prepositions: ReadonlySet<string>;
}

export const RELATIVE_DEFAULTS: Readonly<RelativeOptions> = Object.freeze({
  finite: new Set(['IS', 'ARE', 'WAS', 'WERE', 'HAS', 'HAVE', 'HAD', 'WILL', 'WOULD', 'CAN', 'COULD', 'MAY']),
  stops: new Set([
    ...[',', ';', ':', '(', ')', 'AND', 'OR', 'BUT', 'WHILE', 'WHICH', 'WHO', 'THAT', 'SINCE', 'AFTER'],
    ...['BEFORE', 'WHEN', 'BECAUSE', 'AS', 'UNTIL', 'IF', 'THOUGH', 'ALTHOUGH', 'WHERE', 'ONCE'],
  ]),
  agentWord: 'BY',
  prepositions: new Set(['AGAINST', 'FOR', 'IN', 'AT', 'ON', 'FROM', 'TO', 'WITH', 'OVER', 'NEAR', 'OF']),
});

/**
 * Whether the participle at tokens [first, last) modifies the actor group that ends right
 * before it.
 *
 * @example isReducedRelative(s, groups, 2, 3) // "The envoys expelled in May were back"
 */
export function isReducedRelative(
  s: Sentence,
  groups: readonly ActorGroup[],
  first: number,
  last: number,
  options = RELATIVE_DEFAULTS,
): boolean {
  if (!groups.some((g) => g.last === first)) return false;
  if (s.tokens[last]?.key === options.agentWord) return true;
  for (let j = last; j < s.tokens.length; j++) {
    const key = s.tokens[j]!.key;
    if (options.stops.has(key)) return false;
    const inPhrase = options.prepositions.has(s.tokens[j - 1]?.key ?? '');
    if (!inPhrase && groups.some((g) => g.first === j || (g.first === j + 1 && key === 'THE'))) return false;
    if (options.finite.has(key)) return true;
  }
  return false;
}
