/**
 * countrycode 1.8.0 crosswalk (Arel-Bundock, Enevoldsen & Yetman 2018): COW numeric code → ISO3,
 * English name and World Bank region. States that ended before ISO 3166 (Yugoslavia, the two
 * Yemens, Czechoslovakia …) have no ISO3 here; the global build names them explicitly.
 */
import { readTable } from './table.js';

export const CROSSWALK_FILE = 'countrycode_crosswalk_cow_iso3.csv';

export interface CrosswalkEntry {
  cown: number;
  iso3?: string;
  name: string;
  region?: string;
  line: number;
}

/**
 * @example
 * readCrosswalk('country.name.en,cown,iso3c,region\nIndia,750,IND,South Asia\n').get(750)!.iso3; // 'IND'
 */
export function readCrosswalk(text: string, file = CROSSWALK_FILE): Map<number, CrosswalkEntry> {
  const out = new Map<number, CrosswalkEntry>();
  for (const r of readTable(text, { file, columns: ['country.name.en', 'cown', 'iso3c', 'region'] })) {
    const cown = r.opt('cown');
    if (cown === undefined || out.has(cown)) continue;
    out.set(cown, {
      cown,
      iso3: r.text('iso3c') || undefined,
      name: r.text('country.name.en'),
      region: r.text('region') || undefined,
      line: r.line,
    });
  }
  return out;
}
