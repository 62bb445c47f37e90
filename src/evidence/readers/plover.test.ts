import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cameoCodes, ploverCameo } from './event-lookups.js';

/** PLOVER 0.8's event types (Schrodt, PLOVER manual draft 0.8, 2021). */
const TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];

const cameo2plover = new Map(
  [
    ...readFileSync(new URL('../../../data/lookups/CAMEO2PLOVER-2021.txt', import.meta.url), 'utf8').matchAll(
      /^(\d{3,4}):\s*([A-Z]+)\s*,/gm,
    ),
  ].map((m) => [m[1]!, m[2]!]),
);

describe('the PLOVER → CAMEO table', () => {
  it('codes each of the sixteen PLOVER types, and nothing else', () => {
    expect([...ploverCameo().keys()].sort()).toEqual([...TYPES].sort());
  });

  it.each(TYPES)('%s is coded as a CAMEO code that CAMEO2PLOVER maps back to it', (type) => {
    const code = ploverCameo().get(type)!;
    expect(cameoCodes().has(code)).toBe(true);
    expect(cameo2plover.get(code)).toBe(type);
  });

  it('codes the types split off one CAMEO root apart (CONCEDE and RETREAT share 08)', () => {
    expect(ploverCameo().get('CONCEDE')).toBe('080');
    expect(ploverCameo().get('RETREAT')).toBe('084');
  });
});
