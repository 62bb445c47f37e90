/**
 * COW Trade v4.0 (Barbieri, Keshk & Pollins 2009; Barbieri & Keshk 2016): dyadic flows in
 * millions of current US dollars (`flow1` = imports of ccode1 from ccode2, `flow2` the reverse)
 * and national totals. -9 marks a missing flow.
 */
import { readNumeric } from './table.js';

export const COW_TRADE_DYADIC_FILE = 'cow_trade_v4_ndy.csv';
export const COW_TRADE_NATIONAL_FILE = 'cow_trade_v4_sy.csv';

/**
 * @example
 * readCowTradeDyadic('ccode1,ccode2,year,flow1,flow2\n2,20,1950,612,-9\n')[0]!.flow2; // undefined
 */
export function readCowTradeDyadic(text: string, file = COW_TRADE_DYADIC_FILE) {
  return readNumeric(text, {
    file,
    columns: ['ccode1', 'ccode2', 'year', 'flow1', 'flow2'],
    missing: ['-9', 'NA'],
    optional: ['flow1', 'flow2'],
  });
}

/**
 * @example
 * readCowTradeNational('ccode,year,imports,exports\n2,1950,450,418\n')[0]!.exports; // 418
 */
export function readCowTradeNational(text: string, file = COW_TRADE_NATIONAL_FILE) {
  return readNumeric(text, {
    file,
    columns: ['ccode', 'year', 'imports', 'exports'],
    missing: ['-9', 'NA'],
    optional: ['imports', 'exports'],
  });
}
