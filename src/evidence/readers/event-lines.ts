/**
 * Lines of an event file as GDELT, ICEWS and POLECAT ship them: plain text, `.gz` (node zlib) or a
 * `.zip` holding exactly one member (fflate's streaming unzip). Nothing is held in memory beyond
 * one chunk, so a file of any size streams.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';
import { InvalidInputError } from '../../domain/errors.js';

async function* unzipOne(file: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let members = 0;
  const unzip = new Unzip((member) => {
    members++;
    if (members > 1) {
      throw new InvalidInputError({
        file,
        message: `the zip holds several members (second: ${member.name})`,
        hint: 'unpack it and import each file',
      });
    }
    member.ondata = (err, data) => {
      if (err)
        throw new InvalidInputError({
          file,
          message: `the zip member ${member.name} is corrupt: ${err.message}`,
        });
      out.push(data);
    };
    member.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of chunks) {
    unzip.push(chunk);
    yield* out.splice(0);
  }
  unzip.push(new Uint8Array(0), true);
  yield* out.splice(0);
  if (members === 0)
    throw new InvalidInputError({
      file,
      message: 'the zip holds no file',
      hint: 'is it a GDELT export zip?',
    });
}

function byteChunks(file: string): AsyncIterable<Uint8Array> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (file.endsWith('.gz')) return raw.pipe(createGunzip());
  if (file.endsWith('.zip')) return unzipOne(file, raw);
  return raw;
}

const trimCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * Yields the file's lines (without their line ends) in order, a chunk's worth at a time (one
 * await per chunk, not per line, keeps reading fast); line 1 is the first of the first array.
 *
 * @example
 * for await (const lines of fileLines('20201115.export.CSV.zip')) console.log(lines.length);
 */
export async function* fileLines(file: string): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  try {
    for await (const chunk of byteChunks(file)) {
      const text = rest + decoder.decode(chunk as Uint8Array, { stream: true });
      const lines = text.split('\n');
      rest = lines.pop()!;
      if (lines.length > 0) yield lines.map(trimCr);
    }
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    throw new InvalidInputError({
      file,
      message: `cannot read the file: ${(err as Error).message}`,
      hint: 'is it truncated or not really compressed?',
    });
  }
  rest += decoder.decode();
  if (rest !== '') yield [trimCr(rest)];
}
