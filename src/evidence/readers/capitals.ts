/** COW capitals with coordinates (as distributed with peacesciencer, Miller 2022): one row per spell. */
import { readTable, yearOfCell } from './table.js';

export const CAPITALS_FILE = 'cow_capitals.csv';

export interface CapitalSpell {
  ccode: number;
  name: string;
  lat: number;
  lon: number;
  from: number;
  to: number;
  line: number;
}

/**
 * @example
 * readCapitals('ccode,capital,stdate,enddate,lat,lng\n2,Washington D.C.,1816-01-01,2024-12-31,38.9,-77\n')[0]!.lat; // 38.9
 */
export function readCapitals(text: string, file = CAPITALS_FILE): CapitalSpell[] {
  const columns = ['ccode', 'capital', 'stdate', 'enddate', 'lat', 'lng'] as const;
  return readTable(text, { file, columns }).map((r) => ({
    ccode: r.num('ccode'),
    name: r.text('capital'),
    lat: r.num('lat'),
    lon: r.num('lng'),
    from: yearOfCell(r, 'stdate', file),
    to: yearOfCell(r, 'enddate', file),
    line: r.line,
  }));
}
