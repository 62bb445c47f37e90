/**
 * Scores the coder on a gold set: each record's text is coded on its own, on the record's date,
 * and the events are compared with the expected codings (see evaluate.ts for the measures).
 */
import { bundledDictionaries, codeTexts } from './code-texts.js';
import type { CoderDictionaries } from './coder.js';
import { parseIsoDate } from './dates.js';
import { type Evaluation, evaluate } from './evaluate.js';
import type { GoldRecord } from './gold.js';

/**
 * Codes every gold record and scores the result.
 *
 * @example
 * const ev = scoreGold(readGold(xml, 'PETR2_GSR_validation.xml'));
 * ev.root.precision; // share of coded (source, target, root code) triples that are expected
 */
export function scoreGold(
  records: readonly GoldRecord[],
  dictionaries: CoderDictionaries = bundledDictionaries().dictionaries,
): Evaluation {
  const coded = records.map(
    (r) =>
      codeTexts(
        [{ id: r.id, text: r.text }],
        { date: r.date ? parseIsoDate(r.date) : undefined },
        dictionaries,
      ).events,
  );
  return evaluate(records, coded, dictionaries.scale);
}
