/**
 * The event coder: for each sentence, actor groups and verbs are found from the dictionaries;
 * each verb's best pattern (or its default code) gives the CAMEO code, the nearest actor group
 * before the verb in its clause is the source and the first after it the target (swapped for
 * passives, "was attacked by"). Negated verbs ("did not", "refused to") code nothing unless a
 * pattern names the negation. An event needs both a source and a target. The design follows
 * PETRARCH2 (Norris, Schrodt & Beieler 2017, "PETRARCH2: Another Event Coding Program", JOSS
 * 2(9)) on a shallow parse, as TABARI did (Schrodt 2009).
 */
import type { ActorEntry } from './actors.js';
import type { AgentEntry } from './agents.js';
import type { CameoScale } from './cameo-scale.js';
import { isAccusation, isStatement, reportedClause } from './complements.js';
import type { DiscardScope } from './discards.js';
import { type ActorGroup, findActorGroups } from './mentions.js';
import { bestPattern, type MatchContext } from './patterns.js';
import type { PhraseTrie } from './phrase-trie.js';
import { isPlace } from './places.js';
import { isReducedRelative } from './relatives.js';
import { adverbialClause } from './subordinate.js';
import { type Sentence, splitSentences } from './text.js';
import type { VerbCode, VerbDictionary, VerbEntry } from './verbs.js';

/** Everything the coder reads. */
export interface CoderDictionaries {
  readonly actors: PhraseTrie<ActorEntry>;
  readonly agents: PhraseTrie<AgentEntry>;
  readonly discards: PhraseTrie<DiscardScope>;
  readonly verbs: VerbDictionary;
  readonly scale: Map<string, CameoScale>;
}

/** One coded event, with its provenance in the document. */
export interface CodedEvent {
  readonly doc: string;
  /** The sentence's text. */
  readonly sentence: string;
  /** Character offsets of the sentence in the document. */
  readonly start: number;
  readonly end: number;
  readonly source: string;
  readonly target: string;
  readonly code: string;
  readonly goldstein: number | null;
  readonly quad: number | null;
  /** The verb as written. */
  readonly verb: string;
  /** The dictionary pattern that matched, or `*` for the verb's default code. */
  readonly pattern: string;
  /** Character offsets of the source phrase, target phrase and verb, for highlighting. */
  readonly marks: {
    readonly source: [number, number];
    readonly target: [number, number];
    readonly verb: [number, number];
  };
}

/** Counts of what the coder skipped, returned beside the events. */
export interface CoderStats {
  sentences: number;
  discarded: number;
  negated: number;
  noActors: number;
  /** Sentences longer than `maxTokens`, skipped. */
  tooLong: number;
}

/** Coder options. */
export interface CoderOptions {
  /** Date of the text as YYYYMMDD, for date-restricted dictionary codes. */
  readonly date?: number;
  /** Tokens searched beyond the verb for its target and pattern words. */
  readonly window: number;
  /** Longer sentences (a table, a run-on line) are skipped and counted, not coded. */
  readonly maxTokens: number;
  /**
   * PETRARCH's `require_dyad`: an event needs both a source and a target. When false, a verb
   * with a source and no target is coded with the unknown actor `---` as the target.
   */
  readonly requireDyad: boolean;
}

export const CODER_DEFAULTS: Readonly<CoderOptions> = Object.freeze({
  window: 30,
  maxTokens: 400,
  requireDyad: true,
});

const BOUNDARY = new Set([
  ';',
  ':',
  'WHILE',
  'WHEREAS',
  'ALTHOUGH',
  'BUT',
  'HOWEVER',
  'WHICH',
  'WHO',
  '(',
  ')',
]);
const ARTICLES = new Set(['THE', 'A', 'AN']);
const NEGATION = new Set(['NOT', "N'T", 'NEVER', 'NO']);
const REFUSAL = new Set([
  'REFUSED',
  'REFUSE',
  'REFUSES',
  'FAILED',
  'FAIL',
  'FAILS',
  'DECLINED',
  'DECLINE',
  'DECLINES',
]);
const BE = new Set(['IS', 'ARE', 'WAS', 'WERE', 'BE', 'BEEN', 'BEING', "'S"]);
const PREPOSITIONS = new Set([
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
  'NEAR',
  'OVER',
  'ABOUT',
  'AFTER',
  'BEFORE',
  'BETWEEN',
  'AMONG',
  'DURING',
  'UNDER',
  'THROUGH',
  'TOWARD',
  'TOWARDS',
  'ACROSS',
  'WITHIN',
  'WITHOUT',
  'VIA',
  'DESPITE',
  'AMID',
  'UPON',
  'LIKE',
  'THAN',
]);

