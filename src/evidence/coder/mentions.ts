/**
 * Actor recognition over a tokenised sentence: longest dictionary matches for actors and agents,
 * merged into noun-phrase mentions ("Pakistani troops" → PAKMIL, "the foreign minister of India"
 * → INDGOV, "Russian President Putin" → the person's dated code), then compounds joined by
 * "and" or commas ("Russia and China", "Russia, the awful China and good India") grouped so each
 * member gets its own event. After the conjunction an article and up to two modifier words may
 * precede the next member; a modifier is a word that is not a verb form of the dictionary, a
 * preposition or a pronoun (the shallow stand-in for a noun-phrase chunker). An agent joined to
 * its actor by "in"/"from" distributes over a compound of bare states that follows ("officials
 * from India and Pakistan" → INDGOV, PAKGOV).
 */
import type { ActorEntry } from './actors.js';
import type { AgentEntry } from './agents.js';
import { codeOn } from './dates.js';
import type { PhraseTrie } from './phrase-trie.js';
import type { Token } from './text.js';

/** One actor noun phrase (or a compound of several) over tokens [first, last). */
export interface ActorGroup {
  readonly first: number;
  readonly last: number;
  readonly codes: string[];
  /** Token span [first, last) of each code's own mention, parallel to `codes`. */
  readonly spans: [number, number][];
}

interface Span {
  first: number;
  last: number;
  actor?: string;
  agent?: string;
}

const JOINERS = new Set(["'S", 'OF', 'THE', "'"]);

function rawSpans(
  tokens: readonly Token[],
  actors: PhraseTrie<ActorEntry>,
  agents: PhraseTrie<AgentEntry>,
  date: number | undefined,
): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const a = actors.match(tokens, i);
    const g = agents.match(tokens, i);
    if (a && (!g || a.length >= g.length)) {
      const code = codeOn(a.value.codes, date);
      // A `[---]` entry ("INDIAN OCEAN") blocks the shorter actor inside it.
      if (code !== undefined && !code.startsWith('-'))
        spans.push({ first: i, last: i + a.length, actor: code });
      i += a.length;
    } else if (g) {
      spans.push({ first: i, last: i + g.length, agent: g.value.code });
      i += g.length;
    } else i++;
  }
  return spans;
}

// Spans merge when adjacent, or joined by "'s" / "of (the)" as in "the minister of India".
// An agent also takes its actor from a following "from"/"in" phrase ("soldiers from India").
function joinable(tokens: readonly Token[], left: Span, right: Span): boolean {
  if (right.first - left.last > 2) return false;
  const agentToActor = left.agent !== undefined && right.actor !== undefined;
  for (let k = left.last; k < right.first; k++) {
    const key = tokens[k]!.key;
    if (!JOINERS.has(key) && !(agentToActor && (key === 'FROM' || key === 'IN'))) return false;
  }
  return true;
}

/**
 * Letters of a code that name the actor before any role: three for a country, six for an
 * international or non-governmental organisation (CAMEO writes IGOUNO, NGOAMN), so "UN troops"
 * is IGOUNO + MIL as "Pakistani troops" is PAK + MIL.
 */
function rootLength(code: string): number {
  return code.length === 6 && /^(IGO|NGO)/.test(code) ? 6 : 3;
}

function codeOf(parts: readonly Span[]): string | undefined {
  const actors = parts.filter((p) => p.actor !== undefined).map((p) => p.actor!);
  // A role with no country ("the government", "insurgents") is PETRARCH's unknown actor `---`.
  if (actors.length === 0) {
    const agent = parts.find((p) => p.agent !== undefined)?.agent;
    return agent === undefined ? undefined : `---${agent}`;
  }
  const specific = actors.filter((c) => c.length > rootLength(c));
  if (specific.length > 0) return specific[specific.length - 1];
  const agent = parts.find((p) => p.agent !== undefined)?.agent;
  return agent ? actors[0]!.replace(/(?=\/)|$/g, agent) : actors[0];
}

/**
 * Finds actor mentions and groups compounds; agents with no actor are no actor, but their
 * tokens are marked in `nouns` (they tell the verb finder what is a noun).
 */
export function findActorGroups(
  tokens: readonly Token[],
  actors: PhraseTrie<ActorEntry>,
  agents: PhraseTrie<AgentEntry>,
  date: number | undefined,
  nouns: Uint8Array,
  isVerb: (at: number) => boolean = () => false,
): ActorGroup[] {
  const spans = rawSpans(tokens, actors, agents, date);
  for (const sp of spans) nouns.fill(1, sp.first, sp.last);
  const mentions: ActorGroup[] = [];
  for (let k = 0; k < spans.length; ) {
    const parts = [spans[k]!];
    while (
      k + parts.length < spans.length &&
      joinable(tokens, parts[parts.length - 1]!, spans[k + parts.length]!)
    ) {
      parts.push(spans[k + parts.length]!);
    }
    k += parts.length;
    const code = codeOf(parts);
    const first = parts[0]!.first;
    const last = parts[parts.length - 1]!.last;
    const head = parts[0]!;
    const located =
      head.agent !== undefined &&
      parts.length > 1 &&
      parts[1]!.actor !== undefined &&
      parts[1]!.first > head.last
        ? head.agent
        : undefined;
    // "British activists": an actor word then its role, which an "and" before it may share.
    const role =
      parts.length === 2 &&
      head.actor !== undefined &&
      parts[1]!.agent !== undefined &&
      code === `${head.actor}${parts[1]!.agent}`
        ? parts[1]!.agent
        : undefined;
    if (code && !(code.startsWith('---') && modifiesNext(tokens, last, isVerb)))
      mentions.push({
        first,
        last,
        codes: code.split('/'),
        spans: code.split('/').map(() => [first, last]),
        ...(located && { located }),
        ...(role && { role }),
      });
  }
  return compounds(tokens, mentions, isVerb);
}

