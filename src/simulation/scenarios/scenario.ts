/**
 * Scenario files: a start world and date, a horizon, shocks, mechanism overrides, runs and a seed
 * (YAML or JSON). Validated in two passes, like world files: the schema (zod) for shape and ranges,
 * then checks against the world (actor ids, dates) and the mechanism registry (names, parameters,
 * ranges). Every problem names file, line and field, and says how to fix it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { formatProblem, NotFoundError, type Problem, ScenarioValidationError } from '../../domain/errors.js';
import { DateString, DIMENSIONS, Dimension, Id } from '../../domain/schema.js';
import { endOf, startOf } from '../../domain/time.js';
import type { World } from '../../domain/world.js';
import { readTextFile } from '../../worlds/read-text-file.js';
import { closest, unknownIdHint } from '../../worlds/suggest.js';
import { type DataPath, fieldName, parseYamlSource } from '../../worlds/yaml-source.js';
import {
  FOLLOW_SYNTAX,
  FollowEntrySchema,
  followSpec,
  isMeasureEntry,
  MeasureExpectationSchema,
} from '../measures/follow-entry.js';
import { ENGINE_PARAMS } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ParamSpec } from '../model/mechanisms/types.js';

/** Limits on the work one scenario may ask for. */
export interface ScenarioLimits {
  maxRuns: number;
  maxHorizon: number;
  maxShocks: number;
}

export const SCENARIO_LIMITS: Readonly<ScenarioLimits> = Object.freeze({
  maxRuns: 100_000,
  maxHorizon: 1200,
  maxShocks: 1000,
});

const Pair = z.tuple([Id, Id]);

export const Shock = z
  .object({
    at: z.number().int().min(0).describe('step at whose start the shock applies (0 = the start date)'),
    tie: Pair.optional().describe('the dyad whose tie changes'),
    shift: z.number().min(-2).max(2).optional().describe('add this to the tie'),
    set: z.number().min(-1).max(1).optional().describe('set the tie to this value'),
    dimension: Dimension.optional().describe('shock one layer; the composite moves by its weighted share'),
    persist: z
      .boolean()
      .optional()
      .describe(
        'tie shocks: true (default) moves the long-run level too (a lasting change); false: a one-off impulse',
      ),
    capability: Id.optional().describe('the actor whose capability changes'),
    scale: z.number().positive().optional().describe('multiply the capability by this factor'),
    mechanism: z.string().optional().describe('the mechanism whose parameters change or that switches'),
    params: z
      .record(z.string(), z.union([z.number(), z.boolean()]))
      .optional()
      .describe('new values of some of the mechanism’s parameters from this step on'),
    enabled: z.boolean().optional().describe('false: the mechanism stops acting from this step on'),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (message: string, path: string[] = []) => ctx.addIssue({ code: 'custom', message, path });
    const targets = [s.tie, s.capability, s.mechanism].filter((x) => x !== undefined).length;
    if (targets !== 1) {
      issue(
        'a shock changes one thing: a tie (`tie: [A, B]`), a capability (`capability: A`) or a ' +
          'mechanism (`mechanism: name`)',
      );
      return;
    }
    if (s.mechanism !== undefined) {
      if ((s.params === undefined) === (s.enabled === undefined))
        issue('a mechanism shock needs exactly one of `params: {…}` or `enabled: true|false`', ['mechanism']);
      for (const k of ['shift', 'set', 'dimension', 'persist'] as const)
        if (s[k] !== undefined) issue(`\`${k}\` belongs to tie shocks`, [k]);
      if (s.scale !== undefined) issue('`scale` belongs to capability shocks', ['scale']);
      return;
    }
    for (const k of ['params', 'enabled'] as const)
      if (s[k] !== undefined) issue(`\`${k}\` belongs to mechanism shocks`, [k]);
    if (s.tie) {
      if ((s.shift === undefined) === (s.set === undefined))
        issue('a tie shock needs exactly one of `shift:` or `set:`', ['tie']);
      if (s.scale !== undefined) issue('`scale` belongs to capability shocks', ['scale']);
      if (s.tie[0] === s.tie[1]) issue('a tie joins two different actors', ['tie']);
    } else {
      if (s.scale === undefined)
        issue('a capability shock needs `scale:` (e.g. 1.1 for +10%)', ['capability']);
      for (const k of ['shift', 'set', 'dimension', 'persist'] as const)
        if (s[k] !== undefined) issue(`\`${k}\` belongs to tie shocks`, [k]);
    }
  });

