import { describe, expect, it } from 'vitest';
import { sseParser } from './client.js';

describe('sseParser', () => {
  it('reassembles events split anywhere across chunks, with CRLF and multi-line data', () => {
    const stream =
      'event: progress\r\ndata: {"done":1}\r\n\r\n: keep-alive\n\nevent: end\ndata: line 1\ndata: line 2\n\n';
    for (let cut = 1; cut < stream.length; cut += 7) {
      const got: [string, string][] = [];
      const feed = sseParser((e, d) => got.push([e, d]));
      feed(stream.slice(0, cut));
      feed(stream.slice(cut));
      expect(got).toEqual([
        ['progress', '{"done":1}'],
        ['end', 'line 1\nline 2'],
      ]);
    }
  });
});
