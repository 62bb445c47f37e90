/** The verb dictionary reader: repeated patterns and headers that close twice, as CAMEO.2.0.txt has them. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../domain/errors.js';
import { bestPattern, type MatchContext } from './patterns.js';
import { tokenize } from './text.js';
import { readVerbDictionary } from './verbs.js';

const problems: Problem[] = [];
const dict = readVerbDictionary(
  [
    '--- APPROVE [030] ---',
    'APPROVE',
    'RATIFY {RATIFIES RATIFYING RATIFIED }',
    '- * PLAN [031]',
    '- * TREATY [031]',
    '- * {PLAN} [032]',
    '- * TREATY [057]',
    '- * TREATY NOW [058]',
    '',
    '---  DELAY   [120]---  ---',
    'DELAY',
    '- * TALKS [128]',
    '',
  ].join('\n'),
  'v.txt',
  problems,
);

function chosen(sentence: string): string | undefined {
  const tokens = tokenize(sentence);
  const ctx: MatchContext = {
    tokens,
    groups: [],
    groupStart: new Int32Array(tokens.length).fill(-1),
    groupEnd: new Int32Array(tokens.length).fill(-1),
    synsets: dict.synsets,
  };
  return bestPattern(ctx, dict.families[0]!.patterns, 1, 2, 0, tokens.length)?.pattern.code?.code;
}

describe('readVerbDictionary', () => {
  it('keeps a repeated pattern once, in its first place, with its last code', () => {
    const approve = dict.families[0]!;
    expect(approve.patterns.map((p) => p.code?.code)).toEqual(['032', '057', '058']);
    expect(chosen('They ratified the treaty')).toBe('057');
    expect(chosen('They approved the plan')).toBe('032');
    expect(chosen('They ratified the treaty now')).toBe('058');
  });
  it('reads a header that closes twice as a family of its own', () => {
    expect(problems).toEqual([]);
    expect(dict.families.map((f) => f.name)).toEqual(['APPROVE', 'DELAY']);
    expect(dict.families[1]!.patterns.map((p) => p.code?.code)).toEqual(['128']);
  });
});
