/** Parses a numeric option value, refusing what lies outside [min, max] with the option's name. */
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

/**
 * A commander option parser for a whole number in [min, max].
 *
 * @example
 * cmd.option('--stability <n>', 'draws', integer('stability', 1));
 */
export function integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  const parse = number(name, min, max);
  return (raw: string): number => {
    const x = parse(raw);
    if (!Number.isInteger(x)) {
      throw new InvalidInputError({ field: `--${name}`, message: `'${raw}' is not a whole number` });
    }
    return x;
  };
}
