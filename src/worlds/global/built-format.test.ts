import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.js';
import type { TieSeries, WorldFile } from '../../domain/schema.js';
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
    sources: [],
    evidence: ['e1', 'e2', 'é3'].map((id) => ({ id, source: 's', rows: [{ ccode: 2, name: 'São Tomé' }] })),
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