const Override = z.union([z.boolean(), z.record(z.string(), z.union([z.number(), z.boolean()]))]);

const TieExpectation = z
  .object({
    pair: Pair.optional().describe('the effect on this tie is expected to have `direction`'),
    capability: Id.optional().describe(
      'the effect on this actor’s capability is expected to have `direction`',
    ),
    direction: z.enum(['positive', 'negative']),
    dimension: z.enum(['composite', ...DIMENSIONS]).default('composite'),
  })
  .strict()
  .refine((x) => (x.pair === undefined) !== (x.capability === undefined), {
    message: 'an expectation names either a `pair: [A, B]` or a `capability: A`',
  });

/**
 * An expected direction: of a tie's or a capability's effect, or of a followed measure's
 * (`{ tilt: X, between: [A, B], direction: negative }`; measure entries are kept as written).
 */
export interface ExpectationSpec {
  pair?: [string, string];
  capability?: string;
  direction: 'positive' | 'negative';
  /** Tie and capability expectations only. */
  dimension?: z.infer<typeof TieExpectation>['dimension'];
  [measureField: string]: unknown;
}

export const Expectation = z
  .record(z.string(), z.unknown())
  .transform((x, ctx): ExpectationSpec => {
    const r = (isMeasureEntry(x) ? MeasureExpectationSchema : TieExpectation).safeParse(x);
    if (r.success) return r.data as ExpectationSpec;
    for (const issue of r.error.issues) ctx.addIssue(issue as unknown as z.core.$ZodRawIssue);
    return z.NEVER;
  })
  .describe(
    'expected direction of an effect: `{ pair: [A, B], direction }`, `{ capability: A, direction }` ' +
      'or a numeric measure entry with `direction` (e.g. `{ tilt: X, between: [A, B], direction: negative }`)',
  );

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    world: z.string().min(1).optional().describe('bundled world id, or a path relative to this file'),
    start: DateString.describe('start date, YYYY-MM (the world as of the end of that month)'),
    horizon: z.number().int().min(1).describe('number of steps'),
    step: z.enum(['month', 'year']).default('month'),
    runs: z.number().int().min(1).default(200),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
    shocks: z.array(Shock).default([]),
    mechanisms: z
      .record(z.string(), Override)
      .default({})
      .describe('per mechanism: false to switch off, or parameter overrides (fixed in every run)'),
    engine: z
      .record(z.string(), z.union([z.number(), z.boolean()]))
      .default({})
      .describe('engine parameter overrides'),
    track: z.array(Pair).default([]).describe('extra pairs to follow step by step and explain'),
    follow: z
      .array(FollowEntrySchema)
      .default([])
      .describe('analysis measures to follow step by step in the scenario and its twin'),
    quote: z.string().optional().describe('the sentence the scenario tests, verbatim'),
    source: z.string().optional().describe('where the quote comes from'),
    expect: z.array(Expectation).default([]),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ShockSpec = z.infer<typeof Shock>;

/** A validated scenario with where it came from, so later checks can point at lines. */
export interface ScenarioDocument {
  scenario: Scenario;
  /** Display name of the file (absent for scenarios built in code or posted to the API). */
  file?: string;
  /** Folder relative paths (e.g. `world:`) resolve against. */
  dir?: string;
  locate(path: DataPath): number | undefined;
}

