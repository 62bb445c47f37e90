/**
 * Reader for YAML bargaining issues (schema in issue-schema.ts). Missing capabilities are taken
 * from a linked world (the actor's CINC at a date); actors without one there, such as non-state
 * actors, must give `capability:` explicitly. Every problem names file, line, field and a hint.
 */
import { BargainingInputError, type Problem } from '../../domain/errors.js';
import { type DataPath, fieldName, parseYamlSource } from '../../worlds/yaml-source.js';
import type { BargainingActor, BargainingInput, InputUncertainty } from '../types.js';
import { checkInput } from './check-input.js';
import { Issue, type IssueFile } from './issue-schema.js';

/** Given a world reference and a date, a lookup of an actor's capability (undefined: none). */
export type CapabilitySource = (world: string, at: string) => (actorId: string) => number | undefined;

export interface IssueOptions {
  /** World and date overriding the file's `world:` and `date:`. */
  world?: string;
  at?: string;
  /** How to read capabilities from a world; without it every actor needs `capability:`. */
  capabilities?: CapabilitySource;
}

/**
 * Parses a YAML issue into a checked `BargainingInput`; throws `BargainingInputError`.
 *
 * @example
 * const issue = parseIssueYaml(readFileSync('russia-joins-cpec.yaml', 'utf8'), 'russia-joins-cpec.yaml');
 * issue.actors.map((a) => a.id); // ['RUS', 'PAK', 'CHN', 'IND', 'USA']
 */
export function parseIssueYaml(
  text: string,
  file = 'issue.yaml',
  options: IssueOptions = {},
): BargainingInput {
  const src = parseYamlSource(file, text);
  if (src.problems.length > 0) throw new BargainingInputError(src.problems);
  const at = (path: DataPath, message: string, hint?: string): Problem => ({
    file,
    line: src.locate(path),
    field: fieldName(path),
    message,
    hint,
  });
  const parsed = Issue.safeParse(src.data);
  if (!parsed.success) {
    throw new BargainingInputError(
      parsed.error.issues.map((i) => {
        const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
        return at(
          path,
          i.message,
          i.code === 'unrecognized_keys' ? 'remove the key or check its spelling' : undefined,
        );
      }),
    );
  }
  const issue = parsed.data;
  const problems: Problem[] = [];
  const capabilities = resolveCapabilities(issue, options, (i, message, hint) =>
    problems.push(at(['actors', i, 'id'], message, hint)),
  );
  const list = (v: number | number[]) => (typeof v === 'number' ? [v] : v);
  const actors = issue.actors.map(
    (a, i): BargainingActor => ({
      id: a.id,
      name: a.name ?? a.id,
      ...(a.description === undefined ? {} : { description: a.description }),
      capability: capabilities[i]!,
      position: list(a.position),
      salience: list(a.salience),
      ...(a.evidence === undefined ? {} : { evidence: a.evidence }),
      ...(a.basis === undefined ? {} : { basis: a.basis }),
      ...(a.uncertainty === undefined
        ? {}
        : { uncertainty: uncertaintyOf(a.uncertainty, issue.dimensions.length) }),
    }),
  );
  problems.push(...uncertaintyProblems(issue, at));
  const input: BargainingInput = {
    name: issue.title,
    description: issue.question ?? issue.description ?? '',
    dimensions: issue.dimensions.map((d) => d.name),
    scale: issue.scale,
    actors,
  };
  if (problems.length === 0) for (const p of checkInput(input)) problems.push(at(p.path, p.message, p.hint));
  if (problems.length > 0) throw new BargainingInputError(problems);
  return input;
}

/** Uncertainties that do not fit the issue: wider than the scale, or a list of the wrong length. */
function uncertaintyProblems(
  issue: IssueFile,
  at: (path: DataPath, message: string, hint?: string) => Problem,
): Problem[] {
  const out: Problem[] = [];
  issue.actors.forEach((a, i) => {
    const u = a.uncertainty;
    if (!u) return;
    const width = issue.scale.max - issue.scale.min;
    const dims = issue.dimensions.length;
    for (const field of ['position', 'salience'] as const) {
      const values =
        u[field] === undefined ? undefined : typeof u[field] === 'number' ? [u[field]] : u[field];
      const limit = field === 'position' ? width : 100;
      if (Array.isArray(u[field]) && values && values.length !== dims) {
        out.push(
          at(
            ['actors', i, 'uncertainty', field],
            `has ${values.length} values for ${dims} dimension(s)`,
            'give one number for all dimensions, or one per dimension',
          ),
        );
      }
      values?.forEach((v, d) => {
        if (v > limit) {
          out.push(
            at(
              ['actors', i, 'uncertainty', field],
              `${field} uncertainty ±${v} is wider than the ${field === 'position' ? 'scale' : 'salience range'} (${limit})`,
              `an uncertainty is ± points around the stated ${field}${values.length > 1 ? ` (dimension ${d})` : ''}; use at most ${limit}`,
            ),
          );
        }
      });
    }
  });
  return out;
}

/** A declared uncertainty with one number per dimension; a single number holds for every one. */
function uncertaintyOf(
  u: NonNullable<IssueFile['actors'][number]['uncertainty']>,
  dims: number,
): InputUncertainty {
  const list = (v: number | number[]) => (typeof v === 'number' ? Array.from({ length: dims }, () => v) : v);
  return {
    ...(u.position === undefined ? {} : { position: list(u.position) }),
    ...(u.salience === undefined ? {} : { salience: list(u.salience) }),
    ...(u.capability === undefined ? {} : { capability: u.capability }),
  };
}

function resolveCapabilities(
  issue: IssueFile,
  options: IssueOptions,
  problem: (actor: number, message: string, hint: string) => void,
): number[] {
  const missing = issue.actors.some((a) => a.capability === undefined);
  const world = options.world ?? issue.world;
  const date = options.at ?? issue.date;
  const lookup =
    missing && world && date && options.capabilities ? options.capabilities(world, date) : undefined;
  return issue.actors.map((a, i) => {
    if (a.capability !== undefined) return a.capability;
    if (!lookup) {
      problem(
        i,
        `${a.id} has no capability`,
        'give `capability:`, or link a world (`world:` or --world) and a date (`date:` or --at) whose CINC supplies it',
      );
      return Number.NaN;
    }
    const value = lookup(a.id);
    if (value === undefined || !(value > 0)) {
      problem(
        i,
        `world '${world}' has no capability (CINC) for ${a.id} at ${date}`,
        'non-state actors and organisations have no CINC: give `capability:` explicitly',
      );
      return Number.NaN;
    }
    return value;
  });
}
