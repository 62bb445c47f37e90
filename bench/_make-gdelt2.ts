/**
 * Builds a large GDELT 2.0 export by resampling the real sample rows (seeded): fresh
 * GlobalEventIDs and dates drawn over 2015–2021, everything else as GDELT wrote it.
 * `tsx bench/_make-gdelt2.ts OUT ROWS [SEED]`
 */

import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomInt, stream } from '../src/kernels/random.js';

const SAMPLE = fileURLToPath(
  new URL('../test/fixtures/events/gdelt2_events_20201115_international_dyads.export.tsv', import.meta.url),
);
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = (Date.UTC(2021, 11, 31) - FIRST_DAY) / 86_400_000 + 1;

/** Writes `rows` resampled rows to `out`. */
export async function makeGdelt2(out: string, rows: number, seed = 2015): Promise<void> {
  const sample = readFileSync(SAMPLE, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const rng = stream(seed);
  const file = createWriteStream(out);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const cells = [...sample[randomInt(rng, sample.length)]!];
    const day = new Date(FIRST_DAY + randomInt(rng, DAYS) * 86_400_000).toISOString();
    const ymd = day.slice(0, 10).replaceAll('-', '');
    cells[0] = String(1_000_000_000 + i);
    cells[1] = ymd;
    cells[2] = ymd.slice(0, 6);
    cells[3] = ymd.slice(0, 4);
    cells[59] = `${ymd}000000`;
    chunk += `${cells.join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      if (!file.write(chunk)) await once(file, 'drain');
      chunk = '';
    }
  }
  file.end(chunk);
  await once(file, 'finish');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1])) {
  const [out, rows, seed] = process.argv.slice(2);
  await makeGdelt2(out!, Number(rows), seed === undefined ? undefined : Number(seed));
}
