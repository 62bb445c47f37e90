/**
 * Checks on text handed to the coder: binary data is an error naming the file; empty input,
 * text that is mostly not Latin script, and over-long sentences are counted warnings, so a batch
 * never dies on one bad document and nothing is silently dropped.
 */
import { InvalidInputError, type Problem } from '../../domain/errors.js';

/** Limits on what one document may hold. */
export interface InputLimits {
  /** Largest document in characters. */
  readonly maxChars: number;
}

export const INPUT_DEFAULTS: Readonly<InputLimits> = Object.freeze({ maxChars: 20_000_000 });

/**
 * Validates one document; throws on binary or oversized input, returns warnings otherwise.
 *
 * @example checkDocument('Russia met China.', 'a.txt') // []
 */
export function checkDocument(text: string, file: string, limits: InputLimits = INPUT_DEFAULTS): Problem[] {
  if (text.length > limits.maxChars) {
    throw new InvalidInputError({
      file,
      message: `document has ${text.length} characters, more than ${limits.maxChars}`,
      hint: 'split it into smaller files',
    });
  }
  let control = 0;
  let letters = 0;
  let latin = 0;
  const n = Math.min(text.length, 100_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isControl(c)) control++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      latin++;
    } else if (c > 127 && /\p{L}/u.test(text[i]!)) letters++;
  }
  if (control > 0 && control / Math.max(1, n) > 0.01) {
    const line = text.slice(0, firstControl(text)).split('\n').length;
    throw new InvalidInputError({
      file,
      line,
      message: 'looks like a binary file, not text',
      hint: 'pass UTF-8 plain text',
    });
  }
  if (text.trim() === '') return [{ file, message: 'is empty; nothing to code' }];
  if (letters > 0 && latin / letters < 0.5) {
    return [
      {
        file,
        message:
          'is mostly not in Latin script; the dictionaries are English, so little or nothing will be coded',
        hint: 'translate it first',
      },
    ];
  }
  return [];
}

function isControl(c: number): boolean {
  return c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13);
}

function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return i;
  return text.length;
}
