import { describe, expect, it } from 'vitest';
import { parseCsv, splitCsvLine } from './csv.js';

describe('csv', () => {
  it('splits a line with quoted commas, escaped quotes and padding', () => {
    expect(splitCsvLine(' a , "b, c" ,"say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });
  it('parses a file with CRLF and a quoted newline, keeping each row’s first line', () => {
    const rows = parseCsv('x,y\r\n"multi\nline",2\r\n\r\nlast,3');
    expect(rows.map((r) => r.fields)).toEqual([
      ['x', 'y'],
      ['multi\nline', '2'],
      ['last', '3'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });
});
