/**
 * The line reader every PETRARCH dictionary shares: `#` comments to the end of a line and
 * `<!-- … -->` comments (which may span lines) are removed; blank lines are kept as empty
 * strings because a blank line ends a synset block. Line numbers stay 1-based as in the file.
 */
import type { Problem } from '../../domain/errors.js';

/** One dictionary line without its comments. */
export interface DictionaryLine {
  readonly line: number;
  readonly text: string;
}

/** Splits dictionary text into comment-free lines; a binary file or an unclosed comment is a problem. */
export function dictionaryLines(text: string, file: string, problems: Problem[]): DictionaryLine[] {
  if (text.includes('\u0000')) {
    problems.push({
      file,
      message: 'is a binary file, not a dictionary',
      hint: 'pass a PETRARCH text dictionary',
    });
    return [];
  }
  const out: DictionaryLine[] = [];
  const lines = text.split(/\r?\n/);
  let inComment = 0;
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!;
    if (inComment) {
      const close = s.indexOf('-->');
      if (close < 0) continue;
      s = s.slice(close + 3);
      inComment = 0;
    }
    for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--')) {
      const close = s.indexOf('-->', open + 4);
      if (close < 0) {
        inComment = i + 1;
        s = s.slice(0, open);
        break;
      }
      s = s.slice(0, open) + s.slice(close + 3);
    }
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    out.push({ line: i + 1, text: s.trimEnd() });
  }
  if (inComment) {
    problems.push({
      file,
      line: inComment,
      message: 'comment opened with <!-- is never closed',
      hint: 'add -->',
    });
  }
  return out;
}
