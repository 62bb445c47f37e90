/**
 * The CAMEO lookups every event reader codes against, copied unmodified from the shared event
 * data: `data/lookups/cameo_eventcodes_goldstein_quad.tsv` (312 codes with the GDELT and ICEWS
 * Goldstein tables and three quad-class variants) and `data/lookups/icews_country_iso3.tsv`
 * (ICEWS country names → ISO3, the KEDS/CAMEO country list plus the names ICEWS spells its own way),
 * and `data/lookups/plover_cameo.tsv` (each PLOVER event type's representative CAMEO code, derived
 * from CAMEO2PLOVER-2021 by scripts/plover-from-gdelt.ts). Lines starting with `#` are comments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../../domain/errors.js';
import type { QuadName } from '../../domain/event-record.js';
import { QUADS } from '../../domain/schema.js';

/** Which published Goldstein table scores a CAMEO code (they differ on 016, 022, 164, 165). */
export type GoldsteinTable = 'gdelt' | 'icews';
/** Which quad-class assignment: GDELT as observed, Duval–Thompson, or Phoenix (0 = neutral). */
export type QuadVariant = 'gdelt' | 'duval_thompson' | 'phoenix';

export type { QuadName } from '../../domain/event-record.js';
export { QUADS } from '../../domain/schema.js';

export interface CameoCode {
  goldstein: Record<GoldsteinTable, number>;
  quad: Record<QuadVariant, QuadName>;
}

function lookupFile(name: string): string {
  for (const rel of ['../../../data/lookups/', '../../../../data/lookups/']) {
    const file = fileURLToPath(new URL(rel + name, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new NotFoundError(`the lookup data/lookups/${name} is missing from this installation`);
}

function tsvRows(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(lookupFile(name), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const columns = head!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

let cameo: ReadonlyMap<string, CameoCode> | undefined;
let countries: ReadonlyMap<string, string> | undefined;
let plover: ReadonlyMap<string, string> | undefined;

/**
 * CAMEO event codes by code ('0834', '190', …).
 *
 * @example
 * cameoCodes().get('190')?.goldstein.gdelt; // -10
 */
export function cameoCodes(): ReadonlyMap<string, CameoCode> {
  cameo ??= new Map(
    tsvRows('cameo_eventcodes_goldstein_quad.tsv').map((r) => [
      r.code!,
      {
        goldstein: { gdelt: Number(r.goldstein_gdelt), icews: Number(r.goldstein_icews) },
        quad: {
          gdelt: QUADS[Number(r.quadclass_gdelt)]!,
          duval_thompson: QUADS[Number(r.quadclass_duval_thompson)]!,
          phoenix: QUADS[Number(r.quadclass_phoenix)]!,
        },
      },
    ]),
  );
  return cameo;
}

/**
 * ISO3 code of a country as ICEWS names it.
 *
 * @example
 * countryIso3().get('Russian Federation'); // 'RUS'
 */
export function countryIso3(): ReadonlyMap<string, string> {
  countries ??= new Map(tsvRows('icews_country_iso3.tsv').map((r) => [r.name!, r.iso3!]));
  return countries;
}

/**
 * The CAMEO code a PLOVER event type is coded as (its Goldstein value and quad class follow).
 *
 * @example
 * ploverCameo().get('ASSAULT'); // '180'
 */
export function ploverCameo(): ReadonlyMap<string, string> {
  plover ??= new Map(tsvRows('plover_cameo.tsv').map((r) => [r.plover_type!, r.cameo_code!]));
  return plover;
}
