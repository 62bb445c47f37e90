/**
 * Consistency checks shared by every way of building a bargaining issue (KTAB CSV, YAML issue,
 * library callers): at least one actor, unique ids, positive capabilities, one position and
 * salience per dimension, positions within the scale, saliences in [0, 100] summing to at most 100
 * and above 0 (KTAB's reader applies the same limits).
 */
import { BargainingInputError, type Problem } from '../../domain/errors.js';
import { fieldName } from '../../worlds/yaml-source.js';
import type { BargainingInput } from '../types.js';

/** A problem located by its path in the input (`['actors', 2, 'salience', 1]`). */
export interface InputIssue {
  path: (string | number)[];
  message: string;
  hint?: string;
}

const SALIENCE_TOLERANCE = 1e-9;

/**
 * Every problem in an issue; empty when it is fit to run.
 *
 * @example
 * checkInput({ ...issue, actors: [] }); // [{ path: ['actors'], message: 'the issue has no actors', … }]
 */
export function checkInput(input: BargainingInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const dims = input.dimensions.length;
  const { min, max } = input.scale;
  if (dims < 1) {
    issues.push({
      path: ['dimensions'],
      message: 'the issue has no dimensions',
      hint: 'declare at least one',
    });
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    issues.push({
      path: ['scale'],
      message: `scale [${min}, ${max}] is empty`,
      hint: 'use min < max, e.g. 0 and 100',
    });
  }
  if (input.actors.length === 0) {
    issues.push({ path: ['actors'], message: 'the issue has no actors', hint: 'add at least one actor' });
  }
  const firstIndex = new Map<string, number>();
  input.actors.forEach((a, i) => {
    const at = (...rest: (string | number)[]) => ['actors', i, ...rest];
    if (a.id.trim() === '')
      issues.push({ path: at('id'), message: 'actor has no name', hint: 'give every actor a name' });
    const first = firstIndex.get(a.id);
    if (first !== undefined) {
      issues.push({
        path: at('id'),
        message: `duplicate actor '${a.id}' (also actor #${first + 1})`,
        hint: 'actor names must be unique; merge the rows or rename one',
      });
    } else firstIndex.set(a.id, i);
    if (!(Number.isFinite(a.capability) && a.capability > 0)) {
      issues.push({
        path: at('capability'),
        message: `capability ${a.capability} is not positive`,
        hint: 'use a number > 0',
      });
    }
    checkVector(a.position, dims, at('position'), issues, (x) =>
      Number.isFinite(x) && x >= min && x <= max
        ? undefined
        : `position ${x} is outside the scale [${min}, ${max}]`,
    );
    checkVector(a.salience, dims, at('salience'), issues, (s) =>
      Number.isFinite(s) && s >= 0 && s <= 100 ? undefined : `salience ${s} is outside [0, 100]`,
    );
    const total = a.salience.reduce((t, s) => t + s, 0);
    if (total > 100 + SALIENCE_TOLERANCE) {
      issues.push({
        path: at('salience'),
        message: `saliences sum to ${total} > 100`,
        hint: "an actor's attention is at most 100% across all dimensions; scale them down",
      });
    } else if (!(total > 0)) {
      issues.push({
        path: at('salience'),
        message: 'all saliences are 0',
        hint: 'an actor that cares about nothing has no place in the issue; drop it or give a salience',
      });
    }
  });
  return issues;
}

function checkVector(
  values: number[],
  dims: number,
  path: (string | number)[],
  issues: InputIssue[],
  bad: (x: number) => string | undefined,
): void {
  if (values.length !== dims) {
    issues.push({
      path,
      message: `has ${values.length} values for ${dims} dimension(s)`,
      hint: 'give one per dimension',
    });
    return;
  }
  values.forEach((x, d) => {
    const message = bad(x);
    if (message) issues.push({ path: [...path, d], message });
  });
}

/**
 * Throws `BargainingInputError` listing every problem of an issue built in code.
 *
 * @example
 * assertValidInput(issue); // throws on duplicate names, salience sums > 100, …
 */
export function assertValidInput(input: BargainingInput): void {
  const issues = checkInput(input);
  if (issues.length === 0) return;
  const problems: Problem[] = issues.map((s) => ({
    field: fieldName(s.path),
    message: s.message,
    hint: s.hint,
  }));
  throw new BargainingInputError(problems);
}