function fail(problems: Problem[], what: string): never {
  throw new ScenarioValidationError(
    problems,
    `${what} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
  );
}

/** What to write instead of unknown keys: the fields of the scenario, or of the measure entry. */
function unknownKeyHint(keys: string[], path: (string | number)[]): string {
  const fix = `remove or rename ${keys.join(', ')}`;
  if (path.length === 0) return `${fix}; scenario fields are ${Object.keys(ScenarioSchema.shape).join(', ')}`;
  if (path[0] === 'follow' || path[0] === 'expect') return `${fix}; measures are written ${FOLLOW_SYNTAX}`;
  return fix;
}

function fromData(
  data: unknown,
  file: string | undefined,
  locate: (p: DataPath) => number | undefined,
): Scenario {
  const parsed = ScenarioSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    return {
      file,
      line: locate(keys.length > 0 ? [...path, keys[0]!] : path),
      field: fieldName(keys.length > 0 ? [...path, keys[0]!] : path) || undefined,
      message: issue.message,
      hint: keys.length > 0 ? unknownKeyHint(keys, path) : undefined,
    };
  });
  return fail(problems, `scenario ${file ?? ''}`.trim());
}

/**
 * Parses and schema-validates scenario text (YAML or JSON).
 *
 * @example
 * const doc = parseScenario('name: t\nworld: eurasia\nstart: 2021-12\nhorizon: 12\n', 'inline.yaml');
 * doc.scenario.runs; // 200 (default)
 */
export function parseScenario(text: string, file = 'scenario.yaml', dir?: string): ScenarioDocument {
  const src = parseYamlSource(file, text);
  if (src.problems.length > 0) fail(src.problems, `scenario ${file}`);
  return { scenario: fromData(src.data, file, src.locate), file, dir, locate: src.locate };
}

/** Validates a scenario given as an object (library or HTTP API); problems carry fields, no lines. */
export function scenarioFromObject(data: unknown): ScenarioDocument {
  return { scenario: fromData(data, undefined, () => undefined), locate: () => undefined };
}

/** Folder of the bundled scenarios (from `src/` under tsx and from `dist/src/`). */
export function bundledScenariosDir(): string {
  for (const rel of ['../../../scenarios', '../../../../scenarios']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new NotFoundError('the bundled scenarios folder is missing from this installation');
}

/** Ids of the bundled scenarios (file names without extension), sorted. */
export function bundledScenarioIds(): string[] {
  return readdirSync(bundledScenariosDir())
    .filter((f) => extname(f) === '.yaml')
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/**
 * Reads a scenario file, or a bundled scenario by id.
 *
 * @example
 * loadScenario('seed-us-china-rapprochement').scenario.shocks.length; // 1
 */
export function loadScenario(ref: string): ScenarioDocument {
  let path = resolve(ref);
  if (!existsSync(path)) {
    const bundled = resolve(bundledScenariosDir(), `${ref}.yaml`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(ref) || !existsSync(bundled)) {
      const near = closest(ref, bundledScenarioIds());
      throw new NotFoundError(
        `scenario file '${ref}' does not exist${near ? ` (did you mean the bundled scenario '${near}'?)` : ''}`,
      );
    }
    path = bundled;
  }
  return parseScenario(readTextFile(path, ref), basename(path), dirname(path));
}

/** Resolves the scenario's `world:` (or an override) to a reference `openWorld` accepts. */
export function worldRef(doc: ScenarioDocument, override?: string): string {
  const ref = override ?? doc.scenario.world;
  if (!ref) {
    throw new ScenarioValidationError({
      file: doc.file,
      line: doc.locate([]),
      field: 'world',
      message: 'the scenario names no world',
      hint: 'add `world: eurasia` (a bundled id or a path), or pass --world',
    });
  }
  const bundledLike = /^[a-z][a-z0-9-]*$/.test(ref);
  if (override !== undefined || bundledLike || isAbsolute(ref) || !doc.dir) return ref;
  return resolve(doc.dir, ref);
}

/** Whether the scenario runs mechanism `id` (not switched off under `mechanisms:`). */
export function runsMechanism(sc: Scenario, id: string): boolean {
  const v = sc.mechanisms[id];
  return v === undefined || (typeof v === 'boolean' ? v : v.enabled !== false);
}

function checkParams(
  overrides: Record<string, number | boolean>,
  specs: Readonly<Record<string, ParamSpec>>,
  path: DataPath,
  where: string,
  report: (path: DataPath, message: string, hint?: string) => void,
): void {
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'enabled' && path[0] === 'mechanisms') {
      if (typeof value !== 'boolean') report([...path, key], '`enabled` is true or false');
      continue;
    }
    const spec = specs[key];
    if (!spec) {
      const near = closest(key, Object.keys(specs));
      report(
        [...path, key],
        `${where} has no parameter '${key}'`,
        `${near ? `did you mean '${near}'? ` : ''}parameters: ${Object.keys(specs).join(', ')}`,
      );
      continue;
    }
    if (typeof value !== typeof spec.default) {
      report([...path, key], `'${key}' is a ${typeof spec.default}, got ${JSON.stringify(value)}`);
      continue;
    }
    if (typeof value === 'number' && (value < (spec.min ?? -Infinity) || value > (spec.max ?? Infinity))) {
      report([...path, key], `'${key}' = ${value} is outside [${spec.min}, ${spec.max}]`, spec.doc);
    }
  }
}

/**
 * Checks a schema-valid scenario against its world, the mechanism registry and the limits;
 * throws one `ScenarioValidationError` listing every problem.
 */
export function checkScenario(
  doc: ScenarioDocument,
  world: World,
  limits: Partial<ScenarioLimits> = {},
): void {
  const lim = { ...SCENARIO_LIMITS, ...limits };
  const sc = doc.scenario;
  const problems: Problem[] = [];
  const report = (path: DataPath, message: string, hint?: string) =>
    problems.push({ file: doc.file, line: doc.locate(path), field: fieldName(path), message, hint });
  const ids = world.actorById;
  const byId = new Map(MECHANISMS.map((m) => [m.id, m]));
  const unknownMechanism = (path: DataPath, id: string) => {
    const near = closest(id, byId.keys());
    report(
      path,
      `unknown mechanism '${id}'`,
      `${near ? `did you mean '${near}'? ` : ''}mechanisms: ${[...byId.keys()].join(', ')}`,
    );
  };
  const actor = (path: DataPath, id: string) => {
    if (!ids.has(id))
      report(
        path,
        `unknown actor '${id}' in world '${world.meta.id}'`,
        unknownIdHint(id, ids.keys(), 'actors'),
      );
  };
  const measureActors = (path: DataPath, entry: Record<string, unknown>) => {
    const spec = followSpec(entry);
    for (const [e, id] of spec.args.entries()) actor([...path, ...spec.argPaths[e]!], id);
  };

  if (endOf(sc.start) < startOf(world.meta.period.from)) {
    report(
      ['start'],
      `start ${sc.start} is before world '${world.meta.id}' begins (${world.meta.period.from})`,
      `start at or after ${world.meta.period.from}`,
    );
  }
  if (sc.runs > lim.maxRuns)
    report(['runs'], `${sc.runs} runs exceed the limit of ${lim.maxRuns}`, 'ask for fewer runs');
  if (sc.horizon > lim.maxHorizon) {
    report(
      ['horizon'],
      `horizon ${sc.horizon} exceeds the limit of ${lim.maxHorizon} steps`,
      'use yearly steps or a shorter horizon',
    );
  }
  if (sc.shocks.length > lim.maxShocks) report(['shocks'], `more than ${lim.maxShocks} shocks`);
  sc.shocks.forEach((s, k) => {
    if (s.at >= sc.horizon) {
      report(
        ['shocks', k, 'at'],
        `shock at step ${s.at} falls outside the horizon (steps 0 to ${sc.horizon - 1})`,
        `use 0 ≤ at < ${sc.horizon}, or raise horizon`,
      );
    }
    for (const [e, id] of (s.tie ?? []).entries()) actor(['shocks', k, 'tie', e], id);
    if (s.capability) actor(['shocks', k, 'capability'], s.capability);
    if (s.mechanism !== undefined) {
      const m = byId.get(s.mechanism);
      if (!m) unknownMechanism(['shocks', k, 'mechanism'], s.mechanism);
      else if (!runsMechanism(sc, m.id)) {
        report(
          ['shocks', k, 'mechanism'],
          `mechanism '${m.id}' is switched off for the whole run (under \`mechanisms:\`)`,
          'switch it on there, then switch it off at a step with `enabled: false`',
        );
      } else if (s.params) checkParams(s.params, m.params, ['shocks', k, 'params'], m.id, report);
    }
  });
  for (const [k, pair] of sc.track.entries())
    for (const [e, id] of pair.entries()) actor(['track', k, e], id);
  for (const [k, x] of sc.expect.entries()) {
    for (const [e, id] of (x.pair ?? []).entries()) actor(['expect', k, 'pair', e], id);
    if (x.capability) actor(['expect', k, 'capability'], x.capability);
    if (isMeasureEntry(x)) measureActors(['expect', k], x);
  }
  for (const [k, entry] of sc.follow.entries()) measureActors(['follow', k], entry);

  for (const [id, value] of Object.entries(sc.mechanisms)) {
    const m = byId.get(id);
    if (!m) unknownMechanism(['mechanisms', id], id);
    else if (typeof value !== 'boolean') checkParams(value, m.params, ['mechanisms', id], id, report);
  }
  checkParams(sc.engine, ENGINE_PARAMS, ['engine'], 'the engine', report);
  if (problems.length > 0) fail(problems, `scenario ${doc.file ?? sc.name}`);
}
