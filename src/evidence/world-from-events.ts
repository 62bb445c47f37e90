/**
 * A world built from the event store alone: the states of the chosen dyads as actors, one tie
 * series per dyad with `origin: 'events'` (see events-to-ties.ts for the value), and for every
 * observation one evidence record per contributing file that lists the events behind it (event
 * id, line, source URL). It loads, validates, snapshots, analyses and simulates like any world.
 *
 * Policy, derived against curated: these series carry an origin, so when such a world's ties are
 * laid over a curated world the snapshot keeps the curated value and lists the event-derived one
 * as an alternative (src/worlds/snapshot.ts). They sit on an existing dimension (diplomatic by
 * default) rather than on a dimension of their own, so a world of events alone still has a
 * composite layer for the analyses.
 *
 * It scales with the store, not with the number of pairs: three queries in all (the dyad series,
 * the event count per dyad-period and file, and the first `maxRows` events of each), the last one
 * streamed, so the evidence of every pair of a large store never sits in memory at once.
 */
import type { z } from 'zod';
import type { Dimension, WorldFile as WorldFileSchema } from '../domain/schema.js';
import { EVENT_TIE_DEFAULTS, type EventTieOptions, eventTie } from './events-to-ties.js';
import { countryIso3 } from './readers/event-lookups.js';
import type { DyadEvidenceRow, DyadQuery, EventStore } from './store/event-store.js';

export interface WorldFromEventsOptions extends EventTieOptions {
  id: string;
  by: DyadQuery['by'];
  actors?: readonly string[];
  weighting: DyadQuery['weighting'];
  dimension: Dimension;
  /** Events listed per evidence record (the note gives the full count). */
  maxRows: number;
}

export const WORLD_FROM_EVENTS_DEFAULTS: Readonly<WorldFromEventsOptions> = Object.freeze({
  ...EVENT_TIE_DEFAULTS,
  id: 'events',
  by: 'month',
  weighting: 'events',
  dimension: 'diplomatic',
  maxRows: 200,
});

/** A world file as written (defaults not yet applied). */
export type WorldFileInput = z.input<typeof WorldFileSchema>;
type EvidenceInput = NonNullable<WorldFileInput['evidence']>[number];
type SeriesInput = NonNullable<WorldFileInput['ties']>[number];

/** A world from events: every section at hand but the evidence, which streams from the store. */
export interface EventWorld {
  head: Required<Pick<WorldFileInput, 'meta' | 'sources' | 'actors' | 'ties'>>;
  /** The actors' evidence, then one record per dyad-period and file (one pass over the store). */
  evidence(): AsyncIterable<EvidenceInput>;
}

const idPart = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
const cellKey = (c: { a: string; b: string; period: string; origin?: string }) =>
  `${c.a}\t${c.b}\t${c.period}\t${c.origin ?? ''}`;

/**
 * Reads the store's dyad series and their event counts into world file sections; the evidence is
 * read when it is iterated (once, before the store closes).
 *
 * @example
 * const world = await eventWorld(store, { actors: ['RUS', 'PAK', 'IND', 'CHN', 'USA'] });
 * world.head.ties[0]?.origin; // 'events'
 */
