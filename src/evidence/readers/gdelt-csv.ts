/**
 * GDELT rows as R exports them (`write.csv`): a header naming the GDELT columns, comma-separated,
 * strings quoted, `NA` for a missing value. Columns are found by name, so 1.0 and 2.0 exports both
 * read.
 */
import { splitCsvLine } from '../../kernels/csv.js';
import type { FormatReader } from './event-reader.js';
import { type GdeltLayout, gdeltRow } from './gdelt-row.js';

const NAMES: Record<keyof GdeltLayout, string> = {
  id: 'GLOBALEVENTID',
  date: 'SQLDATE',
  actor1: 'Actor1Code',
  country1: 'Actor1CountryCode',
  actor2: 'Actor2Code',
  country2: 'Actor2CountryCode',
  root: 'IsRootEvent',
  code: 'EventCode',
  goldstein: 'GoldsteinScale',
  mentions: 'NumMentions',
  url: 'SOURCEURL',
};

function layoutOf(header: string): GdeltLayout | string {
  const columns = splitCsvLine(header);
  const layout: Partial<Record<keyof GdeltLayout, number>> = {};
  for (const [field, name] of Object.entries(NAMES) as [keyof GdeltLayout, string][]) {
    const at = columns.indexOf(name);
    if (at >= 0) layout[field] = at;
    else if (field !== 'url') return name;
  }
  return layout as GdeltLayout;
}

export const gdeltCsvReader: FormatReader = {
  format: 'gdelt-csv',
  goldstein: 'gdelt',
  hasHeader: true,
  sniff: (first) => /^"?GLOBALEVENTID"?,/.test(first),
  begin: (header) => {
    const layout = layoutOf(header ?? '');
    const width = splitCsvLine(header ?? '').length;
    return (line, ctx) => {
      if (typeof layout === 'string') {
        return { reason: 'columns', field: layout, message: `the header has no column ${layout}` };
      }
      const cells = splitCsvLine(line).map((c) => (c === 'NA' ? '' : c));
      if (cells.length !== width) {
        return { reason: 'columns', message: `${cells.length} columns, the header names ${width}` };
      }
      return gdeltRow(cells, layout, ctx);
    };
  },
};