interface VerbHit {
  first: number;
  last: number;
  entry: VerbEntry;
}

function context(
  tokens: Sentence['tokens'],
  groups: ActorGroup[],
  synsets: Map<string, string[][]>,
): MatchContext {
  const groupStart = new Int32Array(tokens.length).fill(-1);
  const groupEnd = new Int32Array(tokens.length).fill(-1);
  groups.forEach((g, i) => {
    groupStart[g.first] = i;
    groupEnd[g.last - 1] = i;
    // "the Kremlin": a pattern's `+` may sit on the article.
    if (g.first > 0 && tokens[g.first - 1]!.key === 'THE') groupStart[g.first - 1] = i;
  });
  return { tokens, groups, groupStart, groupEnd, synsets };
}

const DETERMINERS = new Set([
  'THE',
  'A',
  'AN',
  'THIS',
  'THESE',
  'THOSE',
  'ITS',
  'HIS',
  'HER',
  'THEIR',
  'OUR',
  'MY',
  'YOUR',
  "'S",
  'OF',
  'ANY',
  'EACH',
  'SUCH',
  'EVERY',
  'ANOTHER',
  'OTHER',
  'SOME',
  'MANY',
  'SEVERAL',
  'NO',
]);
const AUX = new Set([
  ...BE,
  'HAS',
  'HAVE',
  'HAD',
  'WILL',
  'WOULD',
  'CAN',
  'CA',
  'COULD',
  'MAY',
  'MIGHT',
  'SHALL',
  'SHOULD',
  'MUST',
  'DO',
  'DOES',
  'DID',
  'TO',
]);

// Auxiliaries that show a clause's verb phrase has begun ("it has", "they will"), not "to" or a possessive.
const CLAUSE_AUX = new Set([...AUX].filter((w) => w !== 'TO' && w !== "'S"));

// A shallow stand-in for a tagger: verb forms that read as nouns or modifiers are not verbs.
function readsAsNoun(s: Sentence, i: number, inGroup: Uint8Array, base: string): boolean {
  const key = s.tokens[i]!.key;
  const prev = s.tokens[i - 1]?.key;
  if (prev !== undefined && DETERMINERS.has(prev)) return true;
  if (key.endsWith('ING')) {
    // "-ing" heads a verb phrase only after an auxiliary ("is attacking").
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (AUX.has(s.tokens[k]!.key)) return false;
    return true;
  }
  if (key.endsWith('ED')) return false;
  // "an air strike", "a decisive turn": determiner, modifier, bare form; "an 800 million ducat
  // trade protocol": a bare form after modifiers that open with a determiner or a number.
  let number = false;
  for (let k = i - 1; k >= Math.max(0, i - 4) && !inGroup[k]; k--) {
    const word = s.tokens[k]!.key;
    number ||= /^\d/.test(word);
    if (k < i - 1 && (DETERMINERS.has(word) || number)) return k === i - 2 || (number && key === base);
    if (!/^[A-Z0-9]+$/.test(word) || AUX.has(word) || PREPOSITIONS.has(word)) return false;
  }
  return false;
}

function findVerbs(s: Sentence, d: CoderDictionaries, inGroup: Uint8Array): VerbHit[] {
  const hits: VerbHit[] = [];
  for (let i = 0; i < s.tokens.length; ) {
    const m = inGroup[i] ? undefined : d.verbs.verbs.match(s.tokens, i);
    if (m && !readsAsNoun(s, i, inGroup, m.value.base.split(' ')[0]!)) {
      hits.push({ first: i, last: i + m.length, entry: m.value });
      i += m.length;
    } else i++;
  }
  // An auxiliary ("has", "was", "will") before a main verb, an adverb apart at most, heads the
  // same verb phrase as that verb: it is no verb of its own and no subject barrier.
  return hits.filter(
    (h, k) =>
      !(
        h.last - h.first === 1 &&
        AUX.has(s.tokens[h.first]!.key) &&
        (hits[k + 1]?.first ?? Infinity) <= h.last + 1
      ),
  );
}

/**
 * The verb that ends a verb's phrase: pattern words after a verb may name it ("asked Obama to
 * help", "claimed that they had attacked") but not reach past it ("said such a step enjoyed
 * support"). A verb form right after the verb, or after one modifier, with no auxiliary before
 * it, is the verb's object ("supply arms", "held talks", "conducting military exercises").
 */
