/**
 * Golden outputs: the JSON of every CLI command that has `--json` and of the main API GET routes,
 * computed on the bundled worlds with fixed arguments and seeds, compared byte for byte with the
 * files under test/golden/outputs/. A refactoring that is meant to leave behaviour alone must
 * leave every one of them unchanged.
 *
 *   node --import tsx scripts/output-diff.ts            # check: exit 1 on any difference
 *   node --import tsx scripts/output-diff.ts --update   # rewrite the goldens (an intended change)
 *
 * CLI commands run in-process through `runCli` (stdout captured), API routes through the Hono
 * app's `request`, so no process or socket is started. Each golden file holds the output's byte
 * count and SHA-256 and, when the output is small enough to read in a review, the parsed JSON
 * itself, from which the first differing JSON path is reported.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app.js';
import { runCli } from '../src/cli/main.js';

const GOLDEN_DIR = 'test/golden/outputs';
/** Above this many bytes a golden keeps the hash only (the file would be too big to review). */
const MAX_STORED_BYTES = 200 * 1024;
/** Where temporary files go; its path is replaced by this token in every output. */
const TMP_TOKEN = '<tmp>';

interface Golden {
  bytes: number;
  sha256: string;
  exitCode?: number;
  output?: unknown;
}

interface Case {
  name: string;
  run: () => Promise<{ text: string; exitCode?: number }>;
  /**
   * Compare numbers to 12 significant digits: DuckDB sums doubles in parallel, so the last bits of
   * an aggregate vary from run to run on the same input.
   */
  rounded?: boolean;
}

/** The JSON text with every number cut to 12 significant digits. */
function roundNumbers(text: string): string {
  const value = JSON.parse(text, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v));
  return `${JSON.stringify(value, null, 2)}\n`;
}

const tmp = mkdtempSync(join(tmpdir(), 'cb-output-diff-'));

/** Runs the CLI on `argv` in this process and returns what it printed on stdout. */
async function cli(argv: string[]): Promise<{ text: string; exitCode: number }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  // warnings and progress are not part of the JSON output
  process.stderr.write = (() => true) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    const exitCode = await runCli(argv);
    return { text: chunks.join(''), exitCode };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
}

const app = createApp({ log: null, limits: { maxRuns: 500, maxHorizon: 60, maxWork: 1_000_000 } });

async function api(path: string): Promise<{ text: string; exitCode: number }> {
  const res = await app.request(path);
  return { text: await res.text(), exitCode: res.status };
}

const cliCase = (name: string, argv: string[]): Case => ({ name: `cli/${name}`, run: () => cli(argv) });
const apiCase = (name: string, path: string): Case => ({ name: `api/${name}`, run: () => api(path) });

const EVENTS = 'test/fixtures/events';
const GDELT2 = `${EVENTS}/gdelt2_events_20201115_international_dyads.export.tsv`;
const ICEWS = `${EVENTS}/icews_events_20180601-02_sample.tab`;
const db = join(tmp, 'events.duckdb');
const E = ['-w', 'eurasia', '--at', '2021-12'];
const G = ['-w', 'global', '--at', '2010'];

