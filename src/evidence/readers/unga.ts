/**
 * UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017; June 2024 release): one
 * estimate per state and session on a single dimension (Western-led order ↔ its critics).
 * Session s opens in September of 1945 + s.
 */
import { readNumeric } from './table.js';

export const UNGA_FILE = 'unga_idealpoints_Jun2024.csv';

/**
 * @example
 * readUnga('ccode,session,IdealPointAll\n2,1,1.67\n')[0]!.IdealPointAll; // 1.67
 */
export function readUnga(text: string, file = UNGA_FILE) {
  return readNumeric(text, {
    file,
    columns: ['ccode', 'session', 'IdealPointAll'],
    missing: ['NA'],
    optional: ['IdealPointAll'],
  });
}

/** The calendar year a UNGA session opens in. */
export function sessionYear(session: number): number {
  return 1945 + session;
}