function nextVerb(s: Sentence, hits: readonly VerbHit[], h: number): VerbHit | undefined {
  const hit = hits[h]!;
  for (let k = h + 1; k < hits.length; k++) {
    const next = hits[k]!;
    if (next.first > hit.last + 1 || AUX.has(s.tokens[next.first - 1]!.key)) return next;
  }
  return undefined;
}

// "-ED" and irregular forms are past; "-S" and "-ING" forms coordinate only with their like.
const inflection = (key: string) => /(S|ING)$/.exec(key)?.[1] ?? 'PAST';

/**
 * Whether hit `h` follows "and" (auxiliaries apart) in the form of the verb before it:
 * "condemned the attack and promised aid", "will meet … and visit"; not "announced asset
 * freezes and bans", where the second is a noun.
 */
function coordinated(s: Sentence, hits: readonly VerbHit[], h: number): boolean {
  let k = hits[h]!.first - 1;
  while (k > 0 && AUX.has(s.tokens[k]!.key) && s.tokens[k]!.key !== 'TO') k--;
  const prev = hits[h - 1];
  return (
    s.tokens[k]?.key === 'AND' &&
    prev !== undefined &&
    inflection(s.tokens[prev.first]!.key) === inflection(s.tokens[hits[h]!.first]!.key)
  );
}

function clauseStart(s: Sentence, from: number): number {
  let k = from;
  while (k > 0 && !BOUNDARY.has(s.tokens[k - 1]!.key)) k--;
  return k;
}

function clauseEnd(s: Sentence, from: number, window: number): number {
  const hi = Math.min(s.tokens.length, from + window);
  let k = from;
  while (k < hi && !BOUNDARY.has(s.tokens[k]!.key)) k++;
  return k;
}

// The subject of a verb lies after the previous verb, unless this one is its infinitive
// complement ("prepared to attend"), which shares the subject.
function verbBarrier(s: Sentence, hits: readonly VerbHit[], h: number): number {
  let k = h;
  while (k > 0 && s.tokens[hits[k]!.first - 1]?.key === 'TO' && hits[k - 1]!.last >= hits[k]!.first - 2) k--;
  return k > 0 ? hits[k - 1]!.last : 0;
}

function isNegated(s: Sentence, first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    const key = s.tokens[k]!.key;
    if (NEGATION.has(key)) return true;
    if (key === 'TO' && k > 0 && REFUSAL.has(s.tokens[k - 1]!.key)) return true;
  }
  return false;
}

function isPassive(s: Sentence, hit: VerbHit): boolean {
  if (!hit.entry.participle) return false;
  for (let k = hit.first - 1; k >= Math.max(0, hit.first - 3); k--) {
    const key = s.tokens[k]!.key;
    // "'s" is "is" only right before the participle or "been"; else a possessive ("Ithilen's militia vowed")
    if (key === "'S" && k < hit.first - 1 && s.tokens[k + 1]!.key !== 'BEEN') continue;
    if (BE.has(key)) return true;
  }
  return false;
}

// The subject: nearest group before the verb in its clause that is not a prepositional object.
function subjectOf(s: Sentence, groups: ActorGroup[], before: number, lo: number): number {
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group.last > before) continue;
    if (group.first < lo) return -1;
    let p = group.first - 1;
    if (p >= 0 && s.tokens[p]!.key === 'THE') p--;
    if (p < 0 || !PREPOSITIONS.has(s.tokens[p]!.key)) return g;
  }
  return -1;
}

const isCapitalised = (s: Sentence, i: number) => /[A-Z]/.test(s.text[s.tokens[i]!.start - s.start] ?? '');

/**
 * Where a new clause starts after a comma: an actor directly followed by a verb (", the official
 * news agency said", ", Palestinian officials said") is that verb's subject, so the object of an
 * earlier verb is not looked for beyond the comma.
 */
function newClauses(s: Sentence, groups: readonly ActorGroup[], hits: readonly VerbHit[]): number[] {
  const cuts: number[] = [];
  for (const g of groups) {
    let p = g.first - 1;
    if (p >= 0 && ARTICLES.has(s.tokens[p]!.key)) p--;
    if (p < 0 || s.tokens[p]!.key !== ',') continue;
    // a name the dictionaries lack may stand between ("US Deputy Secretary of Energy Jeffrey Kupfer said")
    let v = g.last;
    while (
      v < Math.min(s.tokens.length, g.last + 4) &&
      isCapitalised(s, v) &&
      !hits.some((x) => x.first === v)
    )
      v++;
    if (hits.some((x) => x.first === v)) cuts.push(p);
  }
  return cuts;
}

const unknown = (g: ActorGroup) => g.codes.every((c) => c.startsWith('---'));

