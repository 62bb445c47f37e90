/**
 * PLOVER event records as JSON Lines (one JSON object a line), the shape POLECAT's records take
 * with its column names in snake_case (data/lookups/polecat_columns.txt: `event_id`, `event_date`,
 * `event_type`, `event_mode`, `contexts`, `actor_name`, `actor_country`, `recipient_name`,
 * `recipient_country`, `event_intensity`, …) plus `source_url`. Event types are PLOVER 0.8's
 * sixteen (Schrodt, PLOVER manual draft 0.8, 2021). The event store is CAMEO-coded, so each type
 * is coded as its representative CAMEO code (data/lookups/plover_cameo.tsv, the inverse of
 * CAMEO2PLOVER-2021); Goldstein value and quad class are that code's. The type, mode and context
 * are kept as the record's title. Dedup key: `plover:<event_id>`.
 */
import type { EventRecord } from '../store/event-store.js';
import { ploverCameo } from './event-lookups.js';
import { calendarDate, codeEvent, type FormatReader, type RowRejection } from './event-reader.js';

/** Event ids are opaque strings (POLECAT's are hashes); this bounds them for the store's key. */
const EVENT_ID = /^[\w.:-]{1,128}$/;
/** Actor countries are ISO3 (CAMEO's three-letter regions pass too); blank when unknown. */
const COUNTRY = /^[A-Z]{3}$/;

type Json = Record<string, unknown>;

function parseObject(line: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** A string field: the value, '' when absent or null, or the rejection when it is not a string. */
function text(o: Json, field: string): string | RowRejection {
  const v = o[field];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  return { reason: 'json', field, message: `${field} is a ${typeof v}, not a string` };
}

/** `contexts` as POLECAT writes it ('military; legal') or as a JSON array of strings. */
function contexts(o: Json): string | RowRejection {
  const v = o.contexts;
  if (Array.isArray(v) && v.every((c) => typeof c === 'string')) return v.join('; ');
  return text(o, 'contexts');
}

function country(o: Json, field: string): string | RowRejection {
  const c = text(o, field);
  if (typeof c !== 'string' || c === '' || COUNTRY.test(c)) return c;
  return { reason: 'country', field, message: `'${c}' is not an ISO3 country code` };
}

/** Some exports write numeric ids as JSON numbers; they are the same ids. */
function eventId(o: Json, field: string): string | RowRejection {
  const v = o[field];
  return Number.isSafeInteger(v) ? String(v) : text(o, field);
}

const FIELDS = [
  ['event_id', eventId],
  ['event_date', text],
  ['event_type', text],
  ['event_mode', text],
  ['contexts', contexts],
  ['actor_name', text],
  ['actor_country', country],
  ['recipient_name', text],
  ['recipient_country', country],
  ['source_url', text],
] as const;

const missing = (field: string): RowRejection => ({ reason: 'missing', field, message: `no ${field}` });

/**
 * The PLOVER JSONL reader; `--format auto` picks it when the first line is a JSON object with an
 * `event_type`.
 *
 * @example
 * const { records } = await readAllEvents(ploverReader, 'polecat.jsonl');
 * records[0]?.title; // 'ASSAULT / firearms / military'
 */
export const ploverReader: FormatReader = {
  format: 'plover',
  goldstein: 'gdelt',
  hasHeader: false,
  sniff: (first) => first.startsWith('{') && first.includes('"event_type"'),
  begin: () => {
    const types = ploverCameo();
    return (line, ctx) => {
      const o = parseObject(line);
      if (!o) return { reason: 'json', message: 'the line is not a JSON object' };
      const fields: Record<string, string> = {};
      for (const [field, read] of FIELDS) {
        const v = read(o, field);
        if (typeof v !== 'string') return v;
        fields[field] = v;
      }
      const { event_id: id, event_date: rawDate, event_type: type } = fields;
      if (!id) return missing('event_id');
      if (!EVENT_ID.test(id))
        return { reason: 'json', field: 'event_id', message: `'${id.slice(0, 40)}' is not an event id` };
      if (!rawDate) return missing('event_date');
      const date = calendarDate(rawDate);
      if (!date)
        return { reason: 'date', field: 'event_date', message: `'${rawDate}' is not a YYYY-MM-DD date` };
      if (!type) return missing('event_type');
      const cameo = types.get(type);
      if (!cameo)
        return {
          reason: 'code',
          field: 'event_type',
          message: `unknown PLOVER event type '${type.slice(0, 40)}'`,
        };
      const intensity = o.event_intensity;
      if (
        intensity !== undefined &&
        intensity !== null &&
        !(typeof intensity === 'number' && Math.abs(intensity) <= 10)
      )
        return { reason: 'number', field: 'event_intensity', message: `'${intensity}' is not in [-10, 10]` };
      const coded = codeEvent(ctx, cameo, undefined);
      if ('reason' in coded) return coded;
      const record: EventRecord = {
        id: `plover:${id}`,
        date,
        source: fields.actor_country!,
        target: fields.recipient_country!,
        cameo,
        goldstein: coded.goldstein,
        quad: coded.quad,
        title: [type, fields.event_mode, fields.contexts].filter(Boolean).join(' / '),
        origin: ctx.file,
        evidence: fields.source_url ? [fields.source_url] : [],
        line: ctx.line,
        sourceActor: fields.actor_name!,
        targetActor: fields.recipient_name!,
        mentions: 1,
        root: true,
      };
      return record;
    };
  },
};
