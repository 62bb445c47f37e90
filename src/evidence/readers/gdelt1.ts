/**
 * GDELT 1.0 event files: headerless, tab-separated, unquoted; 57 columns before April 2013 and 58
 * (with SOURCEURL) after, both kinds mixed in one file.
 */
import type { FormatReader } from './event-reader.js';
import { GDELT_HEAD, gdeltRow } from './gdelt-row.js';

const WITH_URL = Object.freeze({ ...GDELT_HEAD, url: 57 });

export const gdelt1Reader: FormatReader = {
  format: 'gdelt1',
  goldstein: 'gdelt',
  hasHeader: false,
  sniff: (first) => {
    const n = first.split('\t').length;
    return n === 57 || n === 58;
  },
  begin: () => (line, ctx) => {
    const cells = line.split('\t');
    if (cells.length !== 57 && cells.length !== 58) {
      return { reason: 'columns', message: `${cells.length} columns, GDELT 1.0 rows have 57 or 58` };
    }
    return gdeltRow(cells, cells.length === 58 ? WITH_URL : GDELT_HEAD, ctx);
  },
};
