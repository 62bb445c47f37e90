/**
 * ATOP 5.1 directed dyad-years (Leeds, Ritter, Mitchell & Long 2002): 0/1 obligations of defense,
 * offense, neutrality, non-aggression and consultation that `ccode1` owes `ccode2` in `year`.
 */
import { readNumeric } from './table.js';

export const ATOP_FILE = 'atop_v5.1_alliance_ddy.csv';
export const ATOP_COLUMNS = [
  'ccode1',
  'ccode2',
  'year',
  'atop_defense',
  'atop_offense',
  'atop_neutral',
  'atop_nonagg',
  'atop_consul',
] as const;

/**
 * @example
 * readAtop(`${ATOP_COLUMNS.join(',')}\n2,20,1950,1,0,0,0,1\n`)[0]!.atop_defense; // 1
 */
export function readAtop(text: string, file = ATOP_FILE) {
  return readNumeric(text, { file, columns: ATOP_COLUMNS });
}
