import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, type Problem } from '../../domain/errors.js';
import { type ActorEntry, readActorDictionary } from './actors.js';
import { bundledDictionaries, codeTexts } from './code-texts.js';
import { codeOn, parseDatedCode } from './dates.js';
import { PhraseTrie } from './phrase-trie.js';
import { splitSentences } from './text.js';
import { readVerbDictionary } from './verbs.js';

const code = (text: string, date = 20190815) =>
  codeTexts([{ id: 't', text }], { date }).events.map((e) => `${e.source}>${e.target}:${e.code}`);

describe('sentence splitting', () => {
  it('keeps abbreviations inside sentences and paragraphs apart', () => {
    const doc =
      'The U.S. and Mr. Khan met in Jan. 2019 in Washington. Then they left.\n\nA new paragraph without a stop\nstill one sentence';
    const s = splitSentences(doc);
    expect(s.map((x) => x.text)).toEqual([
      'The U.S. and Mr. Khan met in Jan. 2019 in Washington.',
      'Then they left.',
      'A new paragraph without a stop\nstill one sentence',
    ]);
    for (const x of s) expect(doc.slice(x.start, x.end)).toBe(x.text);
  });

  it('splits contractions and possessives as the dictionaries spell them', () => {
    expect(splitSentences("India didn't reply to Russia's note.")[0]!.tokens.map((t) => t.key)).toEqual([
      'INDIA',
      'DID',
      "N'T",
      'REPLY',
      'TO',
      'RUSSIA',
      "'S",
      'NOTE',
      '.',
    ]);
  });
});

describe('dated dictionary codes', () => {
  it('reads both date forms and open ranges', () => {
    expect(parseDatedCode('PAKGOV 970217-991012')).toEqual({ code: 'PAKGOV', from: 19970217, to: 19991012 });
    expect(parseDatedCode('HOB < 950601')).toEqual({ code: 'HOB', to: 19950601 });
    expect(parseDatedCode('RUSGOV >080508')).toEqual({ code: 'RUSGOV', from: 20080508 });
    expect(parseDatedCode('X 12-')).toBeUndefined();
  });

  it('picks the code in force on the date, else the undated one', () => {
    const codes = [
      { code: 'PAKGOV', from: 20180818, to: 20220410 },
      { code: 'PAKOPP', from: 20220410 },
      { code: 'PAKELI' },
    ];
    expect(codeOn(codes, 20190101)).toBe('PAKGOV');
    expect(codeOn(codes, 20230101)).toBe('PAKOPP');
    expect(codeOn(codes, 20000101)).toBe('PAKELI');
    expect(codeOn(codes, undefined)).toBe('PAKELI');
  });
});

describe('coding with the bundled dictionaries', () => {
  it('codes metonyms, capitals and adjectives of the core states', () => {
    expect(code('Moscow condemned Washington.')).toEqual(['RUS>USA:111']);
    expect(code('The Kremlin condemned Islamabad.')).toEqual(['RUSGOV>PAK:111']);
    expect(code('New Delhi condemned Beijing.')).toEqual(['IND>CHN:111']);
  });

  it('attaches agents and reads leaders by date', () => {
    expect(code('Pakistani troops attacked Indian soldiers.')).toEqual(['PAKMIL>INDMIL:190']);
    expect(code('Imran Khan condemned India.', 20200101)).toEqual(['PAKGOV>IND:111']);
    expect(code('Imran Khan condemned India.', 20230101)).toEqual(['PAKOPP>IND:111']);
  });

  it('splits compound actors into one event per member', () => {
    expect(code('Russia and China condemned the United States.').sort()).toEqual([
      'CHN>USA:111',
      'RUS>USA:111',
    ]);
  });

  it('turns passives around and drops negated verbs', () => {
    expect(code('India was attacked by China.')).toEqual(['CHN>IND:190']);
    expect(code('India did not attack China.')).toEqual([]);
    // The refusal is the dictionary's own verb; the attack it governs is not coded.
    expect(code('India refused to attack China.').filter((e) => e.endsWith(':190'))).toEqual([]);
  });

  it('codes nothing without both a source and a target', () => {
    expect(code('Russia condemned the decision.')).toEqual([]);
    expect(code('The weather condemned everyone.')).toEqual([]);
  });

  it('holds when unrelated text surrounds the sentence', () => {
    const alone = code('Moscow condemned Washington.');
    const padded = code(
      'It rained all week in the hills.\n\nMoscow condemned Washington.\n\nNobody noticed the rain.',
    );
    expect(padded).toEqual(alone);
  });
});

describe('bad input', () => {
  it('rejects binary data with the file name', () => {
    expect(() =>
      codeTexts([{ id: 'img.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' }]),
    ).toThrow(InvalidInputError);
    expect(() => codeTexts([{ id: 'img.png', text: '\u0000\u0001\u0002' }])).toThrow(/img\.png.*binary/);
  });

  it('counts empty and non-English input as warnings', () => {
    expect(codeTexts([{ id: 'e.txt', text: '  \n' }]).warnings[0]!.message).toMatch(/empty/);
    const ru = codeTexts([
      { id: 'ru.txt', text: 'Россия осудила Вашингтон. Москва и Пекин подписали соглашение.' },
    ]);
    expect(ru.events).toEqual([]);
    expect(ru.warnings[0]!.message).toMatch(/Latin script/);
  });

  it('skips and counts a huge line instead of choking on it', () => {
    const line = `${'Russia condemned Ukraine and '.repeat(20_000)}more`;
    const r = codeTexts([{ id: 'big.txt', text: line }]);
    expect(r.stats.tooLong).toBe(1);
    expect(r.warnings.some((w) => /token limit/.test(w.message))).toBe(true);
  });

  it('reports malformed dictionary lines with file, line and a hint', () => {
    const problems: Problem[] = [];
    readActorDictionary(
      'PAKISTAN_ [PAK]\nINDIA_ [IND 99x-]\n\t[RUS\n',
      'bad.actors.txt',
      new PhraseTrie<ActorEntry>(),
      problems,
    );
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['bad.actors.txt', 2],
      ['bad.actors.txt', 3],
    ]);
    expect(problems.every((p) => p.hint)).toBe(true);
    const verbProblems: Problem[] = [];
    readVerbDictionary(
      '--- MEET [040] ---\nMEET\n- WITH + [043]\n- * WITH + [04x3]\n',
      'bad.verbs.txt',
      verbProblems,
    );
    expect(verbProblems.map((p) => p.line)).toEqual([3, 4]);
    expect(verbProblems[0]!.message).toMatch(/no \*/);
  });

  it('never crashes on random text', () => {
    const { dictionaries } = bundledDictionaries();
    // Random text either codes or, when it looks binary, fails with the named input error.
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          const r = codeTexts([{ id: 'r', text }], {}, dictionaries);
          for (const e of r.events) expect(e.end).toBeLessThanOrEqual(text.length);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Russia',
            'China',
            'attacked',
            'was',
            'by',
            'and',
            'not',
            ',',
            '.',
            "'s",
            'troops',
            'the',
          ),
          { maxLength: 40 },
        ),
        (words) => {
          codeTexts([{ id: 'w', text: words.join(' ') }], {}, dictionaries);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
