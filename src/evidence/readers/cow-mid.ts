/**
 * COW Militarized Interstate Disputes 5.0, dyad-years (Palmer et al. 2022): one dispute per
 * dyad-year with the dyad's highest hostility level (1 no militarized action … 5 war).
 */
import { readNumeric } from './table.js';

export const COW_MID_FILE = 'cow_mid_v5_ddy.csv';

/**
 * @example
 * readCowMid('dispnum,ccode1,ccode2,year,hostlev\n2968,2,20,1979,4\n')[0]!.hostlev; // 4
 */
export function readCowMid(text: string, file = COW_MID_FILE) {
  return readNumeric(text, { file, columns: ['dispnum', 'ccode1', 'ccode2', 'year', 'hostlev'] });
}