// The object: the first actor after the verb; a role with no country ("the military") only when
// no actor with a country follows in the clause ("exercises in Alaska").
function firstGroupIn(groups: ActorGroup[], from: number, hi: number, skip: number): number {
  let fallback = -1;
  for (let g = 0; g < groups.length; g++) {
    if (g === skip || groups[g]!.first < from || groups[g]!.first >= hi) continue;
    if (!unknown(groups[g]!)) return g;
    if (fallback < 0) fallback = g;
  }
  return fallback;
}

function byAgent(s: Sentence, groups: ActorGroup[], from: number, hi: number): number {
  for (let k = from; k < hi - 1; k++) {
    if (s.tokens[k]!.key !== 'BY') continue;
    // "by Russia", "by the Kremlin", "by a Ukrainian protester"
    const g = groups.findIndex(
      (x) => x.first === k + 1 || (x.first === k + 2 && ARTICLES.has(s.tokens[k + 1]!.key)),
    );
    if (g >= 0) return g;
  }
  return -1;
}

/** Codes one sentence; `doc` is the whole document text. */
export function codeSentence(
  doc: string,
  docId: string,
  s: Sentence,
  d: CoderDictionaries,
  stats: CoderStats,
  options: CoderOptions,
): CodedEvent[] {
  const inGroup = new Uint8Array(s.tokens.length);
  const groups = findActorGroups(
    s.tokens,
    d.actors,
    d.agents,
    options.date,
    inGroup,
    (at) => d.verbs.verbs.match(s.tokens, at) !== undefined,
  );
  if (groups.length < (options.requireDyad ? 2 : 1) && !groups.some((g) => g.codes.length > 1)) {
    stats.noActors++;
    return [];
  }
  const ctx = context(s.tokens, groups, d.verbs.synsets);
  const events: CodedEvent[] = [];
  const seen = new Set<string>();
  // "the envoys expelled in May were allowed back": a participle modifying a noun is no event.
  const hits = findVerbs(s, d, inGroup).filter(
    (x) => !x.entry.participle || !isReducedRelative(s, groups, x.first, x.last),
  );
  let consumed = 0;
  let lastSubject = -1;
  const cuts = newClauses(s, groups, hits);
  const actorAt = (i: number) => i < s.tokens.length && groups[ctx.groupStart[i]!]?.first === i;
  const opensSubject = (i: number) => actorAt(i) || actorAt(i + 1) || actorAt(i + 2);
  const verbStart = new Uint8Array(s.tokens.length);
  for (const x of hits) verbStart[x.first] = 1;
  const verbAt = (i: number) => verbStart[i] === 1 || CLAUSE_AUX.has(s.tokens[i]!.key);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!;
    const shared = lastSubject;
    lastSubject = -1;
    if (hit.first < consumed) continue;
    // "said (that) Iraq had attacked": the reported clause's verb codes the event, not "said".
    const own = hit.entry.code !== undefined ? hit.entry.code : hit.entry.family.code;
    const clause = own ? reportedClause(s, groups, hit.last, verbAt) : undefined;
    if (clause && isStatement(own)) continue;
    // "claimed that ISIL had attacked": the claim accuses the clause's subject, whose act it reports.
    const accused = clause && clause.subject >= 0 && isAccusation(own) ? clause.subject : -1;
    const lo = Math.max(clauseStart(s, hit.first), verbBarrier(s, hits, h));
    const hi = Math.min(clauseEnd(s, hit.last, options.window), cuts.find((c) => c >= hit.last) ?? Infinity);
    const reach = Math.min(hi, nextVerb(s, hits, h)?.last ?? hi);
    const match =
      accused >= 0 ? undefined : bestPattern(ctx, hit.entry.family.patterns, hit.first, hit.last, lo, reach);
    if (match && match.end > hit.last) consumed = match.end;
    // the reported verb is the accusation's content, not an event of its own
    if (accused >= 0) consumed = hits.find((x) => x.first >= clause!.verb)?.last ?? clause!.verb + 1;
    // Without pattern words after the verb, its object lies before the next verb and before an
    // adverbial clause's subject ("protested after Ukraine shelled").
    const objectEnd =
      match && match.end > hit.last
        ? hi
        : adverbialClause(s, hit.last, Math.min(hi, hits[h + 1]?.first ?? hi), opensSubject);
    const code: VerbCode | null | undefined = match
      ? match.pattern.code
      : hit.entry.code !== undefined
        ? hit.entry.code
        : hit.entry.family.code;
    if (!code) continue;
    if (!match && isNegated(s, hit.first)) {
      stats.negated++;
      continue;
    }
    let source = match?.source ?? -1;
    let target = match?.target ?? accused;
    if (isPassive(s, hit) && source < 0) {
      // "X was attacked (by Y)": X is the target; without a "by" agent there is no source.
      const agent = byAgent(s, groups, hit.last, objectEnd);
      if (agent < 0) continue;
      source = agent;
      if (target < 0) target = subjectOf(s, groups, hit.first, lo);
    }
    // "X condemned the attack and promised aid": a verb coordinated with the one before shares its subject.
    if (source < 0 && shared >= 0 && coordinated(s, hits, h)) source = shared;
    if (source < 0) source = subjectOf(s, groups, hit.first, lo);
    if (target < 0) target = firstGroupIn(groups, hit.last, objectEnd, source);
    lastSubject = source;
    const verb: [number, number] = [s.tokens[hit.first]!.start, s.tokens[hit.last - 1]!.end];
    // A compound subject with no object acts among its members ("A and B met").
    if (source >= 0 && target < 0 && groups[source]!.codes.length > 1) target = source;
    // Without require_dyad an actor's statement or act with no one on the receiving end is still an event.
    if (source < 0 || (target < 0 && options.requireDyad)) continue;
    const emit = (a: ActorGroup, b: ActorGroup, c: string) => {
      a.codes.forEach((src, ai) => {
        b.codes.forEach((tgt, bi) => {
          const key = `${src}|${tgt}|${c}`;
          const oneSided = a === NOBODY || b === NOBODY;
          if (src === tgt || seen.has(key) || (!oneSided && src.startsWith('---') && tgt.startsWith('---')))
            return;
          seen.add(key);
          const scale = d.scale.get(c);
          events.push({
            doc: docId,
            sentence: s.text,
            start: s.start,
            end: s.end,
            source: src,
            target: tgt,
            code: c,
            goldstein: scale?.goldstein ?? null,
            quad: scale?.quad ?? null,
            verb: doc.slice(verb[0], verb[1]),
            pattern: match
              ? `${hit.entry.family.name}: ${match.pattern.text}`
              : `${hit.entry.family.name}: *`,
            marks: {
              source: a === NOBODY ? verb : span(s, a.spans[ai]!),
              target: b === NOBODY ? verb : span(s, b.spans[bi]!),
              verb,
            },
          });
        });
      });
    };
    const a = groups[source] ?? NOBODY;
    const b = groups[target] ?? NOBODY;
    emit(a, b, code.code);
    // "attended the Beijing Olympics": a place hosts no one.
    if (code.reverse && source !== target && !(b !== NOBODY && isPlace(s, b, hit.last, verbAt)))
      emit(b, a, code.reverse);
  }
  return events;
}

