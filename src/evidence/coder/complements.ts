/**
 * Reported speech: a statement verb ("say", "announce", "tell") followed by a clause with its
 * own subject and verb ("said (that) Iraq had attacked", "says it will help") reports that
 * clause's event; the statement verb is not the event, and its patterns may not take their
 * words from the reported clause ("said they will attack" is not "reported an attack").
 * PETRARCH2 codes such pairs as one nested verb phrase, the lower verb's event attributed to
 * its own subject (Norris, Schrodt & Beieler 2017, JOSS 2(9), "verb phrase nesting"; the
 * TRANSFORMATIONS section of CAMEO.2.0.txt); CAMEO reserves 01 for statements that report no
 * other event (Schrodt 2012, CAMEO Conflict and Mediation Event Observations Codebook, 01).
 * An accusation verb ("claimed that ISIL had attacked") is the event instead, aimed at the
 * reported clause's subject, as PETRARCH2's `a (b . ATTACK) CLAIM = a b 112` codes it.
 */
import type { ActorGroup } from './mentions.js';
import type { Sentence } from './text.js';

/** Options: which words open a clause and which stand in for its subject. */
export interface ComplementOptions {
  /** Complementisers that may open the reported clause. */
  readonly openers: ReadonlySet<string>;
  /** Pronouns that may be the reported clause's subject. */
  readonly pronouns: ReadonlySet<string>;
  /** The CAMEO root of statement verbs. */
  readonly statementRoot: string;
  /** The CAMEO root of accusation verbs. */
  readonly accusationRoot: string;
  /** Words an adjunct may take between the verb and `that` ("said in a statement that"). */
  readonly maxGap: number;
}

export const COMPLEMENT_DEFAULTS: Readonly<ComplementOptions> = Object.freeze({
  openers: new Set(['THAT']),
  pronouns: new Set(['HE', 'SHE', 'IT', 'THEY', 'WE', 'I', 'YOU', 'THIS', 'THERE']),
  statementRoot: '01',
  accusationRoot: '11',
  maxGap: 8,
});

/** Whether a verb family's default code is a plain statement (CAMEO 01x). */
export function isStatement(code: { readonly code: string } | null, options = COMPLEMENT_DEFAULTS): boolean {
  return code?.code.startsWith(options.statementRoot) ?? false;
}

/** Whether a verb family's default code is an accusation (CAMEO 11x). */
export function isAccusation(code: { readonly code: string } | null, options = COMPLEMENT_DEFAULTS): boolean {
  return code?.code.startsWith(options.accusationRoot) ?? false;
}

/** A reported clause: the index of its verb and of its subject's actor group (−1 for a pronoun). */
export interface ReportedClause {
  readonly verb: number;
  readonly subject: number;
}

/**
 * Where the reported clause after a verb ending at token `after` has its verb: `that` (an
 * adjunct apart), then a subject (an actor group or a pronoun), then a verb or auxiliary;
 * undefined when no clause follows.
 *
 * @example reportedClause(s, groups, 2, isVerb) // "Russia said Iraq had attacked": { verb: 3, subject: 1 }
 */
export function reportedClause(
  s: Sentence,
  groups: readonly ActorGroup[],
  after: number,
  isVerbOrAux: (i: number) => boolean,
  options = COMPLEMENT_DEFAULTS,
): ReportedClause | undefined {
  let k = after;
  const gap = Math.min(s.tokens.length, after + options.maxGap);
  for (let j = after; j < gap && !isVerbOrAux(j) && !/^[,;:]$/.test(s.tokens[j]!.key); j++)
    if (options.openers.has(s.tokens[j]!.key)) {
      k = j + 1;
      break;
    }
  const subject = groups.findIndex((g) => g.first === k || (g.first === k + 1 && s.tokens[k]!.key === 'THE'));
  if (subject >= 0) k = groups[subject]!.last;
  else if (options.pronouns.has(s.tokens[k]?.key ?? '')) k++;
  else return undefined;
  return k < s.tokens.length && isVerbOrAux(k) ? { verb: k, subject } : undefined;
}
