/** `POST /api/code` on a real server: coding, bad content types, bad dates, oversized bodies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/api/server.js';

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
