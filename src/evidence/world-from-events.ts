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
 */
import type { z } from 'zod';
import type { Dimension, WorldFile as WorldFileSchema } from '../domain/schema.js';
import { endOf, startOf } from '../domain/time.js';
import { EVENT_TIE_DEFAULTS, type EventTieOptions, eventTie } from './events-to-ties.js';
import { countryIso3 } from './readers/event-lookups.js';
import type { DyadQuery, EventRecord, EventStore } from './store/event-store.js';

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

const idPart = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/**
 * Reads the store's dyad series and their events into world file sections.
 *
 * @example
 * const world = await worldFromEvents(store, { actors: ['RUS', 'PAK', 'IND', 'CHN', 'USA'] });
 * world.ties?.[0]?.origin; // 'events'
 */
export async function worldFromEvents(
  store: EventStore,
  options: Partial<WorldFromEventsOptions> = {},
): Promise<WorldFileInput> {
  const opts = { ...WORLD_FROM_EVENTS_DEFAULTS, ...options };
  const rows = await store.dyads({
    by: opts.by,
    weighting: opts.weighting,
    ...(opts.actors && { actors: opts.actors }),
  });
  const names = new Map<string, string>();
  for (const [name, iso3] of countryIso3()) if (!names.has(iso3)) names.set(iso3, name);
  const sources = new Map<string, string>();
  const evidence: NonNullable<WorldFileInput['evidence']> = [];
  const series = new Map<
    string,
    NonNullable<WorldFileInput['ties']>[number] & {
      observations: NonNullable<WorldFileInput['ties']>[number]['observations'];
    }
  >();
  for (const row of rows) {
    const events = await store.events({
      pair: [row.a, row.b],
      from: startOf(row.period),
      to: endOf(row.period),
      imported: true,
    });
    const byFile = new Map<string, EventRecord[]>();
    for (const e of events) {
      if (e.source === e.target) continue;
      byFile.set(e.origin, [...(byFile.get(e.origin) ?? []), e]);
    }
    const refs: string[] = [];
    for (const [file, list] of byFile) {
      if (!sources.has(file)) sources.set(file, `file.${idPart(file)}`);
      const id = `ev.${row.a}-${row.b}.${row.period}.${refs.length + 1}`;
      refs.push(id);
      const shown = list.slice(0, opts.maxRows);
      evidence.push({
        id,
        source: sources.get(file)!,
        rows: shown.map((e) => ({ event: e.id, line: e.line ?? 0, url: e.evidence[0] ?? '' })),
        note: `${list.length} event(s) of ${row.a}–${row.b} in ${row.period} from ${file}${list.length > shown.length ? `; the first ${shown.length} listed` : ''}`,
      });
    }
    if (refs.length === 0) continue;
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
      evidence: refs,
      note: `${row.count} event(s), Goldstein sum ${row.goldsteinSum.toFixed(1)}, quads ${row.quad.join('/')}`,
    });
  }
  const actors = [...new Set([...series.values()].flatMap((s) => [s.a, s.b]))].sort();
  const periods = rows.map((r) => r.period).sort();
  const actorEvidence = actors.map((a) => `ev.actor.${a}`);
  const actorSource = [...sources.values()][0];
  return {
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
    evidence: [
      ...(actorSource === undefined
        ? []
        : actors.map((a, i) => ({
            id: actorEvidence[i]!,
            source: actorSource,
            rows: [{ country: a }],
            note: 'a state coded as an event actor (ISO3 country code)',
          }))),
      ...evidence,
    ],
    actors: actors.map((a, i) => ({
      id: a,
      kind: 'state' as const,
      name: names.get(a) ?? a,
      aliases: [],
      evidence: [actorEvidence[i]!],
    })),
    ties: [...series.values()],
  };
}
