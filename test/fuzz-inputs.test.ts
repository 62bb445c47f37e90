/**
 * Property-based fuzzing (fast-check, fixed seeds) of the four file inputs: world, scenario, KTAB
 * CSV and signed edge list. Each case mutates a real file of the project (inserted, deleted and
 * replaced tokens that break syntax, types, numbers and encodings) and runs the real reader: it
 * must accept the input or reject it with a named CounterbalanceError, never crash. Counts are
 * printed; a case slower than HANG_MS is counted as a hang (reported, not a timing assertion).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEdgeListCsv } from '../src/analysis/edge-list-csv.js';
import { indexGraph } from '../src/analysis/signed-graph.js';
import { parseKtabCsv } from '../src/bargaining/input/ktab-csv.js';
import { CounterbalanceError } from '../src/domain/errors.js';
import { checkScenario, parseScenario } from '../src/simulation/scenarios/scenario.js';
import { loadWorld } from '../src/worlds/load.js';
import { projectRoot } from './helpers/cli.js';

const CASES = 150;
const HANG_MS = 10_000;
const TOKENS = [
  ':',
  '-',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  '#',
  '&a',
  '*a',
  '!!binary',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  '~',
  'true',
  '2021-13',
  '9999-12-31',
  '\uFEFF',
  '\u0000',
  'é',
  '𝔘',
  '\\',
];

/** Edits of a text: at a position (as a share of its length), insert, delete or replace. */
const edits = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    op: fc.constantFrom('insert', 'delete', 'replace'),
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
    span: fc.integer({ min: 1, max: 40 }),
  }),
  { minLength: 1, maxLength: 6 },
);

type Edits = typeof edits extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ops: Edits): string {
  let out = text;
  for (const { at, op, token, span } of ops) {
    const i = Math.floor(at * out.length);
    if (op === 'insert') out = out.slice(0, i) + token + out.slice(i);
    else if (op === 'delete') out = out.slice(0, i) + out.slice(i + span);
    else out = out.slice(0, i) + token + out.slice(i + span);
  }
  return out;
}

interface Counts {
  input: string;
  cases: number;
  accepted: number;
  rejected: number;
  crashes: number;
  hangs: number;
}

/** Runs `read` on `CASES` mutations of `seedText`; collects what happened. */
function fuzz(input: string, seed: number, seedText: string, read: (text: string) => void): Counts {
  const counts: Counts = { input, cases: 0, accepted: 0, rejected: 0, crashes: 0, hangs: 0 };
  const crashes: string[] = [];
  fc.assert(
    fc.property(edits, (ops) => {
      const text = mutate(seedText, ops);
      counts.cases++;
      const started = performance.now();
      try {
        read(text);
        counts.accepted++;
      } catch (err) {
        if (err instanceof CounterbalanceError) counts.rejected++;
        else {
          counts.crashes++;
          crashes.push(
            `${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')} ← ${JSON.stringify(ops)}`,
          );
        }
      }
      if (performance.now() - started > HANG_MS) counts.hangs++;
    }),
    { seed, numRuns: CASES },
  );
  console.log(`fuzz ${JSON.stringify(counts)}`);
  if (crashes.length > 0) console.log(crashes.slice(0, 5).join('\n'));
  return counts;
}

const read = (rel: string) => readFileSync(join(projectRoot, rel), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cb-fuzz-'));

describe('fuzzed inputs are accepted or rejected with a named error, never a crash', () => {
  it('world files', () => {
    const file = join(dir, 'world.yaml');
    const counts = fuzz('world', 16, read('test/fixtures/mini-world/world.yaml'), (text) => {
      writeFileSync(file, text);
      loadWorld(file);
    });
    expect(counts).toMatchObject({ cases: CASES, crashes: 0 });
    expect(counts.rejected).toBeGreaterThan(0);
  });

  it('scenario files (parsed, then checked against their world)', () => {
    const world = loadWorld(join(projectRoot, 'test/fixtures/sim-world'));
    const counts = fuzz('scenario', 17, read('test/fixtures/sim-scenario.yaml'), (text) => {
      checkScenario(parseScenario(text, 'fuzz.yaml'), world);
    });
    expect(counts).toMatchObject({ cases: CASES, crashes: 0 });
    expect(counts.rejected).toBeGreaterThan(0);
  });

  it('KTAB CSV files', () => {
    const counts = fuzz('ktab', 18, read('data/bargaining/dummyData_3Dim.csv'), (text) => {
      parseKtabCsv(text, 'fuzz.csv');
    });
    expect(counts).toMatchObject({ cases: CASES, crashes: 0 });
    expect(counts.rejected).toBeGreaterThan(0);
  });

  it('signed edge lists', () => {
    const counts = fuzz('edge-list', 19, read('data/balance/tribes_read1954.csv'), (text) => {
      indexGraph(parseEdgeListCsv(text, 'fuzz.csv').graph);
    });
    expect(counts).toMatchObject({ cases: CASES, crashes: 0 });
    expect(counts.rejected).toBeGreaterThan(0);
  });
});
