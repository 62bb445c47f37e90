/**
 * Splits one CSV line into trimmed fields (RFC 4180 quoting: "a, b" is one field, "" an escaped
 * quote). KTAB files are simple but their first line quotes the description.
 */

/**
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

/** Drops trailing empty fields (KTAB rows end with a comma). */
export function withoutTrailingEmpty(fields: string[]): string[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  return fields.slice(0, end);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A strict decimal number, or undefined (no '', no 'abc', no '1,5'). */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}
