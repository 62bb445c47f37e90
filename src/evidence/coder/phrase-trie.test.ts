import { describe, expect, it } from 'vitest';
import { PhraseTrie, phraseWords } from './phrase-trie.js';
import { tokenize } from './text.js';

const at = (trie: PhraseTrie<string>, text: string, i = 0) => trie.match(tokenize(text), i);
const add = (trie: PhraseTrie<string>, phrase: string, value: string) => {
  const { words, exact } = phraseWords(phrase);
  trie.add(words, exact, value);
};

describe('PhraseTrie (built one bucket at a time)', () => {
  it('matches the longest phrase, stems and exact words, and keeps the first entry of a phrase', () => {
    const trie = new PhraseTrie<string>();
    add(trie, 'ARGENTIN', 'ARG');
    add(trie, 'ARGENTINE_NAVY_', 'ARGNAV');
    add(trie, 'ARGENTIN', 'later');
    add(trie, 'PLA_', 'PLA');
    expect(at(trie, 'Argentina said')).toEqual({ value: 'ARG', length: 1 });
    expect(at(trie, 'the Argentine navy', 1)).toEqual({ value: 'ARGNAV', length: 2 });
    expect(at(trie, 'PLA troops')).toEqual({ value: 'PLA', length: 1 });
    expect(at(trie, 'place')).toBeUndefined();
  });

  it('takes phrases added after a bucket was built, and keeps the first one still', () => {
    const trie = new PhraseTrie<string>();
    add(trie, 'RUSSIA_', 'RUS');
    expect(at(trie, 'Russian troops')).toBeUndefined();
    add(trie, 'RUSSIAN_TROOPS_', 'RUSMIL');
    add(trie, 'RUSSIA_', 'later');
    expect(at(trie, 'Russian troops')).toEqual({ value: 'RUSMIL', length: 2 });
    expect(at(trie, 'Russia')).toEqual({ value: 'RUS', length: 1 });
    expect(trie.size).toBe(3);
  });
});