const CASES: Case[] = [
  // world, ties
  cliCase('world-validate', ['world', 'validate', 'eurasia', '--json']),
  cliCase('world-stats-eurasia', ['world', 'stats', '-w', 'eurasia', '--json']),
  cliCase('world-stats-global', ['world', 'stats', '-w', 'global', '--json']),
  cliCase('world-evidence', ['world', 'evidence', '-w', 'eurasia', '--json']),
  cliCase('ties-eurasia', ['ties', ...E, '--json']),
  cliCase('ties-eurasia-military', ['ties', ...E, '-d', 'military', '--json']),
  cliCase('ties-global', ['ties', ...G, '--json']),
  // analysis
  cliCase('balance-eurasia', ['balance', ...E, '--json']),
  cliCase('balance-eurasia-weighted', ['balance', ...E, '--weighted', '--neutral', '0.2', '--json']),
  cliCase('balance-eurasia-stability', ['balance', ...E, '--stability', '50', '--seed', '3', '--json']),
  cliCase('triangle', ['triangle', 'CHN', 'IND', 'PAK', ...E, '--json']),
  cliCase('triangle-stability', ['triangle', 'CHN', 'IND', 'PAK', ...E, '--stability', '50', '--json']),
  cliCase('triangles-eurasia', ['triangles', ...E, '--json']),
  cliCase('balancers-eurasia', ['balancers', ...E, '--json']),
  cliCase('balancers-eurasia-all', ['balancers', ...E, '--all', '--json']),
  cliCase('alignment-eurasia', ['alignment', ...E, '--poles', 'USA,CHN', '--json']),
  cliCase('alignment-stability', ['alignment', ...E, '--poles', 'USA,CHN', '--stability', '50', '--json']),
  cliCase('triangle-global', ['triangle', 'CHN', 'IND', 'PAK', ...G, '--json']),
  cliCase('alignment-global', ['alignment', ...G, '--poles', 'USA,RUS', '--json']),
  cliCase('power-eurasia', ['power', ...E, '--json']),
  cliCase('power-eurasia-transfer', ['power', ...E, '--transfer', 'PAK:500', '--json']),
  cliCase('series-triangle', [
    'series',
    'triangleIndex',
    '--from',
    '2014',
    '--to',
    '2024',
    '--dimension',
    'diplomatic',
    '--json',
  ]),
  cliCase('series-tilt', [
    'series',
    'tilt:RUS:IND:PAK',
    '-w',
    'eurasia',
    '--from',
    '2016-01',
    '--to',
    '2022-12',
    '--every',
    '6',
    '--json',
  ]),
  // simulation
  cliCase('scenario-list', ['scenario', 'list', '--json']),
  cliCase('scenario-mechanisms', ['scenario', 'mechanisms', '--json']),
  cliCase('scenario-run', [
    'scenario',
    'run',
    'seed-russia-pakistan-bait',
    '--runs',
    '24',
    '--seed',
    '5',
    '--workers',
    '1',
    '--pair',
    'IND,RUS',
    '--json',
  ]),
  cliCase('scenario-run-2-workers', [
    'scenario',
    'run',
    'india-us-pivot',
    '--runs',
    '24',
    '--workers',
    '2',
    '--json',
  ]),
  cliCase('scenario-explain', [
    'scenario',
    'explain',
    'seed-russia-pakistan-bait',
    '--runs',
    '16',
    '--workers',
    '1',
    '--pair',
    'IND,RUS',
    '--json',
  ]),
  // bargaining
  cliCase('bargain-smp', ['bargain', 'russia-joins-cpec', '--draws', '10', '--json']),
  cliCase('bargain-bdm-explain', [
    'bargain',
    'russia-joins-cpec',
    '-m',
    'bdm',
    '--explain',
    'RUS',
    '--draws',
    '0',
    '--json',
  ]),
  cliCase('bargain-ktab', ['bargain', 'data/bargaining/SOE-Policy.csv', '--draws', '0', '--json']),
  // tour, coder
  cliCase('tour', ['tour', '--json']),
  cliCase('code', ['code', 'test/fixtures/coder/briefing.txt', '--date', '2019-08-15', '--json']),
  cliCase('code-eval', ['code', 'eval', `${EVENTS}/PETR2_GSR_validation.xml`, '--json']),
  // event store (a fresh file in the temporary folder)
  cliCase('events-import', ['events', 'import', GDELT2, ICEWS, '--db', db, '--json']),
  cliCase('events-stats', ['events', 'stats', '--db', db, '--json']),
  {
    ...cliCase('events-dyads', ['events', 'dyads', '--db', db, '--actors', 'RUS,CHN,USA,IND,PAK', '--json']),
    rounded: true,
  },
  {
    ...cliCase('events-dyads-directed', [
      'events',
      'dyads',
      '--db',
      db,
      '--by',
      'year',
      '--directed',
      '--json',
    ]),
    rounded: true,
  },
  cliCase('events-list', ['events', 'list', '--db', db, '--pair', 'RUS,USA', '--limit', '20', '--json']),
  cliCase('world-from-events', [
    'world',
    'from-events',
    '--db',
    db,
    '--actors',
    'RUS,PAK,IND,CHN,USA',
    '-o',
    join(tmp, 'events-world'),
    '--json',
  ]),
  // API
  apiCase('worlds', '/api/worlds'),
  apiCase('world-eurasia', '/api/worlds/eurasia'),
  apiCase('snapshot-eurasia', '/api/worlds/eurasia/snapshot?at=2021-12'),
  apiCase('snapshot-global', '/api/worlds/global/snapshot?at=2010'),
  apiCase('ties-eurasia', '/api/worlds/eurasia/ties?at=2021-12&dimension=military'),
  apiCase('tie-eurasia', '/api/worlds/eurasia/ties/IND/RUS'),
  apiCase('balance-eurasia', '/api/worlds/eurasia/balance?at=2021-12'),
  apiCase('balance-global', '/api/worlds/global/balance?at=2010'),
  apiCase('triangles-eurasia', '/api/worlds/eurasia/triangles?at=2021-12'),
  apiCase(
    'triangle-history',
    '/api/worlds/eurasia/triangles?at=2021-12&actors=CHN,IND,PAK&from=2018-01&to=2021-12&every=3',
  ),
  apiCase('balancers-eurasia', '/api/worlds/eurasia/balancers?at=2021-12&all=true'),
  apiCase('alignment-eurasia', '/api/worlds/eurasia/alignment?at=2021-12&poles=USA,CHN'),
  apiCase('power-eurasia', '/api/worlds/eurasia/power?at=2021-12'),
  apiCase('series-eurasia', '/api/worlds/eurasia/series?measure=tilt:RUS:IND:PAK&from=2016&to=2022&every=6'),
  apiCase('events-eurasia', '/api/worlds/eurasia/events?a=IND&b=PAK'),
  apiCase('events-monthly-eurasia', '/api/worlds/eurasia/events/monthly?actor=RUS'),
  apiCase('export-json', '/api/worlds/eurasia/export/json?at=2021-12'),
  apiCase('export-gexf', '/api/worlds/eurasia/export/gexf?at=2021-12'),
  apiCase('citations', '/api/worlds/eurasia/citations?format=csl-json&pair=IND,RUS'),
  apiCase('scenarios', '/api/worlds/eurasia/scenarios'),
  apiCase('bargaining-issues', '/api/bargaining/issues'),
  apiCase('bargaining-issue', '/api/bargaining/issues/russia-joins-cpec'),
  apiCase('bargaining-forecast', '/api/bargaining/issues/russia-joins-cpec/forecast'),
];

