/**
 * `POST /api/code` on a real server: coding, bad content types, bad dates, oversized bodies; and
 * `POST /api/worlds/{world}/coded-events`: the chosen events as a world file fragment that loads.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';
import { resolveWorldRef } from '../src/worlds/bundled.js';
import { loadWorld } from '../src/worlds/load.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, log: null, limits: { maxBodyBytes: 16 * 1024 } });
});

afterAll(async () => {
  await server?.close();
});

const post = (body: string, type = 'text/plain', query = '') =>
  fetch(`${server.url}/api/code${query}`, { method: 'POST', headers: { 'content-type': type }, body });

describe('POST /api/code', () => {
  it('codes text and returns offsets into it', async () => {
    const text = 'It rained.\n\nPakistani troops attacked Indian soldiers on Monday.';
    const res = await post(text, 'text/plain; charset=utf-8', '?date=2019-08-15');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      events: {
        source: string;
        target: string;
        code: string;
        start: number;
        end: number;
        marks: { verb: [number, number] };
      }[];
    };
    expect(body.events.map((e) => `${e.source}>${e.target}:${e.code}`)).toEqual(['PAKMIL>INDMIL:190']);
    const e = body.events[0]!;
    expect(text.slice(e.start, e.end)).toBe('Pakistani troops attacked Indian soldiers on Monday.');
    expect(text.slice(...e.marks.verb)).toBe('attacked');
  });

  it('rejects other content types with 415, bad dates and empty bodies with 422, and big bodies with 413', async () => {
    expect((await post('{"path": "/etc/passwd"}', 'application/json')).status).toBe(415);
    expect((await post('Russia met China.', 'text/plain', '?date=2019-13-45')).status).toBe(422);
    expect((await post('   ', 'text/plain')).status).toBe(422);
    expect((await post('Russia met China. '.repeat(2000))).status).toBe(413);
    expect((await post('Russia condemned China.')).status).toBe(200);
  });
});

describe('POST /api/worlds/{world}/coded-events', () => {
  const text =
    'Moscow condemned Washington.\n\nPakistani troops attacked Indian soldiers. Russia praised Pakistan.';
  const add = (body: unknown, world = 'eurasia') =>
    fetch(`${server.url}/api/worlds/${world}/coded-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('turns the chosen events into a world file fragment that quotes each sentence verbatim', async () => {
    const coded = (await (await post(text, 'text/plain', '?date=2019-08-15')).json()) as {
      events: { source: string; target: string }[];
    };
    expect(coded.events.map((e) => `${e.source}>${e.target}`)).toEqual([
      'RUS>USA',
      'PAKMIL>INDMIL',
      'RUS>PAK',
    ]);
    const res = await add({ text, date: '2019-08-15', doc: 'note.txt', chosen: [1, 2] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      fileName: string;
      added: number;
      patch: {
        events: { source: string; target: string; date: string; evidence: string[] }[];
        evidence: { id: string; quote: string; note: string }[];
      };
    };
    expect(body.added).toBe(2);
    expect(body.fileName).toMatch(/^coded-events\.[0-9a-f]{10}\.json$/);
    expect(body.patch.events.map((e) => `${e.source}>${e.target}@${e.date}`)).toEqual([
      'PAK>IND@2019-08-15',
      'RUS>PAK@2019-08-15',
    ]);
    expect(body.patch.evidence.map((e) => e.quote)).toEqual([
      'Pakistani troops attacked Indian soldiers.',
      'Russia praised Pakistan.',
    ]);
    for (const e of body.patch.evidence) {
      const [, from, to] = /characters (\d+)–(\d+)/.exec(e.note)!;
      expect(text.slice(Number(from), Number(to))).toBe(e.quote);
    }
    // saved in a copy of the world's folder, the fragment validates and loads
    const dir = mkdtempSync(join(tmpdir(), 'cb-patch-'));
    cpSync(resolveWorldRef('eurasia'), dir, { recursive: true });
    writeFileSync(join(dir, body.fileName), JSON.stringify(body.patch));
    const world = loadWorld(dir, { cache: false });
    expect(world.events.length).toBe(loadWorld('eurasia').events.length + 2);
  });

  it('refuses indices the text does not code into, malformed bodies and unknown worlds', async () => {
    expect((await add({ text, date: '2019-08-15', chosen: [7] })).status).toBe(422);
    expect((await add({ text, date: '2019-08-15', chosen: [] })).status).toBe(422);
    expect((await add({ text, date: 'soon', chosen: [0] })).status).toBe(422);
    expect((await add({ text, date: '2019-08-15', chosen: [0], path: '/etc' })).status).toBe(422);
    expect((await add({ text, date: '2019-08-15', chosen: [0] }, 'atlantis')).status).toBe(404);
  });
});
