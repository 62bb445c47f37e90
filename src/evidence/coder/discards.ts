/**
 * Reader for PETRARCH discard dictionaries: a phrase discards its sentence; a `+PHRASE` discards
 * the whole story (sports results, weather), as in Phoenix.discards.txt.
 */
import type { Problem } from '../../domain/errors.js';
import { dictionaryLines } from './dictionary-lines.js';
import { type PhraseTrie, phraseWords } from './phrase-trie.js';

/** Whether a discard phrase drops its sentence or its whole story. */
export type DiscardScope = 'sentence' | 'story';

/** Adds a discard dictionary's phrases to `trie`. */
export function readDiscardDictionary(
  text: string,
  file: string,
  trie: PhraseTrie<DiscardScope>,
  problems: Problem[],
): void {
  for (const { text: raw } of dictionaryLines(text, file, problems)) {
    const s = raw.trim();
    if (s === '') continue;
    const story = s.startsWith('+');
    const { words } = phraseWords(s.replace(/^\+/, '').replace(/;.*$/, ''));
    trie.add(words, true, story ? 'story' : 'sentence');
  }
}
