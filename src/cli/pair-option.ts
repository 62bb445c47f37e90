/** The `--pair A,B` option shared by `scenario` and `cite`. */
import { InvalidInputError } from '../domain/errors.js';

/**
 * Parses `A,B` into two actor ids.
 *
 * @example
 * pairOf('IND,RUS'); // ['IND', 'RUS']
 */
export function pairOf(value: string): [string, string] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new InvalidInputError({
      field: '--pair',
      message: `--pair takes A,B (two actor ids), got '${value}'`,
    });
  }
  return [parts[0], parts[1]];
}
