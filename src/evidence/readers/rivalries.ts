/**
 * Strategic rivalries (Thompson & Dreyer 2011, Handbook of International Rivalries): pairs of
 * states that regard each other as competitors and enemies, with start and end years; the data
 * are coded to 2010, so an end year of 2010 means "still going when the coding stopped".
 */
import { readTable } from './table.js';

export const RIVALRIES_FILE = 'td_strategic_rivalries.csv';

export interface Rivalry {
  rivalryno: number;
  name: string;
  ccode1: number;
  ccode2: number;
  from: number;
  to: number;
  line: number;
}

/**
 * @example
 * readRivalries('rivalryno,rivalryname,ccode1,ccode2,styear,endyear\n197,Russia-United States 2,2,365,2007,2010\n')[0]!.from; // 2007
 */
export function readRivalries(text: string, file = RIVALRIES_FILE): Rivalry[] {
  const columns = ['rivalryno', 'rivalryname', 'ccode1', 'ccode2', 'styear', 'endyear'] as const;
  return readTable(text, { file, columns }).map((r) => ({
    rivalryno: r.num('rivalryno'),
    name: r.text('rivalryname'),
    ccode1: r.num('ccode1'),
    ccode2: r.num('ccode2'),
    from: r.num('styear'),
    to: r.num('endyear'),
    line: r.line,
  }));
}