export async function eventWorld(
  store: EventStore,
  options: Partial<WorldFromEventsOptions> = {},
): Promise<EventWorld> {
  const opts = { ...WORLD_FROM_EVENTS_DEFAULTS, ...options };
  const query = { by: opts.by, ...(opts.actors && { actors: opts.actors }) };
  const rows = await store.dyads({ ...query, weighting: opts.weighting });
  const refs = new Map<string, string[]>(rows.map((r) => [cellKey(r), []]));
  const sources = new Map<string, string>();
  const cells = new Map<string, { id: string; source: string; events: number }>();
  for (const c of await store.dyadOrigins(query)) {
    const list = refs.get(cellKey({ ...c, origin: '' }));
    if (!list) continue; // a dyad-period without weight (no root event, say)
    if (!sources.has(c.origin)) sources.set(c.origin, `file.${idPart(c.origin)}`);
    const id = `ev.${c.a}-${c.b}.${c.period}.${list.length + 1}`;
    list.push(id);
    cells.set(cellKey(c), { id, source: sources.get(c.origin)!, events: c.events });
  }
  const series = new Map<string, SeriesInput & { observations: SeriesInput['observations'] }>();
  for (const row of rows) {
    const key = `${row.a}-${row.b}`;
    const s = series.get(key) ?? {
      a: row.a,
      b: row.b,
      dimension: opts.dimension,
      directed: false,
      origin: 'events',
      observations: [],
    };
    series.set(key, s);
    const tie = eventTie(row, opts);
    s.observations.push({
      at: row.period,
      value: Number(tie.value.toFixed(4)),
      confidence: Number(tie.confidence.toFixed(4)),
      evidence: refs.get(cellKey(row))!,
      note: `${row.count} event(s), Goldstein sum ${row.goldsteinSum.toFixed(1)}, quads ${row.quad.join('/')}`,
    });
  }
  const names = new Map<string, string>();
  for (const [name, iso3] of countryIso3()) if (!names.has(iso3)) names.set(iso3, name);
  const actors = [...new Set(rows.flatMap((r) => [r.a, r.b]))].sort();
  const periods = rows.map((r) => r.period).sort();
  const actorSource = [...sources.values()][0];
  const listed = (cell: { id: string; source: string; events: number }, list: DyadEvidenceRow[]) => {
    const { a, b, period, origin } = list[0]!;
    return {
      id: cell.id,
      source: cell.source,
      rows: list.map((e) => ({ event: e.id, line: e.line, url: e.url })),
      note: `${cell.events} event(s) of ${a}–${b} in ${period} from ${origin}${cell.events > list.length ? `; the first ${list.length} listed` : ''}`,
    };
  };
  return {
    head: {
      meta: {
        id: opts.id,
        name: `Event data: ${actors.join(', ')}`,
        description: `Ties derived from ${sources.size} event file(s), ${opts.by} by ${opts.by}, weighting '${opts.weighting}', prior ${opts.prior}.`,
        period: { from: periods[0] ?? '2000', to: periods[periods.length - 1] ?? '2000' },
      },
      sources: [...sources].map(([file, id]) => ({
        id,
        kind: 'dataset' as const,
        title: file,
        grade: 'C' as const,
      })),
      actors: actors.map((a) => ({
        id: a,
        kind: 'state' as const,
        name: names.get(a) ?? a,
        aliases: [],
        evidence: [`ev.actor.${a}`],
      })),
      ties: [...series.values()],
    },
    async *evidence() {
      if (actorSource === undefined) return;
      for (const a of actors) {
        yield {
          id: `ev.actor.${a}`,
          source: actorSource,
          rows: [{ country: a }],
          note: 'a state coded as an event actor (ISO3 country code)',
        };
      }
      // Rows come ordered by cell: a cell ends where the next begins.
      let list: DyadEvidenceRow[] = [];
      let cell: { id: string; source: string; events: number } | undefined;
      for await (const batch of store.dyadEvidence(query, opts.maxRows)) {
        for (const e of batch) {
          const head = list[0];
          if (
            !head ||
            head.a !== e.a ||
            head.b !== e.b ||
            head.period !== e.period ||
            head.origin !== e.origin
          ) {
            if (cell) yield listed(cell, list);
            cell = cells.get(cellKey(e));
            list = [];
          }
          list.push(e);
        }
      }
      if (cell) yield listed(cell, list);
    },
  };
}

/**
 * The whole world file in memory (fine for a few states; `writeEventWorld` streams a large one).
 *
 * @example
 * const world = await worldFromEvents(store, { actors: ['RUS', 'PAK', 'IND', 'CHN', 'USA'] });
 * world.ties?.[0]?.origin; // 'events'
 */
export async function worldFromEvents(
  store: EventStore,
  options: Partial<WorldFromEventsOptions> = {},
): Promise<WorldFileInput> {
  const { head, evidence } = await eventWorld(store, options);
  const records: EvidenceInput[] = [];
  for await (const e of evidence()) records.push(e);
  return { meta: head.meta, sources: head.sources, evidence: records, actors: head.actors, ties: head.ties };
}
