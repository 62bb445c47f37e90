/**
 * CSV text, parsed without I/O: one line at a time (`splitCsvLine`, for formats read line by line
 * with their own line numbers) or a whole file with quoted newlines (`parseCsv`). Every importer
 * and reader uses these, so quoting rules are the same everywhere.
 */

/**
 * Splits one CSV line into trimmed fields (RFC 4180 quoting: "a, b" is one field, "" an escaped
 * quote; a quote may follow leading spaces).
 *
 * @example
 * splitCsvLine('DummyData_3Dim ,"Dummy scenario, to test",7,3,'); // ['DummyData_3Dim', 'Dummy scenario, to test', '7', '3', '']
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field.trim());
  return fields;
}

export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into rows of fields with their 1-based starting line.
 *
 * @example
 * parseCsv('a,b\n"x, y",2\n'); // [{line: 1, fields: ['a','b']}, {line: 2, fields: ['x, y','2']}]
 */
export function parseCsv(text: string, delimiter = ','): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}
