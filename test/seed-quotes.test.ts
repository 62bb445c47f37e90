/**
 * Every quote cited by a bundled bargaining issue or what-if scenario occurs verbatim
 * (whitespace-normalised) in the seed document it names. The seeds live beside the repository
 * (`../shared/seeds/`); without them the check is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const scenarios = new URL('../scenarios/bargaining/', import.meta.url);
const whatIfs = new URL('../scenarios/', import.meta.url);
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Cited {
  id: string;
  evidence?: Record<string, { source: string; quote: string }>;
}

describe.skipIf(!existsSync(seeds))('bargaining issue quotes', () => {
  const files = readdirSync(scenarios).filter((f) => f.endsWith('.yaml'));

  it('covers the bundled issues', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s quotes its seeds verbatim', (file) => {
    const issue = parse(readFileSync(new URL(file, scenarios), 'utf8')) as { actors: Cited[] };
    let checked = 0;
    for (const actor of issue.actors) {
      for (const [field, { source, quote }] of Object.entries(actor.evidence ?? {})) {
        const path = `${seeds}${source}`;
        expect(existsSync(path), `${file} ${actor.id}.${field}: seed ${source}`).toBe(true);
        const text = normalise(readFileSync(path, 'utf8'));
        expect(text.includes(normalise(quote)), `${file} ${actor.id}.${field}: "${quote}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * issue.actors.length);
  });
});

describe.skipIf(!existsSync(seeds))('what-if scenario quotes', () => {
  const files = readdirSync(whatIfs).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s quotes its seed verbatim', (file) => {
    const { quote, source } = parse(readFileSync(new URL(file, whatIfs), 'utf8')) as {
      quote: string;
      source: string;
    };
    const seed = /\((\d{3}_[0-9a-f]+\.txt)\)/.exec(source)?.[1];
    expect(seed, `${file}: source names a seed file`).toBeDefined();
    const text = normalise(readFileSync(`${seeds}${seed}`, 'utf8'));
    expect(text.includes(normalise(quote)), `${file}: "${quote}"`).toBe(true);
  });

  // Expectations that test a seed's sentence quote it in a comment: `# seed 000: "…"`.
  it.each(files)('%s quotes its seeds verbatim in its comments', (file) => {
    const lines = readFileSync(new URL(file, whatIfs), 'utf8').split('\n');
    let checked = 0;
    for (const line of lines) {
      const m = /#\s*seed (\d{3}): "(.+)"\s*$/.exec(line);
      if (!m) continue;
      const seed = readdirSync(seeds).find((f) => f.startsWith(`${m[1]}_`));
      expect(seed, `${file}: seed ${m[1]}`).toBeDefined();
      const text = normalise(readFileSync(`${seeds}${seed}`, 'utf8'));
      expect(text.includes(normalise(m[2]!)), `${file}: "${m[2]}"`).toBe(true);
      checked++;
    }
    // The seed scenarios test the seeds' sentences, so each quotes at least one.
    if (file.startsWith('seed-')) expect(checked).toBeGreaterThan(0);
  });
});
