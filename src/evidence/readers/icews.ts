/**
 * ICEWS coded event files (`.tab`, Boschee et al., Harvard Dataverse): a header, tab-separated,
 * 20 columns; actors' countries are names, mapped to ISO3 through data/lookups/icews_country_iso3.tsv.
 * The Intensity column is the ICEWS Goldstein table's value of the CAMEO code.
 */
import { countryIso3 } from './event-lookups.js';
import { calendarDate, codeEvent, type FormatReader } from './event-reader.js';

const COLUMNS = 20;

export const icewsReader: FormatReader = {
  format: 'icews',
  goldstein: 'icews',
  hasHeader: true,
  sniff: (first) => first.startsWith('Event ID\tEvent Date\t'),
  begin: () => {
    const iso3 = countryIso3();
    const country = (name: string) => (name === '' || name === 'NA' ? '' : iso3.get(name));
    return (line, ctx) => {
      const c = line.split('\t');
      if (c.length !== COLUMNS)
        return { reason: 'columns', message: `${c.length} columns, ICEWS rows have ${COLUMNS}` };
      if (!/^\d+$/.test(c[0]!))
        return { reason: 'number', field: 'Event ID', message: `'${c[0]}' is not an event id` };
      const date = calendarDate(c[1]!);
      if (!date)
        return { reason: 'date', field: 'Event Date', message: `'${c[1]}' is not a YYYY-MM-DD date` };
      const source = country(c[4]!);
      if (source === undefined)
        return { reason: 'country', field: 'Source Country', message: `unknown country '${c[4]}'` };
      const target = country(c[10]!);
      if (target === undefined)
        return { reason: 'country', field: 'Target Country', message: `unknown country '${c[10]}'` };
      const intensity = Number(c[7]);
      if (c[7] === '' || !(Math.abs(intensity) <= 10)) {
        return { reason: 'number', field: 'Intensity', message: `'${c[7]}' is not in [-10, 10]` };
      }
      const coded = codeEvent(ctx, c[6]!, intensity);
      if ('reason' in coded) return coded;
      return {
        id: `icews:${c[0]}`,
        date,
        source,
        target,
        cameo: c[6]!,
        goldstein: coded.goldstein,
        quad: coded.quad,
        origin: ctx.file,
        evidence: [],
        line: ctx.line,
        sourceActor: c[2]!,
        targetActor: c[8]!,
        mentions: 1,
        root: true,
      };
    };
  },
};
