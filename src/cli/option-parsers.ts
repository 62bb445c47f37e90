/**
 * The option parsers every command shares: numbers, whole numbers, `A,B` pairs and lists. Each
 * refuses a bad value with the option's name, so the message says which flag to fix.
 */
import { InvalidInputError } from '../domain/errors.js';

/**
 * A commander option parser for a number in [min, max].
 *
 * @example
 * cmd.option('--every <months>', 'months between dates', number('every', 1), 12);
 */
export function number(name: string, min: number, max = Number.POSITIVE_INFINITY) {
  return (raw: string): number => {
    const x = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(x) || x < min || x > max) {
      throw new InvalidInputError({
        field: `--${name}`,
        message: `'${raw}' is not a number in [${min}, ${max}]`,
      });
    }
    return x;
  };
}

/** `of at least 1`, `in [1, 100]`, `up to 9` or nothing: the range a whole-number flag takes. */
function wholeRange(min: number, max: number): string {
  const bounded = max < Number.MAX_SAFE_INTEGER;
  if (min > 0) return bounded ? ` in [${min}, ${max}]` : ` of at least ${min}`;
  return bounded ? ` up to ${max}` : '';
}

/**
 * A commander option parser for a whole number in [min, max].
 *
 * @example
 * cmd.option('--stability <n>', 'draws', integer('stability', 1));
 */
export function integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const x = Number(raw);
    if (raw.trim() === '' || !Number.isSafeInteger(x) || x < min || x > max) {
      throw new InvalidInputError({
        field: `--${name}`,
        message: `--${name} takes a whole number${wholeRange(min, max)}, got '${raw}'`,
      });
    }
    return x;
  };
}

/**
 * A commander option parser for `A,B`: two actor ids.
 *
 * @example
 * cmd.option('--pair <A,B>', 'the pair', pair('pair'));
 * pair('pair')('IND,RUS'); // ['IND', 'RUS']
 */
export function pair(name: string) {
  return (raw: string): [string, string] => {
    const parts = raw.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new InvalidInputError({
        field: `--${name}`,
        message: `--${name} takes A,B (two actor ids), got '${raw}'`,
      });
    }
    return [parts[0], parts[1]];
  };
}

/**
 * `A, B,,C` → `['A', 'B', 'C']`: a comma-separated list, blanks dropped.
 *
 * @example
 * cmd.option('--actors <ids>', 'only these', list);
 */
export function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A commander option parser for one of a fixed set of words.
 *
 * @example
 * cmd.option('--by <period>', 'month or year', oneOf('by', ['month', 'year']), 'month');
 */
export function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (raw: string): T => {
    if ((values as readonly string[]).includes(raw)) return raw as T;
    throw new InvalidInputError({
      field: `--${name}`,
      message: `'${raw}' is not one of ${values.join(', ')}`,
    });
  };
}

/**
 * A commander option parser for a range of years `FROM-TO` (FROM ≤ TO).
 *
 * @example
 * cmd.requiredOption('--fit <years>', 'fit years', yearRange('fit'));
 * yearRange('fit')('1990-2005'); // [1990, 2005]
 */
export function yearRange(name: string) {
  return (raw: string): [number, number] => {
    const m = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(raw);
    if (!m || Number(m[1]) > Number(m[2])) {
      throw new InvalidInputError({
        field: `--${name}`,
        message: `'${raw}' is not a range of years`,
        hint: `write FROM-TO, e.g. --${name} 1990-2005`,
      });
    }
    return [Number(m[1]), Number(m[2])];
  };
}
