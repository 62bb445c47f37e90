/**
 * A replication bundle for a paper: one folder holding what a reader needs to re-run a scenario and
 * get the same numbers — the scenario file, every parameter the run used (defaults included), the
 * seed, a content hash of the world files, the outputs, and the sources behind the world the
 * scenario starts from (BibTeX and CSL-JSON). `replicateBundle` re-runs it from the manifest alone
 * and compares the outputs byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InvalidInputError } from '../../domain/errors.js';
import type { World } from '../../domain/world.js';
import { formatCitations } from '../../worlds/export/citations.js';
import { citedSources } from '../../worlds/export/cited-sources.js';
import { openWorld } from '../../worlds/open-world.js';
import { worldFiles } from '../../worlds/read-world-files.js';
import { WORLD_MODEL_DEFAULTS } from '../model/world-model.js';
import { describeMechanisms } from './describe.js';
import { RUN_DEFAULTS, type RunScenarioOptions, runScenario, type ScenarioResult } from './run-scenario.js';
import { loadScenario, runsMechanism, SCENARIO_LIMITS, type ScenarioDocument, worldRef } from './scenario.js';
import { SUMMARY_DEFAULTS } from './summary.js';

export const BUNDLE_FILES = Object.freeze({
  manifest: 'manifest.json',
  outputs: 'outputs.json',
  bibtex: 'citations.bib',
  csl: 'citations.json',
  scenarioDir: 'scenario',
});

/** The parameters a run used that change its outputs (thread count does not). */
export type UsedParameters = Pick<
  RunScenarioOptions,
  | 'dimension'
  | 'track'
  | 'drawParameters'
  | 'drawTies'
  | 'chunk'
  | 'minChunks'
  | 'limits'
  | 'model'
  | 'summary'
> & { world: string; runs: number; seed: number };

