/** Field helpers for KTAB CSV rows. */

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
