/**
 * Coded events → world file sections: every event of the English coder (src/evidence/coder/)
 * becomes a world event between the world's actors, cited by one evidence record that quotes the
 * sentence verbatim and gives the document and character offsets; every document becomes a
 * `document` source. The result is a world file fragment: written beside a world's files (or
 * merged into them) it validates and loads like the curated events.
 *
 * An actor code's first three letters are its country (CAMEO; Schrodt 2012, "CAMEO Conflict and
 * Mediation Event Observations Event and Actor Codebook", §actor codes), so `PAKGOV` → `PAK`.
 * Events whose countries the world does not hold, that code a state to itself, or whose code has
 * no Goldstein weight are skipped and counted. The dimension follows the CAMEO root (see
 * cameo-dimension.ts).
 */
import { basename } from 'node:path';
import { cameoDimension } from './cameo-dimension.js';
import type { CodedEvent } from './coder/coder.js';
import type { WorldFileInput } from './world-from-events.js';

export interface CodedEventsToWorldOptions {
  /** The date of the documents (YYYY-MM-DD): the events' date. */
  date: string;
  /** Prefix of the ids written (sources, evidence, events). */
  idPrefix: string;
  /** Grade of the document sources (unknown provenance: C, fairly reliable). */
  grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
}

export const CODED_EVENTS_TO_WORLD_DEFAULTS: Readonly<Omit<CodedEventsToWorldOptions, 'date'>> =
  Object.freeze({ idPrefix: 'coded', grade: 'C' as const });

/** Why events were left out, counted. */
export interface CodedEventSkips {
  /** A source or target country that is not an actor of the world. */
  unknownActor: number;
  /** Source and target name the same country. */
  selfDirected: number;
  /** The CAMEO code has no Goldstein weight or quad class. */
  unscaled: number;
}

const QUADS = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const;

const idPart = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/**
 * The world sections (sources, evidence, events) for coded events among `actorIds`.
 *
 * @example
 * const { file, added } = codedEventsToWorld(events, new Set(['RUS', 'PAK']), { date: '2021-04-07' });
 * file.events?.[0]?.evidence; // ['coded.seed.txt.1.q']
 */
export function codedEventsToWorld(
  events: readonly CodedEvent[],
  actorIds: ReadonlySet<string>,
  options: Partial<CodedEventsToWorldOptions> & Pick<CodedEventsToWorldOptions, 'date'>,
): {
  file: Required<Pick<WorldFileInput, 'sources' | 'evidence' | 'events'>>;
  added: number;
  skipped: CodedEventSkips;
} {
  const opts = { ...CODED_EVENTS_TO_WORLD_DEFAULTS, ...options };
  const skipped: CodedEventSkips = { unknownActor: 0, selfDirected: 0, unscaled: 0 };
  const sources = new Map<string, string>();
  const perDoc = new Map<string, number>();
  const file: Required<Pick<WorldFileInput, 'sources' | 'evidence' | 'events'>> = {
    sources: [],
    evidence: [],
    events: [],
  };
  for (const e of events) {
    const source = e.source.slice(0, 3);
    const target = e.target.slice(0, 3);
    if (!actorIds.has(source) || !actorIds.has(target)) {
      skipped.unknownActor++;
      continue;
    }
    if (source === target) {
      skipped.selfDirected++;
      continue;
    }
    if (e.goldstein === null || e.quad === null || !(e.quad >= 1 && e.quad <= 4)) {
      skipped.unscaled++;
      continue;
    }
    let sourceId = sources.get(e.doc);
    if (sourceId === undefined) {
      sourceId = `${opts.idPrefix}.${idPart(basename(e.doc))}`;
      sources.set(e.doc, sourceId);
      file.sources.push({
        id: sourceId,
        kind: 'document',
        title: basename(e.doc),
        file: basename(e.doc),
        published: opts.date,
        grade: opts.grade,
      });
    }
    const n = (perDoc.get(e.doc) ?? 0) + 1;
    perDoc.set(e.doc, n);
    const id = `${sourceId}.${n}`;
    file.evidence.push({
      id: `${id}.q`,
      source: sourceId,
      quote: e.sentence,
      note: `characters ${e.start}–${e.end} of ${basename(e.doc)}; coded ${e.source} → ${e.target} by the verb "${e.verb}" (pattern ${e.pattern})`,
    });
    file.events.push({
      id,
      date: opts.date,
      source,
      target,
      cameo: e.code,
      goldstein: e.goldstein,
      quad: QUADS[e.quad - 1]!,
      dimension: cameoDimension(e.code),
      title: `${e.source} ${e.verb} ${e.target} (CAMEO ${e.code})`,
      text: e.sentence,
      note: `machine-coded from ${basename(e.doc)}, characters ${e.start}–${e.end}`,
      evidence: [`${id}.q`],
    });
  }
  return { file, added: file.events.length, skipped };
}
