/**
 * The built format of a derived world: one gzip file holding a stamp line (format, version,
 * SHA-256 of everything after it, part sizes), the world as compact ASCII JSON without its evidence,
 * the evidence as a JSON line of its own, and the tie observations as little-endian binary columns
 * (value, start, until, note). Each series also carries the set of source grades its evidence has
 * (v4), so a snapshot weighs confidences by grade without reading the evidence list. It is
 * validated in full (schema and cross-references) when it is built; loading checks the stamp
 * instead of re-validating every row, then unpacks a normal World
 * whose evidence is parsed on first use (a snapshot never reads it) and whose series keep their
 * observations in the columns until read (see tie-columns.ts). Columns and a lazy evidence
 * section keep the loader from parsing, and the collector from copying, what a load does not need.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InvalidInputError } from '../../domain/errors.js';
import type { Evidence, Observation, TieSeries, WorldFile } from '../../domain/schema.js';
import type { World } from '../../domain/world.js';
import { gunzipWhole } from '../../kernels/gunzip.js';
import { seriesIndex } from '../series-index.js';
import { gradeSet } from '../source-grade.js';
import { bindGradeSets, columnSeries, type TieColumns } from '../tie-columns.js';

export const BUILT_FILE = 'world.built.json.gz';
const FORMAT = 'counterbalance-built-world';
const VERSION = 4;
/**
 * Versions this reader accepts: v3 lacks the grade sets (its snapshots look the grades up in the
 * evidence list, as for any world), v4 adds them.
 */
const READABLE = [3, VERSION];

/**
 * [a, b, dimension, directed, origin, confidence, evidence, number of observations, grade sets]:
 * confidence, evidence and the grade set of the evidence (source-grade.ts `gradeSet`; since v4)
 * once when every observation of the series shares them, else one per observation.
 */
type PackedSeries = [
  string,
  string,
  TieSeries['dimension'],
  boolean,
  string | null,
  number | number[],
  string[] | string[][],
  number,
  (number | number[])?,
];
/** The JSON side of the tie columns: the series, and the tables the columns index into. */
interface PackedTies {
  dates: string[];
  notes: string[];
  series: PackedSeries[];
}
/** One entry per observation, series after series; dates and notes index their tables (-1: none). */
interface Columns {
  value: Float64Array;
  at: Int32Array;
  until: Int32Array;
  note: Int32Array;
}
interface Stamp {
  format: string;
  version: number;
  sha256: string;
  /** Bytes of the world line, of the evidence line (each with its newline), observations. */
  world: number;
  evidence: number;
  observations: number;
}

function packTies(
  ties: readonly TieSeries[],
  grades: (evidence: readonly string[]) => number,
): { json: PackedTies; columns: Columns } {
  const tables = { dates: new Map<string, number>(), notes: new Map<string, number>() };
  const ref = (table: Map<string, number>, x: string | undefined) => {
    if (x === undefined) return -1;
    if (!table.has(x)) table.set(x, table.size);
    return table.get(x)!;
  };
  const n = ties.reduce((k, t) => k + t.observations.length, 0);
  const columns: Columns = {
    value: new Float64Array(n),
    at: new Int32Array(n),
    until: new Int32Array(n),
    note: new Int32Array(n),
  };
  const series: PackedSeries[] = [];
  const conf = (o: Observation) => o.confidence ?? 0.6;
  let j = 0;
  for (const t of ties) {
    const first = t.observations[0]!;
    const shared = t.observations.every(
      (o) => conf(o) === conf(first) && o.evidence.join() === first.evidence.join(),
    );
    series.push([
      t.a,
      t.b,
      t.dimension,
      t.directed ?? false,
      t.origin ?? null,
      shared ? conf(first) : t.observations.map(conf),
      shared ? first.evidence : t.observations.map((o) => o.evidence),
      t.observations.length,
      shared ? grades(first.evidence) : t.observations.map((o) => grades(o.evidence)),
    ]);
    for (const o of t.observations) {
      // -0 reads back as 0, as it would from JSON.
      columns.value[j] = o.value === 0 ? 0 : o.value;
      columns.at[j] = ref(tables.dates, o.at);
      columns.until[j] = ref(tables.dates, o.until);
      columns.note[j] = ref(tables.notes, o.note);
      j++;
    }
  }
  return { json: { dates: [...tables.dates.keys()], notes: [...tables.notes.keys()], series }, columns };
}

/** Column-backed series (see tie-columns.ts): no observation object is built until one is read. */
function unpackTies(p: PackedTies, columns: TieColumns): TieSeries[] {
  const ties: TieSeries[] = [];
  let from = 0;
  for (const [a, b, dimension, directed, origin, confidence, evidence, n, grades] of p.series) {
    const slice = { columns, from, n, confidence, evidence, ...(grades !== undefined && { grades }) };
    ties.push(columnSeries({ a, b, dimension, directed }, slice, origin === null ? {} : { origin }));
    from += n;
  }
  return ties;
}

/** Compact JSON with every non-ASCII character escaped: one line that reads back as a one-byte string. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const bytesOf = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** True when `dir` holds a built world. */
export function isBuiltWorld(dir: string): boolean {
  return existsSync(join(dir, BUILT_FILE));
}

