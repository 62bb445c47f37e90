/**
 * PETRARCH-2's GSR validation set (78 real news sentences) with the bundled Phoenix
 * dictionaries: precision and recall on (source, target, root code) are reported and may not
 * fall below what the coder reached when this test was written. The rules are general; the
 * coder is not tuned to these sentences.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGold } from '../src/evidence/coder/gold.js';
import { scoreGold } from '../src/evidence/coder/score-gold.js';

const file = 'PETR2_GSR_validation.xml';
const records = readGold(readFileSync(new URL(`./fixtures/events/${file}`, import.meta.url), 'utf8'), file);

describe('GSR validation', () => {
  it('scores precision and recall on (source, target, root code)', () => {
    const ev = scoreGold(records);
    process.stdout.write(
      `GSR root: P ${ev.root.precision.toFixed(3)} R ${ev.root.recall.toFixed(3)} F1 ${ev.root.f1.toFixed(3)}; quad: P ${ev.quad.precision.toFixed(3)} R ${ev.quad.recall.toFixed(3)} F1 ${ev.quad.f1.toFixed(3)}\n`,
    );
    expect(records).toHaveLength(78);
    expect(ev.root.truePositives + ev.root.falseNegatives).toBe(
      records.reduce(
        (n, r) => n + new Set(r.expected.map((e) => `${e.source}|${e.target}|${e.code.slice(0, 2)}`)).size,
        0,
      ),
    );
    expect(ev.root.precision).toBeGreaterThanOrEqual(0.7);
    expect(ev.root.recall).toBeGreaterThanOrEqual(0.52);
  });
});
