/**
 * SIPRI Arms Transfers Database, supplier → recipient TIV per year (trend-indicator values in
 * millions; SIPRI 2022, as processed by 360info under CC BY 4.0, with COW codes). "Soviet Union"
 * and "Russia" share code 365; rows without a COW code (non-state actors, unknown suppliers) are
 * counted as warnings and left out.
 */
import type { Problem } from '../../domain/errors.js';
import { readTable } from './table.js';

export const SIPRI_FILE = 'sipri_tiv_dyad_year_1950_2021.csv';

export interface ArmsTransfer {
  supplier: number;
  recipient: number;
  supplierName: string;
  recipientName: string;
  year: number;
  tiv: number;
  line: number;
}

/**
 * @example
 * readSipri('supplier,recipient,year,value,supplier_cown,recipient_cown\nRussia,India,2020,100,365,750\n').transfers[0]!.tiv; // 100
 */
export function readSipri(
  text: string,
  file = SIPRI_FILE,
): { transfers: ArmsTransfer[]; warnings: Problem[] } {
  const columns = ['supplier', 'recipient', 'year', 'value', 'supplier_cown', 'recipient_cown'] as const;
  const warnings: Problem[] = [];
  const transfers: ArmsTransfer[] = [];
  for (const r of readTable(text, { file, columns, missing: ['NA'] })) {
    const supplier = r.opt('supplier_cown');
    const recipient = r.opt('recipient_cown');
    if (supplier === undefined || recipient === undefined) {
      const field = supplier === undefined ? 'supplier_cown' : 'recipient_cown';
      warnings.push({ file, line: r.line, field, message: 'row skipped: no COW code (not a state)' });
      continue;
    }
    transfers.push({
      supplier,
      recipient,
      supplierName: r.text('supplier'),
      recipientName: r.text('recipient'),
      year: r.num('year'),
      tiv: r.num('value'),
      line: r.line,
    });
  }
  return { transfers, warnings };
}
