/**
 * The 284 PETRARCH unit-test records, coded with the PETR.Validate dictionaries, as a table.
 * Every record not listed in data/coder/PETR.UnitTest.known-failures.tsv must be coded exactly
 * (same source, target and full code set); a listed record that now passes should be removed
 * from the list, and the pass rate may not fall below the rate the list implies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeDocument } from '../src/evidence/coder/coder.js';
import { parseIsoDate } from '../src/evidence/coder/dates.js';
import { codedExactly } from '../src/evidence/coder/evaluate.js';
import { readGold } from '../src/evidence/coder/gold.js';
import { loadDictionaries, validationDictionaryFiles } from '../src/evidence/coder/load.js';

const file = 'PETR.UnitTest.records.xml';
const records = readGold(readFileSync(new URL(`./fixtures/events/${file}`, import.meta.url), 'utf8'), file);
const known = new Map(
  readFileSync(new URL('../data/coder/PETR.UnitTest.known-failures.tsv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([id, , reason]) => [id!, reason!]),
);
const { dictionaries } = loadDictionaries(validationDictionaryFiles());
const code = (r: (typeof records)[number]) =>
  codeDocument(r.text, r.id, dictionaries, {
    date: r.date ? parseIsoDate(r.date) : undefined,
    requireDyad: r.requireDyad,
  }).events;

describe('PETRARCH unit-test records', () => {
  it('reads all 284 records and lists every known failure with a reason', () => {
    expect(records).toHaveLength(284);
    for (const [id, reason] of known) {
      expect(
        records.some((r) => r.id === id),
        id,
      ).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it.each(records.filter((r) => !known.has(r.id)).map((r) => [r.id, r] as const))(
    '%s is coded exactly',
    (_id, r) => {
      const events = code(r);
      expect(events.map((e) => `${e.source}|${e.target}|${e.code}`).sort()).toEqual(
        [...new Set(r.expected.map((e) => `${e.source}|${e.target}|${e.code}`))].sort(),
      );
    },
  );

  it('keeps the pass rate at or above the recorded one', () => {
    const passed = records.filter((r) => codedExactly(r, code(r))).length;
    const floor = records.length - known.size;
    process.stdout.write(
      `PETR unit tests: ${passed}/${records.length} coded exactly (${((100 * passed) / records.length).toFixed(1)} %)\n`,
    );
    expect(passed).toBeGreaterThanOrEqual(floor);
  });
});