export interface BundleManifest {
  format: 'counterbalance-replication/1';
  tool: { name: 'counterbalance'; version: string; node: string };
  createdAt: string;
  commandLine: string[];
  world: { id: string; ref: string; sha256: string; files: string[] };
  scenario: { file: string; sha256: string; parsed: ScenarioDocument['scenario'] };
  /** What the run fed `runScenario` (a re-run passes exactly this). */
  parameters: UsedParameters;
  /** The same with every default filled in, for the reader: limits, model, summary, mechanisms. */
  resolved: {
    limits: Record<string, unknown>;
    model: Record<string, unknown>;
    summary: Record<string, unknown>;
    mechanisms: { id: string; enabled: boolean; defaults: Record<string, unknown> }[];
  };
  outputs: { file: string; sha256: string };
  citations: { at: string; sources: number; bibtex: string; cslJson: string };
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Hash of a world's files: each file's name (relative to the world) and bytes, in name order, so a
 * copy of the world elsewhere hashes the same.
 *
 * @example
 * worldContentHash(openWorld('eurasia')); // { sha256: '3f…', files: ['actors.yaml', …] }
 */
export function worldContentHash(world: World): { sha256: string; files: string[] } {
  const files = existsSync(world.origin) ? worldFiles(world.origin) : [];
  const base = files.length === 1 && files[0] === world.origin ? dirname(world.origin) : world.origin;
  const hash = createHash('sha256');
  const names: string[] = [];
  for (const f of files) {
    const name = relative(base, f);
    names.push(name);
    hash.update(`${name}\0`).update(readFileSync(f)).update('\0');
  }
  return { sha256: hash.digest('hex'), files: names };
}

/** The parameters `runScenario` will use for these options: the scenario's, the flags', the defaults. */
export function usedParameters(
  doc: ScenarioDocument,
  options: Partial<RunScenarioOptions>,
  result: ScenarioResult,
): UsedParameters {
  const o = { ...RUN_DEFAULTS, ...options };
  const ref = worldRef(doc, typeof o.world === 'string' ? o.world : undefined);
  return {
    // a path is kept absolute so the bundle re-runs from any folder
    world: /^[a-z][a-z0-9-]*$/.test(ref) ? ref : resolve(ref),
    runs: result.runs,
    seed: result.scenario.seed,
    dimension: o.dimension,
    track: o.track,
    drawParameters: o.drawParameters,
    drawTies: o.drawTies,
    chunk: o.chunk,
    minChunks: o.minChunks,
    limits: o.limits,
    model: o.model,
    summary: o.summary,
  };
}

/** Outputs exactly as `scenario run --json` prints them. */
export const outputsText = (result: ScenarioResult): string => `${JSON.stringify(result, null, 2)}\n`;

export interface BundleInput {
  doc: ScenarioDocument;
  options: Partial<RunScenarioOptions>;
  result: ScenarioResult;
  commandLine: string[];
  toolVersion: string;
}

function scenarioPath(doc: ScenarioDocument): string {
  if (!doc.file || !doc.dir) {
    throw new InvalidInputError({
      field: 'scenario',
      message: 'a replication bundle needs a scenario read from a file',
      hint: 'save the scenario as YAML and run it with `scenario run FILE --bundle DIR`',
    });
  }
  return join(doc.dir, doc.file);
}

/**
 * Writes the bundle into `dir` (which must not exist or be empty). Files go to a sibling folder
 * first and are moved in place at the end, so a failure leaves nothing half-written.
 *
 * @example
 * const result = await runScenario(doc, { seed: 7 });
 * writeReplicationBundle('paper-run', { doc, options: { seed: 7 }, result, commandLine, toolVersion });
 */
export function writeReplicationBundle(dir: string, input: BundleInput): BundleManifest {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new InvalidInputError({
      file: dir,
      field: '--bundle',
      message: 'the bundle folder exists and is not empty',
      hint: 'name a new folder so an earlier bundle is never overwritten',
    });
  }
  const { doc, result } = input;
  const parameters = usedParameters(doc, input.options, result);
  const world = openWorld(parameters.world);
  const scenarioText = readFileSync(scenarioPath(doc));
  const outputs = outputsText(result);
  const cited = citedSources(world, { at: doc.scenario.start });
  const bibtex = formatCitations(cited, 'bibtex');
  const csl = formatCitations(cited, 'csl-json');
  const manifest: BundleManifest = {
    format: 'counterbalance-replication/1',
    tool: { name: 'counterbalance', version: input.toolVersion, node: process.version },
    createdAt: new Date().toISOString(),
    commandLine: input.commandLine,
    world: { id: world.meta.id, ref: parameters.world, ...worldContentHash(world) },
    scenario: {
      file: `${BUNDLE_FILES.scenarioDir}/${basename(scenarioPath(doc))}`,
      sha256: sha256(scenarioText),
      parsed: doc.scenario,
    },
    parameters,
    resolved: {
      limits: { ...SCENARIO_LIMITS, ...parameters.limits },
      model: { ...WORLD_MODEL_DEFAULTS, ...parameters.model },
      summary: { ...SUMMARY_DEFAULTS, ...parameters.summary },
      mechanisms: describeMechanisms().map((m) => ({
        id: m.id,
        enabled: runsMechanism(doc.scenario, m.id),
        // the scenario's own overrides are in scenario.parsed.mechanisms
        defaults: Object.fromEntries(m.params.map((p) => [p.name, p.prior ?? p.default])),
      })),
    },
    outputs: { file: BUNDLE_FILES.outputs, sha256: sha256(outputs) },
    citations: {
      at: doc.scenario.start,
      sources: cited.length,
      bibtex: BUNDLE_FILES.bibtex,
      cslJson: BUNDLE_FILES.csl,
    },
  };
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(join(staging, BUNDLE_FILES.scenarioDir), { recursive: true });
    writeFileSync(join(staging, manifest.scenario.file), scenarioText);
    writeFileSync(join(staging, BUNDLE_FILES.outputs), outputs);
    writeFileSync(join(staging, BUNDLE_FILES.bibtex), bibtex);
    writeFileSync(join(staging, BUNDLE_FILES.csl), csl);
    writeFileSync(join(staging, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return manifest;
}

export interface Replication {
  /** Offset of the first character that differs; absent when the outputs are identical. */
  firstDifference?: number;
  expected: string;
  actual: string;
}

function readManifest(dir: string): BundleManifest {
  const path = join(dir, BUNDLE_FILES.manifest);
  if (!existsSync(path)) {
    throw new InvalidInputError({
      file: path,
      message: 'no manifest.json here',
      hint: 'point at a folder written by `scenario run FILE --bundle DIR`',
    });
  }
  return JSON.parse(readFileSync(path, 'utf8')) as BundleManifest;
}

/**
 * Re-runs a bundle from its manifest and scenario copy and compares the outputs byte for byte.
 * A world whose files changed since the bundle was written is refused, not silently re-run.
 *
 * @example
 * (await replicateBundle('paper-run')).firstDifference; // undefined: byte for byte
 */
export async function replicateBundle(dir: string): Promise<Replication> {
  const m = readManifest(dir);
  const world = openWorld(m.parameters.world);
  const hash = worldContentHash(world);
  if (hash.sha256 !== m.world.sha256) {
    throw new InvalidInputError({
      file: join(dir, BUNDLE_FILES.manifest),
      field: 'world.sha256',
      message: `world '${m.parameters.world}' is not the one the bundle ran on (its files changed)`,
      hint: `restore the world files listed in the manifest (${m.world.files.join(', ')})`,
    });
  }
  const doc = loadScenario(join(dir, m.scenario.file));
  const result = await runScenario(doc, { ...m.parameters, world });
  const actual = outputsText(result);
  const expected = readFileSync(join(dir, m.outputs.file), 'utf8');
  if (actual === expected) return { expected, actual };
  let i = 0;
  while (actual[i] === expected[i]) i++;
  return { firstDifference: i, expected, actual };
}
