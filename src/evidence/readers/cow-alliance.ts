/**
 * COW Formal Alliances v4.1 directed dyad-years (Gibler 2009): 0/1 defense pact, neutrality,
 * non-aggression and entente between `ccode1` and `ccode2` in `year` (both orders listed).
 */
import { readNumeric } from './table.js';

export const COW_ALLIANCE_FILE = 'cow_alliance_v4.1_ddy.csv';
export const COW_ALLIANCE_COLUMNS = [
  'ccode1',
  'ccode2',
  'year',
  'cow_defense',
  'cow_neutral',
  'cow_nonagg',
  'cow_entente',
] as const;

/**
 * @example
 * readCowAlliance(`${COW_ALLIANCE_COLUMNS.join(',')}\n2,20,1950,1,0,1,1\n`)[0]!.cow_entente; // 1
 */
export function readCowAlliance(text: string, file = COW_ALLIANCE_FILE) {
  return readNumeric(text, { file, columns: COW_ALLIANCE_COLUMNS });
}
