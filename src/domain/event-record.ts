/**
 * The one event type, as the event store holds it: a curated world's `Event` (schema.ts) narrowed to
 * what every source codes (id, date, actors, CAMEO code, Goldstein value, quad class) plus where the
 * record was read from. A world's events enter the store as such records (evidence/store/world-events.ts)
 * and event files' rows are read into them, so there is one shape, not two.
 */
import type { Event, QUADS } from './schema.js';

/** A quad class, `neutral` included (event data under the Phoenix variant). */
export type QuadName = (typeof QUADS)[number];

/** One event as stored: the coded fields of `Event` and its provenance. */
export type EventRecord = Pick<Event, 'id' | 'date' | 'source' | 'target' | 'cameo' | 'goldstein'> &
  Partial<Pick<Event, 'dimension' | 'title'>> & {
    /** ISO date, YYYY-MM-DD (month-resolution events use the first of the month). */
    date: string;
    quad: QuadName;
    /** Where the record came from: a world id, a file name. */
    origin: string;
    /** Evidence ids or, for events read from a file, the source URLs of the record. */
    evidence: string[];
    /** Line of the record in its file (events read from a file). */
    line?: number;
    /** The source's own actor codes (CAMEO actor/agent codes, ICEWS names), kept beside the ids. */
    sourceActor?: string;
    targetActor?: string;
    /** GDELT NumMentions (1 for sources without re-emission counts). */
    mentions?: number;
    /** GDELT IsRootEvent: the event is the article's main event. */
    root?: boolean;
  };
