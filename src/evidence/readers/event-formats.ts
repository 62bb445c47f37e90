/** The event readers by format, and `--format auto`: the first line says which one applies. */
import { fileLines } from './event-lines.js';
import { type EventFormat, type FormatReader, unknownFormat } from './event-reader.js';
import { gdeltCsvReader } from './gdelt-csv.js';
import { gdelt1Reader } from './gdelt1.js';
import { gdelt2Reader } from './gdelt2.js';
import { icewsReader } from './icews.js';
import { ploverReader } from './plover.js';

export const EVENT_READERS: Readonly<Record<EventFormat, FormatReader>> = Object.freeze({
  gdelt1: gdelt1Reader,
  gdelt2: gdelt2Reader,
  'gdelt-csv': gdeltCsvReader,
  icews: icewsReader,
  plover: ploverReader,
});

/**
 * Opens a file's lines and picks its reader: the named format, or the first whose sniff accepts
 * the first line. The lines come back unconsumed, so the reader sees line 1 again.
 *
 * @example
 * const { reader, lines } = await sniffFormat('20201115.export.CSV.zip', 'auto'); // reader.format === 'gdelt2'
 */
export async function sniffFormat(
  file: string,
  format: EventFormat | 'auto',
): Promise<{ reader: FormatReader; lines: AsyncIterator<string[]> }> {
  const it = fileLines(file)[Symbol.asyncIterator]();
  const first = await it.next();
  let replayed = false;
  const replay: AsyncIterator<string[]> = {
    next: () => {
      if (replayed) return it.next();
      replayed = true;
      return Promise.resolve(first);
    },
    // Closes the file when the caller stops early.
    return: (value?: unknown) => it.return(value as undefined),
  };
  if (format !== 'auto') return { reader: EVENT_READERS[format], lines: replay };
  const line = first.done ? undefined : first.value[0];
  const reader = line === undefined ? undefined : Object.values(EVENT_READERS).find((r) => r.sniff(line));
  if (!reader) throw unknownFormat(file, line);
  return { reader, lines: replay };
}
