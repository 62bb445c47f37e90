/**
 * The sources behind a view: the evidence a selection of the world cites (the whole world, a
 * snapshot at a date, one dyad, or a list of evidence ids), grouped by source. This is what the
 * `ties` command and the evidence drawer show one tie at a time, collected for a bibliography.
 */
import { InvalidInputError } from '../../domain/errors.js';
import type { Evidence, Source } from '../../domain/schema.js';
import type { World } from '../../domain/world.js';
import { snapshot } from '../snapshot.js';

/** What to cite. Empty = every evidence record in the world. */
export interface CitationSelection {
  /** Only the evidence of the ties in force at this date (all dimensions, alternatives included). */
  at?: string;
  /** Only the ties between these two actors (in either direction). */
  pair?: readonly [string, string];
  /** Exactly these evidence ids (ignores `at` and `pair`). */
  evidence?: readonly string[];
}

/** One source and the evidence records of the selection that cite it. */
export interface CitedSource {
  source: Source;
  /** Sorted by id. */
  evidence: Evidence[];
}

function unknownEvidence(id: string): InvalidInputError {
  return new InvalidInputError({
    field: 'evidence',
    message: `unknown evidence id '${id}'`,
    hint: 'list the ids with `counterbalance world evidence`',
  });
}

function checkPair(world: World, pair: readonly [string, string]): void {
  for (const id of pair) {
    if (!world.actorById.has(id)) {
      throw new InvalidInputError({
        field: 'pair',
        message: `unknown actor '${id}' in pair ${pair.join(',')}`,
        hint: 'give two actor ids of the world, e.g. --pair A,B',
      });
    }
  }
}

const samePair = (pair: readonly [string, string] | undefined, a: string, b: string): boolean =>
  !pair || (pair[0] === a && pair[1] === b) || (pair[0] === b && pair[1] === a);

function selectedEvidenceIds(world: World, sel: CitationSelection): Set<string> {
  if (sel.evidence) return new Set(sel.evidence);
  if (sel.pair) checkPair(world, sel.pair);
  const ids = new Set<string>();
  if (sel.at) {
    const snap = snapshot(world, sel.at);
    const ties = [...snap.ties, ...Object.values(snap.byDimension).flat()];
    for (const t of ties) {
      if (!samePair(sel.pair, t.a, t.b)) continue;
      for (const id of t.evidence) ids.add(id);
      for (const alt of t.alternatives ?? []) for (const id of alt.evidence) ids.add(id);
    }
  } else if (sel.pair) {
    for (const s of world.ties) {
      if (!samePair(sel.pair, s.a, s.b)) continue;
      for (const o of s.observations) for (const id of o.evidence) ids.add(id);
    }
  } else {
    for (const e of world.evidence) ids.add(e.id);
  }
  if (sel.pair && ids.size === 0) {
    throw new InvalidInputError({
      field: 'pair',
      message: `no ties between ${sel.pair.join(' and ')}${sel.at ? ` at ${sel.at}` : ''}`,
      hint: 'pick a pair the `ties` command lists',
    });
  }
  return ids;
}

/**
 * The distinct sources a selection cites, ordered by source id, each with its citing evidence.
 *
 * @example
 * citedSources(openWorld('eurasia'), { at: '2021-12', pair: ['IND', 'RUS'] })
 *   .map((c) => c.source.id); // ['seed-003', …]
 */
export function citedSources(world: World, selection: CitationSelection = {}): CitedSource[] {
  const sourceById = new Map(world.sources.map((s) => [s.id, s]));
  const bySource = new Map<string, Evidence[]>();
  for (const id of selectedEvidenceIds(world, selection)) {
    const ev = world.evidenceById.get(id);
    if (!ev) throw unknownEvidence(id);
    const list = bySource.get(ev.source) ?? [];
    list.push(ev);
    bySource.set(ev.source, list);
  }
  const out: CitedSource[] = [];
  for (const [id, evidence] of bySource) {
    const source = sourceById.get(id);
    // a validated world never cites a missing source; skip rather than invent one
    if (!source) continue;
    evidence.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.push({ source, evidence });
  }
  return out.sort((x, y) => (x.source.id < y.source.id ? -1 : x.source.id > y.source.id ? 1 : 0));
}
