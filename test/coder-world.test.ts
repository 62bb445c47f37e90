/**
 * `code --world eurasia FILE -o DIR`: a short briefing written for this test, and a seed document
 * when the seeds are beside the repository (they are not redistributed), coded into a copy of the
 * bundled world. The copy validates and loads; every added event is cited by evidence that quotes
 * its sentence verbatim, and the offsets in the note cut that sentence out of the file.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorld } from '../src/worlds/load.js';
import { cli } from './helpers/cli.js';

const briefing = fileURLToPath(new URL('fixtures/coder/briefing.txt', import.meta.url));
const seed = ['../../shared/seeds/', '../../../shared/seeds/']
  .map((rel) => fileURLToPath(new URL(`${rel}002_6ae14a0588163527.txt`, import.meta.url)))
  .find((f) => existsSync(f));

describe.each([
  ['a briefing', briefing, 5, ['RUS', 'PAK', 'signed']],
  ...(seed ? [['a seed', seed, 10, ['RUS', 'PAK', 'accorded']] as const] : []),
] as const)('code --world eurasia %s -o DIR', (_what, doc, least, [a, b, verb]) => {
  const out = join(mkdtempSync(join(tmpdir(), 'cb-coded-')), 'world');
  const r = cli(['code', '--world', 'eurasia', '--date', '2021-04-07', doc, '-o', out, '--json']);

  it('writes a copy of the world that validates and loads with the coded events added', () => {
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.added).toBeGreaterThanOrEqual(least);
    const base = loadWorld('eurasia');
    const copy = loadWorld(out, { cache: false });
    expect(copy.events.length).toBe(base.events.length + summary.added);
    expect(cli(['world', 'validate', out]).code).toBe(0);
  });

  it('cites every added event with the verbatim sentence and offsets that point at it', () => {
    const text = readFileSync(doc, 'utf8');
    const copy = loadWorld(out, { cache: false });
    const added = copy.events.filter((e) => e.id.startsWith('coded.'));
    expect(added.length).toBeGreaterThanOrEqual(least);
    for (const e of added) {
      const ev = copy.evidenceById.get(e.evidence[0]!)!;
      const [, from, to] = /characters (\d+)–(\d+)/.exec(ev.note ?? '')!;
      expect(text.slice(Number(from), Number(to))).toBe(ev.quote);
      expect(e.date).toBe('2021-04-07');
      expect(copy.actorById.has(e.source) && copy.actorById.has(e.target)).toBe(true);
    }
    // checked by hand: a Russia → Pakistan event of this text, on this verb
    expect(added.some((e) => e.source === a && e.target === b && e.title.includes(verb))).toBe(true);
  });

  it('refuses a folder that already holds files, and --world without -o', () => {
    const again = cli(['code', '--world', 'eurasia', doc, '-o', out]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not an empty folder/);
    const file = join(mkdtempSync(join(tmpdir(), 'cb-coded-')), 'a.txt');
    writeFileSync(file, 'Russia condemned Pakistan.');
    expect(cli(['code', '--world', 'eurasia', file]).stderr).toMatch(/--world and -o go together/);
  });
});
