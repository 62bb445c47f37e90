/**
 * The built format of a derived world: one gzip file whose first line is a stamp (format,
 * version, SHA-256 of the payload) and whose second line is the world as compact JSON, tie
 * observations packed as arrays. It is validated in full (schema and cross-references) when it is
 * built; loading checks the stamp instead of re-validating every row, then unpacks a normal World.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InvalidInputError } from '../../domain/errors.js';
import type { Observation, TieSeries, WorldFile } from '../../domain/schema.js';
import type { World } from '../../domain/world.js';

export const BUILT_FILE = 'world.built.json.gz';
const FORMAT = 'counterbalance-built-world';
const VERSION = 1;

/** [at, until, value, note?] when the series' observations share confidence and evidence, else with them. */
type PackedObservation =
  | [string, string | null, number, string | null]
  | [string, string | null, number, string | null, number, string[]];
/** [a, b, dimension, directed, origin, shared confidence, shared evidence, observations] */
type PackedTie = [
  string,
  string,
  TieSeries['dimension'],
  boolean,
  string | null,
  number | null,
  string[] | null,
  PackedObservation[],
];

function packTie(t: TieSeries): PackedTie {
  const first = t.observations[0]!;
  const conf = (o: Observation) => o.confidence ?? 0.6;
  const shared = t.observations.every(
    (o) => conf(o) === conf(first) && o.evidence.join() === first.evidence.join(),
  );
  const obs = t.observations.map((o): PackedObservation => {
    const head: [string, string | null, number, string | null] = [
      o.at,
      o.until ?? null,
      o.value,
      o.note ?? null,
    ];
    return shared ? head : [...head, conf(o), o.evidence];
  });
  return [
    t.a,
    t.b,
    t.dimension,
    t.directed ?? false,
    t.origin ?? null,
    shared ? conf(first) : null,
    shared ? first.evidence : null,
    obs,
  ];
}

function unpackTie([a, b, dimension, directed, origin, confidence, evidence, obs]: PackedTie): TieSeries {
  const t: TieSeries = {
    a,
    b,
    dimension,
    directed,
    observations: obs.map((p) => {
      const o: Observation = {
        at: p[0],
        value: p[2],
        confidence: p[4] ?? confidence!,
        evidence: p[5] ?? evidence!,
      };
      if (p[1] !== null) o.until = p[1];
      if (p[3] !== null) o.note = p[3];
      return o;
    }),
  };
  if (origin !== null) t.origin = origin;
  return t;
}

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
  const ties = (world.ties ?? []).map(packTie);
  const payload = JSON.stringify({ ...world, ties });
  const sha256 = createHash('sha256').update(payload).digest('hex');
  const body = gzipSync(`${JSON.stringify({ format: FORMAT, version: VERSION, sha256 })}\n${payload}`, {
    level: 9,
  });
  const tmp = join(dir, `.${BUILT_FILE}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, body);
    renameSync(tmp, join(dir, BUILT_FILE));
  } finally {
    rmSync(tmp, { force: true });
  }
  return { bytes: body.length, sha256 };
}

/** Reads a built world from `dir` (see isBuiltWorld); a wrong stamp or checksum is an input error. */
export function readBuiltWorld(dir: string): World {
  const file = join(dir, BUILT_FILE);
  const fail = (message: string, line = 1): never => {
    throw new InvalidInputError({
      file: BUILT_FILE,
      line,
      message,
      hint: 'rebuild it: counterbalance world build <id>',
    });
  };
  let text = '';
  try {
    text = gunzipSync(readFileSync(file)).toString('utf8');
  } catch (e) {
    fail(`cannot decompress (${(e as Error).message})`);
  }
  const nl = text.indexOf('\n');
  let stamp: { format?: string; version?: number; sha256?: string } = {};
  try {
    stamp = JSON.parse(text.slice(0, nl));
  } catch {
    fail('no stamp on the first line');
  }
  if (stamp.format !== FORMAT || stamp.version !== VERSION) fail(`not a ${FORMAT} v${VERSION} file`);
  const payload = text.slice(nl + 1);
  if (createHash('sha256').update(payload).digest('hex') !== stamp.sha256)
    fail('checksum mismatch: the file was changed or damaged', 2);
  const data = JSON.parse(payload) as Omit<WorldFile, 'ties'> & { ties: PackedTie[] };
  const ties = data.ties.map(unpackTie);
  const actors = data.actors ?? [];
  const evidence = data.evidence ?? [];
  return {
    meta: data.meta!,
    sources: data.sources ?? [],
    evidence,
    actors,
    capabilities: data.capabilities ?? [],
    ties,
    events: data.events ?? [],
    corridors: data.corridors ?? [],
    memberships: data.memberships ?? [],
    claims: data.claims ?? [],
    actorById: new Map(actors.map((a) => [a.id, a])),
    evidenceById: new Map(evidence.map((e) => [e.id, e])),
    origin: dir,
  };
}
