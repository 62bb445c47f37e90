/**
 * COW Direct Contiguity v3.2 (Stinnett et al. 2002): land border (type 1) or separation by at most
 * 12, 24, 150 or 400 miles of water (types 2–5), with the dates the relation held.
 */
import { readTable, yearOfCell } from './table.js';

export const CONTIGUITY_FILE = 'cow_contdir_v3.2.csv';

export interface Contiguity {
  ccode1: number;
  ccode2: number;
  type: number;
  from: number;
  to: number;
  line: number;
}

/**
 * @example
 * readContiguity('ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-01,2016-12-01\n')[0]!.type; // 1
 */
export function readContiguity(text: string, file = CONTIGUITY_FILE): Contiguity[] {
  return readTable(text, { file, columns: ['ccode1', 'ccode2', 'conttype', 'stdate', 'enddate'] }).map(
    (r) => ({
      ccode1: r.num('ccode1'),
      ccode2: r.num('ccode2'),
      type: r.num('conttype'),
      from: yearOfCell(r, 'stdate', file),
      to: yearOfCell(r, 'enddate', file),
      line: r.line,
    }),
  );
}
