/** GDELT 2.0 event exports: headerless, tab-separated, unquoted, 61 columns, SOURCEURL last. */
import type { FormatReader } from './event-reader.js';
import { GDELT_HEAD, gdeltRow } from './gdelt-row.js';

const LAYOUT = Object.freeze({ ...GDELT_HEAD, url: 60 });

export const gdelt2Reader: FormatReader = {
  format: 'gdelt2',
  goldstein: 'gdelt',
  hasHeader: false,
  sniff: (first) => first.split('\t').length === 61,
  begin: () => (line, ctx) => {
    const cells = line.split('\t');
    if (cells.length !== 61)
      return { reason: 'columns', message: `${cells.length} columns, GDELT 2.0 rows have 61` };
    return gdeltRow(cells, LAYOUT, ctx);
  },
};
