/**
 * Actor recognition over a tokenised sentence: longest dictionary matches for actors and agents,
 * merged into noun-phrase mentions ("Pakistani troops" → PAKMIL, "the foreign minister of India"
 * → INDGOV, "Russian President Putin" → the person's dated code), then compounds joined by
 * "and" or commas ("Russia and China") grouped so each member gets its own event.
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

function codeOf(parts: readonly Span[]): string | undefined {
  const actors = parts.filter((p) => p.actor !== undefined).map((p) => p.actor!);
  if (actors.length === 0) return undefined;
  const specific = actors.filter((c) => c.length > 3);
  if (specific.length > 0) return specific[specific.length - 1];
  const agent = parts.find((p) => p.agent !== undefined)?.agent;
  return agent ? `${actors[0]}${agent}` : actors[0];
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
    if (code) mentions.push({ first, last, codes: [code], spans: [[first, last]] });
  }
  return compounds(tokens, mentions);
}

function compounds(tokens: readonly Token[], mentions: ActorGroup[]): ActorGroup[] {
  const out: ActorGroup[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && isConjunction(tokens, prev.last, m.first)) {
      const fresh = m.codes.map((c, i) => [c, m.spans[i]!] as const).filter(([c]) => !prev.codes.includes(c));
      out[out.length - 1] = {
        first: prev.first,
        last: m.last,
        codes: [...prev.codes, ...fresh.map(([c]) => c)],
        spans: [...prev.spans, ...fresh.map(([, sp]) => sp)],
      };
    } else out.push(m);
  }
  return out;
}

function isConjunction(tokens: readonly Token[], from: number, to: number): boolean {
  const between = tokens.slice(from, to).map((t) => t.key);
  if (between.length === 0 || between.length > 3) return false;
  return (
    between.every((k) => k === 'AND' || k === ',' || k === 'THE') &&
    between.some((k) => k === 'AND' || k === ',')
  );
}
