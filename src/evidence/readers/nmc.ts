/**
 * COW National Material Capabilities (Singer, Bremer & Stuckey 1972; v7.0) → capability records
 * with dataset evidence. CINC is the mean of six shares (military expenditure and personnel,
 * iron/steel, primary energy, total and urban population); NMC codes missing values as -9.
 */

import { InvalidInputError, type Problem } from '../../domain/errors.js';
import type { Capability } from '../../domain/schema.js';
import { parseCsv } from '../../kernels/csv.js';

const COLUMNS = ['ccode', 'year', 'milex', 'milper', 'irst', 'pec', 'tpop', 'upop', 'cinc'] as const;

export interface NmcOptions {
  /** Keep only these COW codes, mapped to the actor id each record should carry. */
  actors: ReadonlyMap<number, string>;
  fromYear: number;
  toYear: number;
  /** Evidence id for an actor's rows; one evidence record per actor cites its ccode. */
  evidenceId: (actor: string) => string;
}

export interface NmcResult {
  capabilities: Capability[];
  warnings: Problem[];
}

/**
 * Reads NMC CSV text into capability records for the requested actors and years.
 *
 * @example
 * const { capabilities } = readNmc(csvText, 'cow_nmc_v7.csv', {
 *   actors: new Map([[365, 'RUS']]), fromYear: 2014, toYear: 2021, evidenceId: (a) => `nmc-${a}`,
 * });
 */
export function readNmc(text: string, file: string, opts: NmcOptions): NmcResult {
  const rows = parseCsv(text);
  const header = rows[0]?.fields ?? [];
  const idx = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => idx[i] === -1);
  if (missing.length > 0) {
    throw new InvalidInputError({
      file,
      line: 1,
      field: missing.join(', '),
      message: `missing column${missing.length > 1 ? 's' : ''}`,
      hint: `NMC files have the header ${COLUMNS.join(',')}`,
    });
  }
  const warnings: Problem[] = [];
  const capabilities: Capability[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length < header.length) {
      throw new InvalidInputError({
        file,
        line: row.line,
        field: header[row.fields.length],
        message: `row has ${row.fields.length} of ${header.length} fields`,
        hint: 'the file looks truncated; copy it again from its source',
      });
    }
    const num = (i: number) => Number(row.fields[idx[i]!]);
    const ccode = num(0);
    const year = num(1);
    const actor = opts.actors.get(ccode);
    if (!actor || year < opts.fromYear || year > opts.toYear) continue;
    if (!Number.isFinite(year) || !Number.isFinite(num(8))) {
      warnings.push({ file, line: row.line, field: 'cinc', message: 'row skipped: non-numeric value' });
      continue;
    }
    const value = (i: number) => (num(i) >= 0 ? num(i) : undefined);
    const rec: Capability = { actor, year, evidence: [opts.evidenceId(actor)] };
    const names = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop', 'cinc'] as const;
    names.forEach((n, k) => {
      const v = value(k + 2);
      if (v !== undefined) rec[n] = n === 'cinc' ? Math.min(1, v) : v;
    });
    capabilities.push(rec);
  }
  capabilities.sort((a, b) => (a.actor === b.actor ? a.year - b.year : a.actor < b.actor ? -1 : 1));
  return { capabilities, warnings };
}
