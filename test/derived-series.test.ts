import { describe, expect, it } from 'vitest';
import { WorldValidationError } from '../src/domain/errors.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { GRADE_FACTOR_DEFAULTS } from '../src/worlds/source-grade.js';
import { brokenWorld } from './helpers/temp-world.js';

const derived = (origin: string, value: number) =>
  `  - a: BBB\n    b: AAA\n    dimension: diplomatic\n    origin: ${origin}\n    observations:\n      - { at: "2012", value: ${value}, confidence: 0.3, evidence: [e1] }\n`;

describe('derived tie series beside curated ones', () => {
  it('loads a derived series of the same dyad and dimension, and the snapshot keeps both apart', () => {
    const dir = brokenWorld((t) => t.replace('\nties:\n', `\nties:\n${derived('events', -0.9)}`));
    const snap = snapshot(loadWorld(dir), '2013', { layer: 'diplomatic' });
    const tie = snap.ties.find((t) => t.a === 'AAA' && t.b === 'BBB')!;
    expect(tie.value).toBe(0.7);
    expect(tie.origin).toBeUndefined();
    expect(tie.alternatives).toEqual([
      // e1 cites a grade-C source: its confidence carries the C factor
      {
        origin: 'events',
        value: -0.9,
        confidence: 0.3 * GRADE_FACTOR_DEFAULTS.C,
        observed: '2012',
        evidence: ['e1'],
      },
    ]);
  });

  it('refuses a second series of one dyad, dimension and origin, naming the origin', () => {
    const dir = brokenWorld((t) =>
      t.replace('\nties:\n', `\nties:\n${derived('events', 0.1)}${derived('events', 0.2)}`),
    );
    expect(() => loadWorld(dir)).toThrow(WorldValidationError);
    expect(() => loadWorld(dir)).toThrow(/a second diplomatic series from 'events' for BBB–AAA/);
  });
});