/**
 * Writes `world` (already validated) into `dir` all-or-nothing: a temporary file renamed into place.
 *
 * @example
 * writeBuiltWorld('data/worlds/global', world);
 */
export function writeBuiltWorld(dir: string, world: WorldFile): { bytes: number; sha256: string } {
  const { evidence, ...rest } = world;
  const graded = { evidence: evidence ?? [], sources: world.sources ?? [] };
  const { json, columns } = packTies(world.ties ?? [], (cited) => gradeSet(graded, cited));
  const parts = [
    Buffer.from(`${asciiJson({ ...rest, ties: json })}\n`, 'latin1'),
    Buffer.from(`${asciiJson(evidence ?? [])}\n`, 'latin1'),
    // Value first: each column then starts at a multiple of its element size.
    ...[columns.value, columns.at, columns.until, columns.note].map(bytesOf),
  ];
  const payload = Buffer.concat(parts);
  const stamp: Stamp = {
    format: FORMAT,
    version: VERSION,
    sha256: createHash('sha256').update(payload).digest('hex'),
    world: parts[0]!.length,
    evidence: parts[1]!.length,
    observations: columns.value.length,
  };
  const body = gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(stamp)}\n`), payload]), { level: 9 });
  const tmp = join(dir, `.${BUILT_FILE}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, body);
    renameSync(tmp, join(dir, BUILT_FILE));
  } finally {
    rmSync(tmp, { force: true });
  }
  return { bytes: body.length, sha256: stamp.sha256 };
}

/** Reads a built world from `dir` (see isBuiltWorld); a wrong stamp or checksum is an input error. */
export function readBuiltWorld(dir: string): World {
  const fail = (message: string, line = 1): never => {
    throw new InvalidInputError({
      file: BUILT_FILE,
      line,
      message,
      hint: `rebuild it: counterbalance world build ${basename(dir)}`,
    });
  };
  let bytes = Buffer.alloc(0);
  try {
    bytes = gunzipWhole(readFileSync(join(dir, BUILT_FILE)));
  } catch (e) {
    fail(`cannot decompress (${(e as Error).message})`);
  }
  const nl = bytes.indexOf(0x0a);
  let stamp: Partial<Stamp> = {};
  try {
    stamp = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
  } catch {
    fail('no stamp on the first line');
  }
  if (stamp.format !== FORMAT) fail(`not a ${FORMAT} file`);
  if (!READABLE.includes(stamp.version ?? 0))
    fail(`a ${FORMAT} v${stamp.version}; this version of counterbalance reads v${READABLE.join(' or v')}`);
  if (endianness() !== 'LE') fail('the observation columns are little-endian; this machine is not');
  const payload = bytes.subarray(nl + 1);
  const n = stamp.observations ?? 0;
  const columnsAt = (stamp.world ?? 0) + (stamp.evidence ?? 0);
  if (
    payload.length !== columnsAt + 20 * n ||
    createHash('sha256').update(payload).digest('hex') !== stamp.sha256
  )
    fail('checksum mismatch: the file was changed or damaged', 2);
  // An aligned copy of the columns, so typed arrays can view them.
  const columns = new Uint8Array(20 * n);
  columns.set(payload.subarray(columnsAt));
  const c: Columns = {
    value: new Float64Array(columns.buffer, 0, n),
    at: new Int32Array(columns.buffer, 8 * n, n),
    until: new Int32Array(columns.buffer, 12 * n, n),
    note: new Int32Array(columns.buffer, 16 * n, n),
  };
  // The JSON lines are ASCII (see asciiJson): latin1 decodes them straight into one-byte strings.
  const data = JSON.parse(payload.toString('latin1', 0, stamp.world! - 1)) as Omit<
    WorldFile,
    'ties' | 'evidence'
  > & {
    ties: PackedTies;
  };
  // Most reads never need the evidence list: keep its bytes (a copy, so the 11 MB buffer can go) and decode on demand.
  const evidenceBytes = Buffer.from(payload.subarray(stamp.world!, columnsAt - 1));
  const columnsOf: TieColumns = { ...c, dates: data.ties.dates, notes: data.ties.notes };
  const ties = unpackTies(data.ties, columnsOf);
  const actors = data.actors ?? [];
  let evidence: Evidence[] | undefined;
  let evidenceById: Map<string, Evidence> | undefined;
  const evidenceList = () => {
    evidence ??= JSON.parse(evidenceBytes.toString('latin1')) as Evidence[];
    return evidence;
  };
  const world: World = {
    meta: data.meta!,
    sources: data.sources ?? [],
    get evidence() {
      return evidenceList();
    },
    actors,
    capabilities: data.capabilities ?? [],
    ties,
    events: data.events ?? [],
    corridors: data.corridors ?? [],
    memberships: data.memberships ?? [],
    claims: data.claims ?? [],
    actorById: new Map(actors.map((a) => [a.id, a])),
    get evidenceById() {
      evidenceById ??= new Map(evidenceList().map((e) => [e.id, e]));
      return evidenceById;
    },
    origin: dir,
  };
  // The grade sets were computed when the file was written, from this evidence and these sources.
  bindGradeSets(world, columnsOf);
  // A built world is read to be queried: its date index is part of loading it, so the first
  // snapshot after a load costs what every later one does.
  seriesIndex(world.ties);
  return world;
}
