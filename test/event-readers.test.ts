/**
 * Reader conformance: every event reader on its real sample (row counts, Goldstein equal to the
 * lookup on every row, provenance), `--format auto`, and each class of bad input counted with its
 * line, never thrown.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { gzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_READERS, sniffFormat } from '../src/evidence/readers/event-formats.js';
import { cameoCodes } from '../src/evidence/readers/event-lookups.js';
import { type EventFormat, readAllEvents } from '../src/evidence/readers/event-reader.js';

const FIXTURES = 'test/fixtures/events';
const GDELT_ID = /^gdelt:\d+$/;
const SAMPLES: { format: EventFormat; file: string; rows: number; urls: boolean; id: RegExp }[] = [
  { format: 'gdelt1', file: 'gdelt1_events_sample_20160728.tsv', rows: 710, urls: true, id: GDELT_ID },
  {
    format: 'gdelt-csv',
    file: 'gdelt1_georgia_subset_201209-201211.csv.gz',
    rows: 9753,
    urls: false,
    id: GDELT_ID,
  },
  {
    format: 'gdelt2',
    file: 'gdelt2_events_20201115_international_dyads.export.tsv',
    rows: 3929,
    urls: true,
    id: GDELT_ID,
  },
  {
    format: 'icews',
    file: 'icews_events_20180601-02_sample.tab',
    rows: 3705,
    urls: false,
    id: /^icews:\d+$/,
  },
  // derived from the GDELT 2.0 sample by scripts/plover-from-gdelt.ts (no POLECAT file ships here)
  {
    format: 'plover',
    file: 'plover_from_gdelt2_20201115.jsonl',
    rows: 300,
    urls: true,
    id: /^plover:gdelt2-\d+$/,
  },
];

const dir = mkdtempSync(join(tmpdir(), 'cb-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plain text of a sample (the CSV sample is kept gzipped). */
function sampleText(file: string): string {
  const bytes = readFileSync(join(FIXTURES, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe.each(SAMPLES)('reader $format on its real sample', ({ format, file, rows, urls, id }) => {
  it('reads every row, codes it from the lookup and keeps its provenance', async () => {
    const { records, summary } = await readAllEvents(EVENT_READERS[format], join(FIXTURES, file));
    expect(summary.rejections).toEqual([]);
    expect(summary.rows).toBe(rows);
    expect(records).toHaveLength(rows);
    expect(summary.goldsteinMismatches).toBe(0);
    const table = format === 'icews' ? 'icews' : 'gdelt';
    for (const r of records) {
      expect(r.goldstein).toBe(cameoCodes().get(r.cameo)!.goldstein[table]);
      expect(r.origin).toBe(file);
      expect(r.line).toBeGreaterThan(0);
      expect(r.id).toMatch(id);
    }
    expect(new Set(records.map((r) => r.line)).size).toBe(rows);
    expect(records.some((r) => r.evidence.length > 0)).toBe(urls);
  });

  it('is what --format auto picks', async () => {
    expect((await sniffFormat(join(FIXTURES, file), 'auto')).reader.format).toBe(format);
  });

  it('reads the same from a .gz and a one-member .zip', async () => {
    const text = sampleText(file);
    const plain = await readAllEvents(EVENT_READERS[format], write(`${format}.txt`, text));
    const gz = await readAllEvents(
      EVENT_READERS[format],
      write(`${format}.txt.gz`, gzipSync(Buffer.from(text))),
    );
    const zip = await readAllEvents(
      EVENT_READERS[format],
      write(`${format}.zip`, zipSync({ 'a.csv': Buffer.from(text) })),
    );
    const ids = (r: typeof plain) => r.records.map((e) => e.id);
    expect(ids(gz)).toEqual(ids(plain));
    expect(ids(zip)).toEqual(ids(plain));
    expect(plain.records).toHaveLength(rows);
  });

  it('never throws on random byte mutations of the file', async () => {
    const head = Buffer.from(sampleText(file).split('\n').slice(0, 6).join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(head.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const bytes = Buffer.from(head);
          for (const [at, byte] of edits) bytes[at] = byte;
          const { records, summary } = await readAllEvents(
            EVENT_READERS[format],
            write(`${format}.mut`, bytes),
          );
          expect(
            records.length + summary.rejections.filter((r) => r.reason !== 'empty').length,
          ).toBeLessThanOrEqual(summary.rows);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('bad input: each class counted with its line', () => {
  const gdelt2 = sampleText(SAMPLES[2]!.file).split('\n').slice(0, 3);
  const cell = (line: string, i: number, value: string) => {
    const c = line.split('\t');
    c[i] = value;
    return c.join('\t');
  };
  const cases: [string, string, string][] = [
    ['wrong column count', gdelt2[1]!.split('\t').slice(0, 40).join('\t'), 'columns'],
    ['non-numeric id', cell(gdelt2[1]!, 0, 'x12'), 'number'],
    ['out-of-range Goldstein', cell(gdelt2[1]!, 30, '42'), 'number'],
    ['non-numeric mentions', cell(gdelt2[1]!, 31, 'many'), 'number'],
    ['bad date', cell(gdelt2[1]!, 1, '20201345'), 'date'],
    ['unknown CAMEO code', cell(gdelt2[1]!, 26, '999'), 'code'],
    ['binary garbage', '\u0000\u0001\u0002garbage\u00ff', 'binary'],
  ];
  it.each(cases)('%s', async (_name, bad, reason) => {
    const file = write('bad.tsv', [gdelt2[0], bad, gdelt2[2]].join('\n'));
    const { records, summary } = await readAllEvents(EVENT_READERS.gdelt2, file);
    expect(records).toHaveLength(2);
    expect(summary.rejections).toEqual([expect.objectContaining({ file: 'bad.tsv', line: 2, reason })]);
  });

  it('an ICEWS country with no ISO3 code', async () => {
    const [header, row] = sampleText(SAMPLES[3]!.file).split('\n');
    const bad = row!.split('\t');
    bad[4] = 'Atlantis';
    const { summary } = await readAllEvents(
      EVENT_READERS.icews,
      write('bad.tab', `${header}\n${bad.join('\t')}\n`),
    );
    expect(summary.rejections).toEqual([
      expect.objectContaining({ line: 2, reason: 'country', field: 'Source Country' }),
    ]);
  });

  it('an empty file', async () => {
    const { summary } = await readAllEvents(EVENT_READERS.gdelt2, write('empty.tsv', ''));
    expect(summary.rejections).toEqual([expect.objectContaining({ reason: 'empty' })]);
  });

  it('a truncated file: the cut last row is rejected, the others read', async () => {
    const text = gdelt2.join('\n');
    const { records, summary } = await readAllEvents(
      EVENT_READERS.gdelt2,
      write('cut.tsv', text.slice(0, -200)),
    );
    expect(records).toHaveLength(2);
    expect(summary.rejections).toEqual([expect.objectContaining({ line: 3, reason: 'columns' })]);
  });

  it('a truncated .gz is a clear error', async () => {
    const gz = gzipSync(Buffer.from(gdelt2.join('\n')));
    await expect(
      readAllEvents(EVENT_READERS.gdelt2, write('cut.tsv.gz', gz.subarray(0, gz.length - 30))),
    ).rejects.toThrow(/cannot read the file/);
  });

  it('a zip with no member, or with several', async () => {
    await expect(readAllEvents(EVENT_READERS.gdelt2, write('none.zip', zipSync({})))).rejects.toThrow(
      /holds no file/,
    );
    const two = zipSync({ 'a.csv': Buffer.from(gdelt2[0]!), 'b.csv': Buffer.from(gdelt2[1]!) });
    await expect(readAllEvents(EVENT_READERS.gdelt2, write('two.zip', two))).rejects.toThrow(
      /several members/,
    );
  });

  it('auto says when no format fits', async () => {
    await expect(sniffFormat(write('what.txt', 'hello,world\n'), 'auto')).rejects.toThrow(/--format/);
  });
});

describe('bad PLOVER input: each class counted with its line and field', () => {
  const [first, second, third] = sampleText(SAMPLES[4]!.file).split('\n');
  const edit = (change: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(second!), ...change });
  const without = (field: string) => {
    const o = JSON.parse(second!);
    delete o[field];
    return JSON.stringify(o);
  };
  const cases: [string, string, string, string | undefined][] = [
    ['malformed JSON', second!.slice(0, 40), 'json', undefined],
    ['a JSON array, not an object', '["event_id", "x"]', 'json', undefined],
    ['no event id', without('event_id'), 'missing', 'event_id'],
    ['an event id that is no id', edit({ event_id: 'a b; DROP' }), 'json', 'event_id'],
    ['no date', without('event_date'), 'missing', 'event_date'],
    ['no event type', edit({ event_type: null }), 'missing', 'event_type'],
    ['an unknown event type', edit({ event_type: 'HUG' }), 'code', 'event_type'],
    ['a date that is no day', edit({ event_date: '2020-02-30' }), 'date', 'event_date'],
    ['a date in another shape', edit({ event_date: '15/11/2020' }), 'date', 'event_date'],
    ['a country that is not ISO3', edit({ actor_country: 'Russia' }), 'country', 'actor_country'],
    ['a mode that is not a string', edit({ event_mode: 5 }), 'json', 'event_mode'],
    ['an intensity out of range', edit({ event_intensity: 42 }), 'number', 'event_intensity'],
    ['binary garbage', '\u0000\u0001{"event_type"\u00ff', 'binary', undefined],
  ];
  it.each(cases)('%s', async (_name, bad, reason, field) => {
    const file = write('bad.jsonl', [first, bad, third].join('\n'));
    const { records, summary } = await readAllEvents(EVENT_READERS.plover, file);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(summary.rejections).toEqual([
      expect.objectContaining({ file: 'bad.jsonl', line: 2, reason, ...(field && { field }) }),
    ]);
  });

  it('a truncated file: the cut last record is rejected, the others read', async () => {
    const text = [first, second, third].join('\n');
    const { records, summary } = await readAllEvents(
      EVENT_READERS.plover,
      write('cut.jsonl', text.slice(0, -30)),
    );
    expect(records).toHaveLength(2);
    expect(summary.rejections).toEqual([expect.objectContaining({ line: 3, reason: 'json' })]);
  });

  it('a byte-order mark (the line reader drops it) and numeric ids are read, and auto still picks PLOVER', async () => {
    const file = write('bom.jsonl', `\ufeff${edit({ event_id: 42 })}\n${third}`);
    const { records, summary } = await readAllEvents(EVENT_READERS.plover, file);
    expect(summary.rejections).toEqual([]);
    expect(records[0]!.id).toBe('plover:42');
    expect((await sniffFormat(file, 'auto')).reader.format).toBe('plover');
  });

  it('an empty file', async () => {
    const { summary } = await readAllEvents(EVENT_READERS.plover, write('empty.jsonl', ''));
    expect(summary.rejections).toEqual([expect.objectContaining({ reason: 'empty' })]);
  });

  it('keeps the PLOVER type, mode and context beside the CAMEO coding, the id as dedup key', async () => {
    const file = write(
      'one.jsonl',
      edit({ event_id: 'abc123', event_type: 'MOBILIZE', event_mode: 'troops', contexts: ['military'] }),
    );
    const { records } = await readAllEvents(EVENT_READERS.plover, file);
    expect(records).toEqual([
      expect.objectContaining({
        id: 'plover:abc123',
        cameo: '150',
        goldstein: cameoCodes().get('150')!.goldstein.gdelt,
        title: 'MOBILIZE / troops / military',
      }),
    ]);
  });
});

describe('the PLOVER fixture and table', () => {
  it('are what scripts/plover-from-gdelt.ts builds from the GDELT 2.0 sample and CAMEO2PLOVER', () => {
    const out = join(dir, 'rebuilt');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/plover-from-gdelt.ts', '300', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    for (const rel of ['data/lookups/plover_cameo.tsv', `${FIXTURES}/${SAMPLES[4]!.file}`])
      expect(readFileSync(join(out, rel), 'utf8')).toBe(readFileSync(rel, 'utf8'));
  });
});
