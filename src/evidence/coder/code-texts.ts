/**
 * Coding a batch of documents: each is checked (binary → error, empty or non-English →
 * warning), coded, and the skip counts summed. The bundled dictionaries are loaded once per
 * process.
 */
import type { Problem } from '../../domain/errors.js';
import {
  type CodedEvent,
  type CoderDictionaries,
  type CoderOptions,
  type CoderStats,
  codeDocument,
} from './coder.js';
import { checkDocument } from './input.js';
import { loadDictionaries } from './load.js';

/** A document to code: an id (file name) and its text. */
export interface TextDocument {
  readonly id: string;
  readonly text: string;
}

/** Events, summed skip counts and warnings for a batch. */
export interface CodingResult {
  readonly events: CodedEvent[];
  readonly stats: CoderStats;
  readonly warnings: Problem[];
}

let bundled: { dictionaries: CoderDictionaries; warnings: Problem[] } | undefined;

/** The bundled dictionaries, read on first use. */
export function bundledDictionaries(): { dictionaries: CoderDictionaries; warnings: Problem[] } {
  bundled ??= loadDictionaries();
  return bundled;
}

/**
 * Codes documents in order; all are checked before any is coded, so a binary file fails the batch.
 *
 * @example codeTexts([{ id: 'a.txt', text: 'Russia condemned Ukraine.' }]).events.length
 */
export function codeTexts(
  docs: readonly TextDocument[],
  options: Partial<CoderOptions> = {},
  dictionaries: CoderDictionaries = bundledDictionaries().dictionaries,
): CodingResult {
  const warnings = docs.flatMap((d) => checkDocument(d.text, d.id));
  const stats: CoderStats = { sentences: 0, discarded: 0, negated: 0, noActors: 0, tooLong: 0 };
  const events: CodedEvent[] = [];
  for (const d of docs) {
    const r = codeDocument(d.text, d.id, dictionaries, options);
    events.push(...r.events);
    for (const k of Object.keys(stats) as (keyof CoderStats)[]) stats[k] += r.stats[k];
  }
  if (stats.tooLong > 0) {
    warnings.push({
      message: `${stats.tooLong} sentence(s) longer than the token limit were skipped`,
      hint: 'break run-on lines into sentences',
    });
  }
  return { events, stats, warnings };
}
