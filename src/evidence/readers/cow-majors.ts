/** COW major powers (v2016): spells of major-power status, used to find politically relevant dyads. */
import { readNumeric } from './table.js';

export const COW_MAJORS_FILE = 'cow_majors_2016.csv';

/**
 * @example
 * readCowMajors('ccode,styear,endyear\n2,1898,2016\n'); // [{ ccode: 2, styear: 1898, endyear: 2016, line: 2 }]
 */
export function readCowMajors(text: string, file = COW_MAJORS_FILE) {
  return readNumeric(text, { file, columns: ['ccode', 'styear', 'endyear'] });
}
