/**
 * Date restrictions on dictionary codes, as PETRARCH writes them: `[PAKGOV 970217-991012]`,
 * `[RUSGOV >080508]`, `[USRBLR <910825]`. Dates are YYMMDD (years below 30 are 20YY) or
 * YYYYMMDD; internally every date is the number YYYYMMDD.
 */

/** A code valid from `from` to `to` (inclusive, YYYYMMDD numbers; open ends undefined). */
export interface DatedCode {
  readonly code: string;
  readonly from?: number;
  readonly to?: number;
}

/** Parses a dictionary date (YYMMDD or YYYYMMDD) to YYYYMMDD, or undefined when malformed. */
export function parseDictionaryDate(s: string): number | undefined {
  if (/^\d{8}$/.test(s)) return Number(s);
  if (!/^\d{6}$/.test(s)) return undefined;
  const yy = Number(s.slice(0, 2));
  return (yy < 30 ? 2000 + yy : 1900 + yy) * 10000 + Number(s.slice(2));
}

/** Parses an ISO date (YYYY-MM-DD or YYYYMMDD) to YYYYMMDD, or undefined. */
export function parseIsoDate(s: string): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Number(m[1]) * 10000 + month * 100 + day;
}

/**
 * Parses the inside of one code bracket (`PAKGOV 970217-991012`); undefined when malformed.
 *
 * @example parseDatedCode('RUSGOV >080508') // { code: 'RUSGOV', from: 20080508 }
 */
export function parseDatedCode(inside: string): DatedCode | undefined {
  const parts = inside.trim().split(/\s+/);
  const code = parts[0]?.toUpperCase();
  // `[ELR/GAL]`: the phrase names several actors at once.
  if (!code || !/^[A-Z0-9~-]+(\/[A-Z0-9~-]+)*$/.test(code)) return undefined;
  // Files write "[HOB < 950601]" and "[HOBGOV 19950601 - 19990815]" too.
  const range = parts.slice(1).join('');
  if (range === '') return { code };
  if (range.startsWith('>')) {
    const from = parseDictionaryDate(range.slice(1));
    return from === undefined ? undefined : { code, from };
  }
  if (range.startsWith('<')) {
    const to = parseDictionaryDate(range.slice(1));
    return to === undefined ? undefined : { code, to };
  }
  const [a, b] = range.split('-');
  const from = parseDictionaryDate(a ?? '');
  const to = parseDictionaryDate(b ?? '');
  return from === undefined || to === undefined ? undefined : { code, from, to };
}

/**
 * The code in force on `date`: the first dated code whose range holds it, else the first undated
 * code; without a date, the undated code (or the last dated one). `---` means "not an actor".
 */
export function codeOn(codes: readonly DatedCode[], date: number | undefined): string | undefined {
  if (date !== undefined) {
    for (const c of codes) {
      if (
        (c.from !== undefined || c.to !== undefined) &&
        (c.from ?? 0) <= date &&
        date <= (c.to ?? 99999999)
      ) {
        return c.code;
      }
    }
  }
  const plain = codes.find((c) => c.from === undefined && c.to === undefined) ?? codes[codes.length - 1];
  return plain?.code;
}
