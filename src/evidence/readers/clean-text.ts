/**
 * Whether a file's bytes are text every reader and every engine splits the same way: valid UTF-8
 * without a byte-order mark, lines ended by '\n' alone (no '\r' anywhere), no blank line, no
 * control byte but tab, vertical tab and form feed, no U+FFFD. Those are exactly the things the
 * readers treat specially (binary rows, skipped blank lines that still count, trimmed CRs), so on a
 * clean file an engine's own reading of the rows matches the reader's line for line.
 *
 * The control-byte test looks at four bytes at once (SWAR, "determine if a word has a byte less
 * than n", Anderson's Bit Twiddling Hacks): with the high bits masked off, adding 0x80 − n to each
 * byte sets its high bit exactly when the byte is ≥ n, and no carry crosses into the next byte.
 */

import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const NL = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REPLACEMENT = Buffer.from('\ufffd');

/** Any byte below 0x20 other than 0x09, 0x0a, 0x0b, 0x0c: nonzero when the word holds one. */
function controlBytes(words: Int32Array): number {
  let found = 0;
  for (let i = 0; i < words.length; i++) {
    const x = words[i]!;
    const low = x & 0x7f7f7f7f;
    const below20 = ~((low + 0x60606060) | x);
    const atLeast09 = low + 0x77777777;
    const below0d = ~((low + 0x73737373) | x);
    found |= below20 & ~(atLeast09 & below0d);
  }
  return found & 0x80808080;
}

/** Whole lines (each ending in '\n', the last one perhaps not) are clean. */
function cleanLines(lines: Uint8Array, scratch: { words: Int32Array }): boolean {
  if (!isUtf8(lines)) return false;
  if (lines[0] === NL) return false;
  const buf = Buffer.from(lines.buffer, lines.byteOffset, lines.length);
  if (buf.indexOf('\n\n') >= 0 || buf.indexOf(REPLACEMENT) >= 0) return false;
  const size = (lines.length + 3) >> 2;
  if (scratch.words.length < size) scratch.words = new Int32Array(size * 2);
  const bytes = new Uint8Array(scratch.words.buffer, 0, size * 4);
  bytes.set(lines);
  // Pad with spaces (clean) up to the word boundary.
  bytes.fill(0x20, lines.length);
  return controlBytes(scratch.words.subarray(0, size)) === 0;
}

/**
 * True when the file (plain or `.gz`) is clean text in the sense above and not empty.
 *
 * @example
 * await isCleanText('20201115.export.CSV'); // true
 */
export async function isCleanText(file: string): Promise<boolean> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const chunks: AsyncIterable<Buffer> = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const scratch = { words: new Int32Array(1 << 18) };
  let rest: Buffer = Buffer.alloc(0);
  let first = true;
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      const text = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      if (first && text.length >= 3) {
        if (text.subarray(0, 3).equals(BOM)) return false;
        first = false;
      }
      const end = text.lastIndexOf(NL) + 1;
      if (end > 0 && !cleanLines(text.subarray(0, end), scratch)) return false;
      rest = Buffer.from(text.subarray(end));
    }
  } catch {
    return false;
  } finally {
    raw.destroy();
  }
  if (first && rest.subarray(0, 3).equals(BOM)) return false;
  return bytes > 0 && (rest.length === 0 || cleanLines(rest, scratch));
}
