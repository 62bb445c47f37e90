/**
 * The five seed documents coded with the bundled dictionaries: events among the core states
 * appear, and a dozen of them, checked by hand, point at the right sentence, verb and actors.
 * The seeds live beside the repository (`../shared/seeds/`); without them the test is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeTexts } from '../src/evidence/coder/code-texts.js';

// Beside the repository, or beside the folder of worktrees that holds it.
const seeds =
  ['../../shared/seeds/', '../../../shared/seeds/']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((dir) => existsSync(dir)) ?? '';

// [seed prefix, source, target, verb, words of the sentence around the event]
const CHECKED: [string, string, string, string, string][] = [
  ['000', 'RUS', 'CHN', 'contradicted', 'Moscow openly contradicted Beijing'],
  ['000', 'USA', 'PAK', 'recognized', 'Pakistan is now recognized by the US'],
  ['000', 'IND', 'RUS', 'offered', 'New Delhi offered Moscow lucrative deals'],
  ['000', 'RUS', 'CHN', 'contribute', 'contribute to “balancing” Beijing'],
  ['000', 'CHN', 'USA', 'seek', 'China might soon seek a breakthrough'],
  ['000', 'USAGOV', 'PAK', 'expressed', 'Trump publicly expressed such glowing words for Pakistan'],
  ['000', 'USA', 'PAK', 'worried', 'Americans were worried about Islamabad'],
  ['001', 'RUS', 'IND', 'manage', 'help Moscow manage New Delhi'],
  ['002', 'RUS', 'PAK', 'opened', 'As Russia opened doors for Pakistan'],
  ['002', 'RUS', 'PAK', 'accorded', 'Russia accorded'],
  ['002', 'RUSGOV', 'PAK', 'visit', 'Sergey Lavrov'],
  ['004', 'RUS', 'PAK', 'use', 'Russia could also use Pakistan'],
];

describe.skipIf(seeds === '')('coding the seed documents', () => {
  const files = (seeds ? readdirSync(seeds) : []).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(`${seeds}${f}`, 'utf8')]));
  const { events } = codeTexts(
    files.map((f) => ({ id: f, text: texts.get(f)! })),
    { date: 20190815 },
  );
  const core = /^(RUS|PAK|IND|CHN|USA)/;

  it('finds events among the core states in every seed', () => {
    for (const f of files) {
      expect(
        events.filter((e) => e.doc === f && core.test(e.source) && core.test(e.target)).length,
        f,
      ).toBeGreaterThan(0);
    }
  });

  it('gives offsets that cut out the sentence, verb and actors from the document', () => {
    for (const e of events) {
      const text = texts.get(e.doc)!;
      expect(text.slice(e.start, e.end)).toBe(e.sentence);
      expect(text.slice(...e.marks.verb)).toBe(e.verb);
      expect(e.marks.source[0]).toBeGreaterThanOrEqual(e.start);
      expect(e.marks.target[1]).toBeLessThanOrEqual(e.end);
    }
  });

  it.each(CHECKED)('%s: %s → %s (%s) points at "%s"', (seed, source, target, verb, words) => {
    const hit = events.find(
      (e) => e.doc.startsWith(seed) && e.source === source && e.target === target && e.verb === verb,
    );
    expect(hit).toBeDefined();
    const text = texts.get(hit!.doc)!;
    const sentence = text.slice(hit!.start, hit!.end).replace(/\s+/g, ' ');
    expect(sentence).toContain(words);
  });
});
