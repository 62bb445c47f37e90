import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gunzipWhole } from './gunzip.js';

describe('gunzipWhole', () => {
  it('gives the bytes gunzipSync gives, whatever the content and chunk limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 64, max: 10_000 }), (data, max) => {
        const z = gzipSync(data);
        expect(gunzipWhole(z, { maxChunkBytes: max }).equals(gunzipSync(z))).toBe(true);
      }),
    );
  });
  it('reads files whose trailer is no guide to the whole: several members, a forged size', () => {
    const two = Buffer.concat([gzipSync('first '), gzipSync('and second')]);
    expect(gunzipWhole(two).toString()).toBe('first and second');
    const forged = gzipSync('x'.repeat(10_000));
    forged.writeUInt32LE(3, forged.length - 4);
    expect(() => gunzipWhole(forged)).toThrow();
    expect(() => gunzipSync(forged)).toThrow();
  });
  it('refuses what is not gzip, as gunzipSync does', () => {
    expect(() => gunzipWhole(Buffer.from('not gzip at all, no'))).toThrow();
  });
});
