/**
 * CShapes 2.0 minimum distances (Schvitz, Girardin, Rüegger, Weidmann, Cederman & Gleditsch
 * 2022): per undirected dyad-year from 1990, the shortest distance in km between the two states'
 * borders, for dyads at most 1000 km apart; COW codes, ccode1 < ccode2.
 */
import { InvalidInputError } from '../../domain/errors.js';
import { type DyadYear, readNumeric } from './table.js';

export const CSHAPES_FILE = 'cshapes_mindist_ndy_1990on_le1000km.csv';

export interface MinDistance extends DyadYear {
  /** Kilometres between the borders (0 when they touch). */
  mindist: number;
}

/**
 * @example
 * readCshapesMinDist('ccode1,ccode2,year,mindist\n2,20,1990,0\n')[0]!.mindist; // 0
 */
export function readCshapesMinDist(text: string, file = CSHAPES_FILE): MinDistance[] {
  const rows = readNumeric(text, { file, columns: ['ccode1', 'ccode2', 'year', 'mindist'] });
  const bad = rows.find((r) => r.mindist < 0);
  if (bad) {
    throw new InvalidInputError({
      file,
      line: bad.line,
      field: 'mindist',
      message: `a distance cannot be negative (${bad.mindist} km)`,
    });
  }
  return rows;
}
