import { describe, expect, it } from 'vitest';
import { cameoDimension } from './cameo-dimension.js';
import { codedEventsToWorld } from './coded-events-to-world.js';
import type { CodedEvent } from './coder/coder.js';

const event = (over: Partial<CodedEvent>): CodedEvent => ({
  doc: 'docs/a.txt',
  sentence: 'Russia condemned Pakistan.',
  start: 10,
  end: 36,
  source: 'RUSGOV',
  target: 'PAK',
  code: '122',
  goldstein: -4,
  quad: 3,
  verb: 'condemned',
  pattern: '*',
  marks: { source: [10, 16], target: [27, 35], verb: [17, 26] },
  ...over,
});

describe('codedEventsToWorld', () => {
  it('maps actor codes to their countries and cites the sentence with its offsets', () => {
    const { file, added, skipped } = codedEventsToWorld(
      [event({}), event({ target: 'FRA' }), event({ target: 'RUSMIL' }), event({ goldstein: null })],
      new Set(['RUS', 'PAK']),
      { date: '2021-04-07' },
    );
    expect(added).toBe(1);
    expect(skipped).toEqual({ unknownActor: 1, selfDirected: 1, unscaled: 1 });
    expect(file.sources).toEqual([
      expect.objectContaining({ id: 'coded.a.txt', kind: 'document', file: 'a.txt' }),
    ]);
    expect(file.events[0]).toMatchObject({
      source: 'RUS',
      target: 'PAK',
      quad: 'verbal-conflict',
      cameo: '122',
    });
    expect(file.evidence[0]).toMatchObject({ quote: 'Russia condemned Pakistan.' });
    expect(file.evidence[0]!.note).toMatch(/characters 10–36 of a\.txt/);
  });

  it('puts force on the military dimension, aid on the economic one, talk on the diplomatic one', () => {
    expect(cameoDimension('190')).toBe('military');
    expect(cameoDimension('0612')).toBe('economic');
    expect(cameoDimension('064')).toBe('security');
    expect(cameoDimension('036')).toBe('diplomatic');
  });
});