function compounds(
  tokens: readonly Token[],
  mentions: (ActorGroup & { located?: string; role?: string })[],
  isVerb: (at: number) => boolean,
): ActorGroup[] {
  const out: (ActorGroup & { located?: string })[] = [];
  for (const m0 of mentions) {
    let prev = out[out.length - 1];
    const joined = prev !== undefined && isConjunction(tokens, prev.last, m0.first, isVerb);
    // "US and British activists": a bare state joined by a plain "and" shares the role.
    if (
      prev &&
      joined &&
      m0.role &&
      m0.first === prev.last + 1 &&
      tokens[prev.last]!.key === 'AND' &&
      prev.codes.every((c) => c.length === 3)
    ) {
      const role = m0.role;
      prev = { ...prev, codes: prev.codes.map((c) => `${c}${role}`) };
    }
    // "officials in Fornost and Gondor": the agent of the first member goes with the bare states.
    const located = joined ? prev?.located : undefined;
    const m =
      located && m0.codes.every((c) => c.length === 3)
        ? { ...m0, codes: m0.codes.map((c) => `${c}${located}`) }
        : m0;
    if (prev && joined) {
      const before = prev;
      const fresh = m.codes
        .map((c, i) => [c, m.spans[i]!] as const)
        .filter(([c]) => !before.codes.includes(c));
      out[out.length - 1] = {
        first: before.first,
        last: m.last,
        codes: [...before.codes, ...fresh.map(([c]) => c)],
        spans: [...before.spans, ...fresh.map(([, sp]) => sp)],
        ...(before.located && { located: before.located }),
      };
    } else out.push(m);
  }
  return out.map(({ located: _located, ...g }) => g);
}

const ARTICLES = new Set(['THE', 'A', 'AN']);
/** Words that may follow the head of a noun phrase (so the word before them can be a head). */
const AFTER_HEAD = new Set([
  'IS',
  'ARE',
  'WAS',
  'WERE',
  'BE',
  'BEEN',
  'HAS',
  'HAVE',
  'HAD',
  'WILL',
  'WOULD',
  'CAN',
  'COULD',
  'MAY',
  'MIGHT',
  'SHALL',
  'SHOULD',
  'MUST',
  'DO',
  'DOES',
  'DID',
  "'S",
  'AND',
  'OR',
  'BUT',
  'NOR',
  'THAT',
  'WHICH',
  'WHO',
  'WHOM',
  'WHOSE',
  'AS',
  'THAN',
  'ALSO',
  'THEN',
  'NOW',
  'HAVE',
]);

// A role word with no country ahead of another word ("military support", "military exercises")
// modifies that word: it is not an actor of its own.
function modifiesNext(tokens: readonly Token[], last: number, isVerb: (at: number) => boolean): boolean {
  const next = tokens[last]?.key;
  if (next === undefined || !/^[A-Z][A-Z-]*$/.test(next)) return false;
  if (AFTER_HEAD.has(next) || NOT_MODIFIERS.has(next) || next.endsWith('LY')) return false;
  return !isVerb(last);
}
/** Words that end a noun phrase rather than modify the next one. */
const NOT_MODIFIERS = new Set([
  'AND',
  'OR',
  'BUT',
  'NOR',
  'THAT',
  'WHICH',
  'WHO',
  'WHOM',
  'WHOSE',
  'WHILE',
  'AS',
  'IF',
  'IT',
  'HE',
  'SHE',
  'THEY',
  'WE',
  'I',
  'YOU',
  'ITS',
  'HIS',
  'HER',
  'THEIR',
  'THEM',
  'HIM',
  'IN',
  'AT',
  'ON',
  'WITH',
  'TO',
  'FROM',
  'FOR',
  'BY',
  'INTO',
  'AGAINST',
  'OVER',
  'ABOUT',
  'AFTER',
  'BEFORE',
  'BETWEEN',
  'AMONG',
  'DURING',
  'UNDER',
  'THROUGH',
  'OF',
  'NOT',
  "N'T",
]);
const MAX_MODIFIERS = 2;

// Between two members: "and" or commas (at least one), then an optional article, then up to two
// modifiers ("and the evil awful Gondor", ", and good Gondor").
function isConjunction(
  tokens: readonly Token[],
  from: number,
  to: number,
  isVerb: (at: number) => boolean,
): boolean {
  let k = from;
  let joins = 0;
  while (k < to && (tokens[k]!.key === 'AND' || tokens[k]!.key === ',')) {
    joins++;
    k++;
  }
  if (joins === 0 || joins > 2) return false;
  const and = tokens.slice(from, k).some((t) => t.key === 'AND');
  if (k < to && ARTICLES.has(tokens[k]!.key)) k++;
  if (to - k > MAX_MODIFIERS) return false;
  if (!and && !andFollows(tokens, to, isVerb)) return false;
  for (; k < to; k++) {
    const key = tokens[k]!.key;
    if (!/^[A-Z][A-Z-]*$/.test(key) || NOT_MODIFIERS.has(key) || isVerb(k)) return false;
  }
  return true;
}

// A comma starts a list only if an "and" closes it before the verb
// ("Mordor, the awful Fornost, and Gondor"); otherwise it is an apposition ("the US commander,
// General Petraeus").
function andFollows(tokens: readonly Token[], from: number, isVerb: (at: number) => boolean): boolean {
  for (let k = from; k < tokens.length && !isVerb(k); k++) {
    const key = tokens[k]!.key;
    if (key === 'AND') return true;
    if (key === '.' || key === ';' || key === ':') return false;
  }
  return false;
}