function goldenOf(text: string, exitCode: number | undefined): Golden {
  const bytes = Buffer.byteLength(text);
  const golden: Golden = { bytes, sha256: createHash('sha256').update(text).digest('hex') };
  if (exitCode !== undefined) golden.exitCode = exitCode;
  if (bytes <= MAX_STORED_BYTES) {
    try {
      golden.output = JSON.parse(text);
    } catch {
      golden.output = text;
    }
  }
  return golden;
}

/** The first JSON path at which `a` and `b` differ, or undefined when they are deep-equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${path}[${i}]`;
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    // a renamed or reordered key is a difference too (the bytes change)
    if (ka[i] !== kb[i]) return `${path}.${ka[i] ?? kb[i]} (key order or name)`;
    const k = ka[i]!;
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${path}.${k}`,
    );
    if (d) return d;
  }
  return undefined;
}

function describeDifference(expected: Golden, actual: Golden): string {
  if (expected.exitCode !== actual.exitCode) return `exit code ${expected.exitCode} → ${actual.exitCode}`;
  if (expected.output !== undefined && actual.output !== undefined) {
    const path = firstDifference(expected.output, actual.output);
    if (path) return `first difference at ${path}`;
    return `same JSON, different bytes (${expected.bytes} → ${actual.bytes})`;
  }
  return `${expected.bytes} → ${actual.bytes} bytes (only the hash is stored)`;
}

async function main(): Promise<number> {
  const update = process.argv.includes('--update');
  const started = performance.now();
  const differing: string[] = [];
  const seen = new Set<string>();
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const c of CASES) {
    const t0 = performance.now();
    const { text, exitCode } = await c.run();
    const stable = c.rounded && exitCode === 0 ? roundNumbers(text) : text;
    const actual = goldenOf(stable.split(tmp).join(TMP_TOKEN), exitCode);
    const file = join(GOLDEN_DIR, `${c.name.replace('/', '.')}.json`);
    seen.add(file);
    const ms = Math.round(performance.now() - t0);
    if (update) {
      writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
      console.log(`wrote ${c.name} (${actual.bytes} bytes, ${ms} ms)`);
      continue;
    }
    let expected: Golden | undefined;
    try {
      expected = JSON.parse(readFileSync(file, 'utf8')) as Golden;
    } catch {
      expected = undefined;
    }
    if (!expected) {
      differing.push(c.name);
      console.log(`✘ ${c.name}: no golden file (run with --update)`);
    } else if (expected.sha256 !== actual.sha256 || expected.exitCode !== actual.exitCode) {
      differing.push(c.name);
      console.log(`✘ ${c.name}: ${describeDifference(expected, actual)}`);
    } else {
      console.log(`✔ ${c.name} (${ms} ms)`);
    }
  }
  if (update) {
    for (const f of readdirSync(GOLDEN_DIR)) {
      const file = join(GOLDEN_DIR, f);
      if (!seen.has(file)) rmSync(file);
    }
  }
  await app.dispose();
  rmSync(tmp, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const cpu = process.cpuUsage();
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
  console.log(
    `${CASES.length} outputs (${CASES.filter((c) => c.name.startsWith('cli/')).length} CLI, ` +
      `${CASES.filter((c) => c.name.startsWith('api/')).length} API) in ${seconds} s (CPU ${cpuSeconds} s): ` +
      (update ? 'goldens written' : `${differing.length} differ`),
  );
  return differing.length > 0 ? 1 : 0;
}

process.exitCode = await main();
