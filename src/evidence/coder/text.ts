/**
 * Sentence splitting and tokenising for the event coder: a hand-written scanner, one pass over
 * the characters, every token keeping its character offsets into the document. Paragraphs
 * (separated by a blank line) never share a sentence. Abbreviations ("U.S.", "Mr.", "Jan.") do not
 * end a sentence; a full stop ends one only when the next word starts with a capital or a quote.
 */

/** A word or punctuation mark, upper-cased for dictionary matching, with its document offsets. */
export interface Token {
  /** Upper-case form used for matching (`"N'T"`, `"'S"` split off as in Treebank). */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** A sentence: its text span in the document and its tokens. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokens: Token[];
}

const ABBREVIATIONS = new Set([
  'MR',
  'MRS',
  'MS',
  'DR',
  'PROF',
  'GEN',
  'GOV',
  'SEN',
  'REP',
  'COL',
  'LT',
  'SGT',
  'CAPT',
  'MAJ',
  'ST',
  'JR',
  'SR',
  'VS',
  'NO',
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'SEPT',
  'OCT',
  'NOV',
  'DEC',
  'INC',
  'CO',
  'CORP',
  'LTD',
  'ETC',
  'E.G',
  'I.E',
  'U.S',
  'U.K',
  'U.N',
  'E.U',
]);

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c >= 192 ||
  c === 45 ||
  c === 46 ||
  c === 38;

/** Splits a document into tokens (no sentence boundaries yet). */
export function tokenize(doc: string, from = 0, to = doc.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = doc.charCodeAt(i);
    if (c <= 32 || c === 160) {
      i++;
      continue;
    }
    if (isWordChar(c) && c !== 45 && c !== 46) {
      let j = i + 1;
      while (j < to && isWordChar(doc.charCodeAt(j))) j++;
      // Trailing full stops belong to the word only for abbreviations ("U.S." "Mr.").
      let end = j;
      while (end > i + 1 && doc.charCodeAt(end - 1) === 46) end--;
      const bare = doc.slice(i, end).toUpperCase();
      if (end < j && (ABBREVIATIONS.has(bare) || /^([A-Z]\.)*[A-Z]$/.test(bare))) end++;
      i = pushWord(out, doc, i, end);
      continue;
    }
    if ((c === 39 || c === 8217) && i + 1 < to) {
      // 's as its own token, as the dictionaries expect.
      const n = doc.charCodeAt(i + 1);
      if ((n === 115 || n === 83) && (i + 2 >= to || !isWordChar(doc.charCodeAt(i + 2)))) {
        out.push({ key: "'S", start: i, end: i + 2 });
        i += 2;
        continue;
      }
    }
    out.push({ key: doc[i] === '\u2019' ? "'" : doc[i]!, start: i, end: i + 1 });
    i++;
  }
  return out;
}

/** Pushes one word (two for a contraction) and returns where scanning resumes. */
function pushWord(out: Token[], doc: string, start: number, end: number): number {
  const key = doc
    .slice(start, end)
    .toUpperCase()
    .replace(/[\u2019]/g, "'");
  // "didn't" → DID N'T, "can't" → CA N'T (Treebank style, as the dictionaries are written).
  if (key.endsWith('N') && (doc[end] === "'" || doc[end] === '\u2019') && /[tT]/.test(doc[end + 1] ?? '')) {
    out.push({ key: key.slice(0, -1), start, end: end - 1 });
    out.push({ key: "N'T", start: end - 1, end: end + 2 });
    return end + 2;
  }
  out.push({ key, start, end });
  return end;
}

const OPENERS = new Set(['"', "'", '\u201c', '\u2018', '(', '[']);

function endsSentence(tokens: Token[], k: number, doc: string): boolean {
  const t = tokens[k]!;
  if (t.key !== '.' && t.key !== '!' && t.key !== '?') return false;
  const next = tokens[k + 1];
  if (!next) return true;
  const ch = doc[next.start]!;
  return OPENERS.has(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/**
 * Splits a document into sentences with tokens.
 *
 * @example splitSentences('Russia met China. India waited.').map((s) => s.text)
 * // ['Russia met China.', 'India waited.']
 */
export function splitSentences(doc: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraph = /\n[ \t]*\n/g;
  let from = 0;
  for (;;) {
    const m = paragraph.exec(doc);
    const to = m ? m.index : doc.length;
    splitParagraph(doc, from, to, out);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

function splitParagraph(doc: string, from: number, to: number, out: Sentence[]): void {
  const tokens = tokenize(doc, from, to);
  let first = 0;
  for (let k = 0; k < tokens.length; k++) {
    // Closing quotes after the full stop stay with the sentence.
    if (endsSentence(tokens, k, doc)) {
      let last = k;
      while (last + 1 < tokens.length && /^["'\u201d\u2019)]$/.test(tokens[last + 1]!.key)) last++;
      push(doc, tokens.slice(first, last + 1), out);
      first = last + 1;
      k = last;
    }
  }
  if (first < tokens.length) push(doc, tokens.slice(first), out);
}

function push(doc: string, tokens: Token[], out: Sentence[]): void {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  out.push({ start, end, text: doc.slice(start, end), tokens });
}
