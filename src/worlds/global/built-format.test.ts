import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.js';
import type { TieSeries, WorldFile } from '../../domain/schema.js';
import { snapshot } from '../snapshot.js';
import { columnSlice, sliceGradeSet } from '../tie-columns.js';
import { BUILT_FILE, readBuiltWorld, writeBuiltWorld } from './built-format.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cb-built-'));
  dirs.push(d);
  return d;
};

const dateArb = fc.constantFrom('1946', '1950-06', '1962-10-22', '2014');
const observationArb = fc.record(
  {
    at: dateArb,
    until: dateArb,
    value: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1, -1)),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    evidence: fc.subarray(['e1', 'e2', 'é3'], { minLength: 1 }),
    note: fc.constantFrom('ATOP ends in 2018', 'Côte d’Ivoire: 日本', ''),
  },
  { requiredKeys: ['at', 'value', 'confidence', 'evidence'] },
);
const seriesArb = fc.record(
  {
    a: fc.constantFrom('A', 'B'),
    b: fc.constantFrom('C', 'D'),
    dimension: fc.constantFrom('military' as const, 'diplomatic' as const),
    directed: fc.boolean(),
    origin: fc.constant('global'),
    shared: fc.boolean(),
    observations: fc.array(observationArb, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['a', 'b', 'dimension', 'directed', 'shared', 'observations'] },
);
const worldArb = fc.array(seriesArb, { maxLength: 6 }).map(
  (series): WorldFile => ({
    meta: { id: 'w', name: 'Wörld', description: 'ü', period: { from: '1946', to: '2014' } },
    sources: [{ id: 's', kind: 'dataset', title: 'S', grade: 'D' }],
    evidence: [
      ...['e1', 'e2'].map((id) => ({ id, source: 's', rows: [{ ccode: 2, name: 'São Tomé' }] })),
      { id: 'é3', source: 's', grade: 'A', rows: [{ ccode: 2 }] },
    ],
    actors: [],
    capabilities: [],
    ties: series.map(({ shared, ...s }): TieSeries => {
      if (!shared) return s;
      const [first] = s.observations;
      return {
        ...s,
        observations: s.observations.map((o) => ({
          ...o,
          confidence: first!.confidence,
          evidence: first!.evidence,
        })),
      };
    }),
    events: [],
    corridors: [],
    memberships: [],
    claims: [],
  }),
);

/**
 * The file `writeBuiltWorld` wrote in `dir`, turned into the v3 file an older counterbalance
 * wrote: the same, without the grade sets (the last field of each packed series).
 */
function downgradeToV3(dir: string): void {
  const body = gunzipSync(readFileSync(join(dir, BUILT_FILE)));
  const nl = body.indexOf(0x0a);
  const stamp = JSON.parse(body.subarray(0, nl).toString());
  const payload = body.subarray(nl + 1);
  const data = JSON.parse(payload.subarray(0, stamp.world - 1).toString('latin1'));
  data.ties.series = data.ties.series.map((s: unknown[]) => s.slice(0, 8));
  // ASCII, as the writer keeps it: the reader decodes the line as latin1.
  const ascii = JSON.stringify(data).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const line = Buffer.from(`${ascii}\n`, 'latin1');
  const rest = Buffer.concat([line, payload.subarray(stamp.world)]);
  const sha256 = createHash('sha256').update(rest).digest('hex');
  const old = { ...stamp, version: 3, sha256, world: line.length };
  writeFileSync(
    join(dir, BUILT_FILE),
    gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(old)}\n`), rest])),
  );
}

/** What the world reads as through JSON, the form every other world is loaded from. */
const viaJson = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('built world format', () => {
  it('reads back exactly what was written, evidence included (read on first use)', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const dir = tempDir();
        writeBuiltWorld(dir, world);
        const back = readBuiltWorld(dir);
        // toEqual tells -0 from 0: a value reads back as JSON would give it.
        expect(back.ties).toEqual(viaJson(world.ties));
        expect(back.meta).toEqual(world.meta);
        expect(back.evidence).toEqual(world.evidence);
        expect(back.evidenceById.get('é3')).toEqual(world.evidence![2]);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });

  it('stores grade sets a snapshot takes, and still reads v3 files (grades from the evidence)', () => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom('1946', '1962-10', '2014'), (world, at) => {
        const dir = tempDir();
        writeBuiltWorld(dir, world);
        const v4 = readBuiltWorld(dir);
        const slices = v4.ties.map((s) => columnSlice(s)!);
        expect(slices.every((s) => sliceGradeSet(s, 0, v4) !== undefined)).toBe(true);
        const want = JSON.stringify(snapshot(v4, at));
        downgradeToV3(dir);
        const v3 = readBuiltWorld(dir);
        expect(v3.ties.every((s) => sliceGradeSet(columnSlice(s)!, 0, v3) === undefined)).toBe(true);
        expect(JSON.stringify(snapshot(v3, at))).toBe(want);
        // Last: reading the observations turns the series from columns into objects.
        expect(v3.ties).toEqual(viaJson(world.ties));
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a format version it cannot read, saying how to rebuild', () => {
    const dir = join(tempDir(), 'global');
    mkdirSync(dir);
    const stamp = { format: 'counterbalance-built-world', version: 2, sha256: '', world: 0, evidence: 0 };
    writeFileSync(join(dir, BUILT_FILE), gzipSync(`${JSON.stringify(stamp)}\n`));
    let error: unknown;
    try {
      readBuiltWorld(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]).toMatchObject({
      file: BUILT_FILE,
      message: expect.stringContaining('v2'),
      hint: expect.stringContaining('counterbalance world build global'),
    });
  });

  it('refuses a file changed after it was built, naming the file and the line', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(worldArb, fc.nat(), (world, at) => {
        writeBuiltWorld(dir, world);
        const body = gunzipSync(readFileSync(join(dir, BUILT_FILE)));
        const i = body.indexOf(0x0a) + 1 + (at % (body.length - body.indexOf(0x0a) - 1));
        body[i] = body[i]! ^ 0x01;
        writeFileSync(join(dir, BUILT_FILE), gzipSync(body));
        try {
          readBuiltWorld(dir);
          expect.unreachable('a changed byte was read');
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidInputError);
          expect((e as InvalidInputError).problems[0]).toMatchObject({ file: BUILT_FILE, line: 2 });
        }
      }),
      { numRuns: 40 },
    );
  });
});
