/**
 * Decompressing a whole gzip file in one output chunk (RFC 1952 §2.3.1: the trailer's ISIZE is the
 * input's length mod 2^32). zlib's default 16 KiB chunks make a large file cost a concatenation
 * and hundreds of allocations: on the built `global` world (1.1 MB → 11.4 MB) that is about half
 * the decompression time in a fresh process. ISIZE is only a size hint: a wrong or wrapped value
 * (multi-member files, files over 4 GiB) still decompresses correctly, in more chunks.
 */
import { gunzipSync } from 'node:zlib';

export interface GunzipOptions {
  /** The largest single chunk to ask zlib for, in bytes; beyond it zlib's own chunking is used. */
  readonly maxChunkBytes: number;
}

export const GUNZIP_DEFAULTS: Readonly<GunzipOptions> = Object.freeze({ maxChunkBytes: 1 << 30 });

/** The smallest chunk zlib accepts. */
const MIN_CHUNK = 64;

/**
 * The decompressed bytes of a gzip buffer, read in one chunk when its trailer gives the size.
 *
 * @example gunzipWhole(gzipSync(Buffer.from('abc'))).toString() // 'abc'
 */
export function gunzipWhole(bytes: Buffer, options: Partial<GunzipOptions> = {}): Buffer<ArrayBuffer> {
  const { maxChunkBytes } = { ...GUNZIP_DEFAULTS, ...options };
  const size = bytes.length >= 18 ? bytes.readUInt32LE(bytes.length - 4) : 0;
  if (size === 0 || size > maxChunkBytes) return gunzipSync(bytes);
  // One spare byte lets zlib see the end of the stream inside the first chunk.
  return gunzipSync(bytes, { chunkSize: Math.max(MIN_CHUNK, size + 1) });
}
