/**
 * Citations out through the real CLI entry and a real HTTP server: the same bibliography the
 * library computes, the right content types, and bad input named with exit 1 / a 4xx.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { formatCitations } from '../src/worlds/export/citations.js';
import { citedSources } from '../src/worlds/export/cited-sources.js';
import { loadWorld } from '../src/worlds/load.js';
import { runCliCaptured as run } from './helpers/run-command.js';

const FIXTURE = 'test/fixtures/cite-world';

describe('counterbalance cite', () => {
  it('prints the sources of one pair as BibTeX and writes CSL-JSON to a file', async () => {
    const bib = await run('cite', '--world', FIXTURE, '--pair', 'AAA,BBB', '--format', 'bibtex');
    expect(bib.code).toBe(0);
    expect([...bib.stdout.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      'dataset:data-c',
      'misc:doc-a',
    ]);
    const out = join(mkdtempSync(join(tmpdir(), 'cb-cite-')), 'sources.json');
    const csl = await run('cite', '-w', FIXTURE, '--at', '2011', '-f', 'csl-json', '-o', out);
    expect(csl.code).toBe(0);
    const items = JSON.parse(readFileSync(out, 'utf8')) as { id: string }[];
    expect(items.map((i) => i.id)).toEqual(['doc-a', 'doc-b']);
  });

  it('names an unknown pair, a pair without ties and a bad format, exits 1 and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cb-cite-')), 'never.bib');
    const cases: [string[], string][] = [
      [['--pair', 'AAA,ZZZ', '-f', 'bibtex'], "unknown actor 'ZZZ'"],
      [['--pair', 'AAA,CCC', '-f', 'bibtex'], 'no ties between AAA and CCC'],
      [['--pair', 'AAA', '-f', 'bibtex'], '--pair takes A,B'],
      [['-f', 'ris'], "unknown citation format 'ris'"],
    ];
    for (const [args, message] of cases) {
      const r = await run('cite', '-w', FIXTURE, ...args, '-o', out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('GET /api/worlds/{world}/citations', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, log: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves what the library computes, with the citation media types', async () => {
    const world = loadWorld('eurasia');
    for (const [format, type] of [
      ['bibtex', 'application/x-bibtex'],
      ['csl-json', 'application/vnd.citationstyles.csl+json'],
    ] as const) {
      const res = await fetch(
        `${server.url}/api/worlds/eurasia/citations?format=${format}&at=2021-12&pair=IND,RUS`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      expect(res.headers.get('content-disposition')).toContain('eurasia-2021-12-IND-RUS-sources.');
      const expected = formatCitations(citedSources(world, { at: '2021-12', pair: ['IND', 'RUS'] }), format);
      expect(await res.text()).toBe(expected);
    }
  });

  it('answers an unknown pair or format with a 4xx naming the problem', async () => {
    const pair = await fetch(`${server.url}/api/worlds/eurasia/citations?format=bibtex&pair=IND,XXX`);
    expect(pair.status).toBe(422);
    expect(await pair.text()).toContain("unknown actor 'XXX'");
    const format = await fetch(`${server.url}/api/worlds/eurasia/citations?format=ris`);
    expect(format.status).toBeGreaterThanOrEqual(400);
    expect(format.status).toBeLessThan(500);
  });
});
