/**
 * GDELT event rows, whichever way they are laid out (1.0 with 57 or 58 columns, 2.0 with 61, the
 * R-exported CSV with a header): a layout names the column of each field, `gdeltRow` reads them.
 * Codebook: GDELT Event Codebook V1.03 and V2.0 (Leetaru & Schrodt 2013).
 */
import type { EventRecord } from '../store/event-store.js';
import { codeEvent, compactDate, type RowContext, type RowRejection } from './event-reader.js';

/** Column index of each field GDELT rows carry (`url` absent when the layout has none). */
export interface GdeltLayout {
  id: number;
  date: number;
  actor1: number;
  country1: number;
  actor2: number;
  country2: number;
  root: number;
  code: number;
  goldstein: number;
  mentions: number;
  url?: number;
}

/** GDELT 1.0 and 2.0 share the first 35 columns. */
export const GDELT_HEAD = Object.freeze({
  id: 0,
  date: 1,
  actor1: 5,
  country1: 7,
  actor2: 15,
  country2: 17,
  root: 25,
  code: 26,
  goldstein: 30,
  mentions: 31,
});

/** Reads one row's cells (already split, `NA` already blanked) through a layout. */
export function gdeltRow(
  cells: readonly string[],
  layout: GdeltLayout,
  ctx: RowContext,
): EventRecord | RowRejection {
  const id = cells[layout.id]!;
  if (!/^\d+$/.test(id))
    return { reason: 'number', field: 'GLOBALEVENTID', message: `'${id}' is not an event id` };
  const date = compactDate(cells[layout.date]!);
  if (!date)
    return { reason: 'date', field: 'SQLDATE', message: `'${cells[layout.date]}' is not a YYYYMMDD date` };
  const rawGoldstein = cells[layout.goldstein]!;
  const fileGoldstein = rawGoldstein === '' ? undefined : Number(rawGoldstein);
  if (fileGoldstein !== undefined && !(Math.abs(fileGoldstein) <= 10)) {
    return { reason: 'number', field: 'GoldsteinScale', message: `'${rawGoldstein}' is not in [-10, 10]` };
  }
  const mentions = Number(cells[layout.mentions]);
  if (!Number.isInteger(mentions) || mentions < 0) {
    return { reason: 'number', field: 'NumMentions', message: `'${cells[layout.mentions]}' is not a count` };
  }
  const root = cells[layout.root];
  if (root !== '0' && root !== '1')
    return { reason: 'number', field: 'IsRootEvent', message: `'${root}' is not 0 or 1` };
  const coded = codeEvent(ctx, cells[layout.code]!, fileGoldstein);
  if ('reason' in coded) return coded;
  const url = layout.url === undefined ? '' : (cells[layout.url] ?? '');
  return {
    id: `gdelt:${id}`,
    date,
    source: cells[layout.country1]!,
    target: cells[layout.country2]!,
    cameo: cells[layout.code]!,
    goldstein: coded.goldstein,
    quad: coded.quad,
    origin: ctx.file,
    evidence: url ? [url] : [],
    line: ctx.line,
    sourceActor: cells[layout.actor1]!,
    targetActor: cells[layout.actor2]!,
    mentions,
    root: root === '1',
  };
}