// The missing side of a one-sided event (require_dyad off); its mark is the verb's.
const NOBODY: ActorGroup = Object.freeze({ first: -1, last: -1, codes: ['---'], spans: [] });

function span(s: Sentence, [first, last]: [number, number]): [number, number] {
  return [s.tokens[first]!.start, s.tokens[last - 1]!.end];
}

function discardScope(s: Sentence, d: CoderDictionaries): DiscardScope | undefined {
  let scope: DiscardScope | undefined;
  for (let i = 0; i < s.tokens.length; i++) {
    const m = d.discards.match(s.tokens, i);
    if (m?.value === 'story') return 'story';
    if (m) scope = 'sentence';
  }
  return scope;
}

/**
 * Codes a document: events in sentence order, and counts of what was skipped.
 *
 * @example codeDocument('Russia condemned Ukraine.', 'doc1', dictionaries).events[0]?.code
 */
export function codeDocument(
  doc: string,
  docId: string,
  d: CoderDictionaries,
  options: Partial<CoderOptions> = {},
): { events: CodedEvent[]; stats: CoderStats } {
  const opts = { ...CODER_DEFAULTS, ...options };
  const stats: CoderStats = { sentences: 0, discarded: 0, negated: 0, noActors: 0, tooLong: 0 };
  const sentences = splitSentences(doc);
  stats.sentences = sentences.length;
  const scopes = sentences.map((s) => discardScope(s, d));
  if (scopes.includes('story')) {
    stats.discarded = sentences.length;
    return { events: [], stats };
  }
  const events: CodedEvent[] = [];
  sentences.forEach((s, i) => {
    if (scopes[i]) stats.discarded++;
    else if (s.tokens.length > opts.maxTokens) stats.tooLong++;
    else events.push(...codeSentence(doc, docId, s, d, stats, opts));
  });
  return { events, stats };
}
