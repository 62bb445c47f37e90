/**
 * Reads a user's input file as UTF-8 text: a missing path, a folder or an unreadable file is an
 * `InvalidInputError` naming the file, a byte-order mark is dropped (editors on Windows write one
 * into JSON as into YAML), and bytes that are not UTF-8 (a Latin-1 "é") are an error with their
 * line instead of silently becoming U+FFFD.
 */
import { readFileSync, statSync } from 'node:fs';
import { InvalidInputError } from '../domain/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

function decode(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    throw new InvalidInputError({
      file,
      line,
      message: `byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 text`,
      hint: 're-save the file as UTF-8 (it looks like Latin-1 or Windows-1252)',
    });
  }
}

/**
 * Reads `path` as UTF-8 text; `display` is how messages name it (default: the path).
 *
 * @example
 * const text = readTextFile('my-network.csv'); // throws InvalidInputError when it is missing
 */
export function readTextFile(path: string, display = path): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) {
      throw new InvalidInputError({
        file: display,
        message: 'is a folder, not a file',
        hint: 'name a file inside it',
      });
    }
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InvalidInputError({
      file: display,
      message: code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (err as Error).message})`,
      hint: code === 'ENOENT' ? 'check the path (it is relative to the current folder)' : undefined,
    });
  }
  return decode(bytes, display);
}
