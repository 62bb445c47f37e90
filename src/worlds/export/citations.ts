/**
 * Citations out: the sources behind a view as BibTeX (biblatex entry types, which BibTeX reads as
 * @misc) and as CSL-JSON (Citation Style Language 1.0.2 item schema), for a paper's bibliography.
 * Keys are the source ids, so they are stable across exports; entries are in source-id order.
 */
import { InvalidInputError } from '../../domain/errors.js';
import type { Evidence, Source } from '../../domain/schema.js';
import type { CitedSource } from './cited-sources.js';

export const CITATION_FORMATS = ['bibtex', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export const CITATION_MEDIA_TYPES: Readonly<Record<CitationFormat, string>> = Object.freeze({
  bibtex: 'application/x-bibtex',
  'csl-json': 'application/vnd.citationstyles.csl+json',
});

export const CITATION_EXTENSIONS: Readonly<Record<CitationFormat, string>> = Object.freeze({
  bibtex: 'bib',
  'csl-json': 'json',
});

export interface CitationOptions {
  /** Dataset rows listed in a note before it says "and N more". */
  maxRowsInNote: number;
  /** Words that mark an author as an organisation, kept whole rather than split into names. */
  organisationWords: readonly string[];
}

export const CITATION_DEFAULTS: Readonly<CitationOptions> = Object.freeze({
  maxRowsInNote: 20,
  organisationWords: Object.freeze([
    'agency',
    'bank',
    'council',
    'department',
    'institute',
    'ministry',
    'news',
    'office',
    'project',
    'programme',
    'space',
    'times',
    'university',
  ]),
});

/** A name as CSL holds it: split into family and given, or kept whole. */
export type CslName = { family: string; given: string } | { literal: string };

/** Splits "Given Family" (two or three capitalised words, no organisation word); else literal. */
export function parseAuthor(author: string, options: CitationOptions = CITATION_DEFAULTS): CslName {
  const words = author.trim().split(/\s+/);
  const personal =
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w)) &&
    !words.some((w) => options.organisationWords.includes(w.toLowerCase()));
  if (!personal) return { literal: author.trim() };
  return { family: words[words.length - 1] as string, given: words.slice(0, -1).join(' ') };
}

// no braces or backslashes: biblatex reads `url` verbatim, so it is written unescaped
const URL_PATTERN = /https?:\/\/[^\s<>"{}\\]+[^\s<>"{}\\.,;)]/;

function urlOf(source: Source): string | undefined {
  return source.citation?.match(URL_PATTERN)?.[0];
}

function rowKey(row: Readonly<Record<string, string | number>>): string {
  return Object.keys(row)
    .sort()
    .map((k) => `${k}=${row[k]}`)
    .join(' ');
}

/** Which evidence cites the source: quote ids for documents, row keys for datasets. */
function noteOf(c: CitedSource, options: CitationOptions): string {
  const parts = [`evidence: ${c.evidence.map((e) => e.id).join(', ')}`];
  const rows = c.evidence.flatMap((e: Evidence) => e.rows ?? []).map(rowKey);
  if (rows.length > 0) {
    const shown = rows.slice(0, options.maxRowsInNote);
    const more = rows.length - shown.length;
    parts.push(`rows: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
  }
  if (c.source.citation) parts.push(c.source.citation.trim());
  return parts.join('. ');
}

const BIBTEX_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
});

/**
 * Escapes the characters (La)TeX treats as special, so a field's braces always balance.
 *
 * @example
 * escapeBibtex('R&D 5% $x_1$'); // 'R\\&D 5\\% \\$x\\_1\\$'
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (ch) => BIBTEX_ESCAPES[ch] as string).replace(/\s+/g, ' ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibtexEntry(c: CitedSource, options: CitationOptions): string {
  const s = c.source;
  const fields: [string, string][] = [['title', `{${escapeBibtex(s.title)}}`]];
  if (s.author) {
    const name = parseAuthor(s.author, options);
    const value =
      'literal' in name ? `{${escapeBibtex(name.literal)}}` : escapeBibtex(`${name.family}, ${name.given}`);
    fields.push(['author', value]);
  }
  if (s.published) {
    const [year, month] = s.published.split('-');
    fields.push(['year', year as string]);
    if (month) fields.push(['month', MONTHS[Number(month) - 1] as string]);
    fields.push(['date', s.published]);
  }
  const url = urlOf(s);
  if (url) fields.push(['url', url]);
  fields.push(['note', escapeBibtex(noteOf(c, options))]);
  const type = s.kind === 'dataset' ? 'dataset' : 'misc';
  // bare macros (month names) stay unbraced; every other value is braced
  const body = fields.map(([k, v]) => `  ${k} = ${k === 'month' ? v : `{${v}}`}`).join(',\n');
  return `@${type}{${s.id},\n${body}\n}\n`;
}

/** A CSL-JSON item: the fields this export fills. */
export interface CslItem {
  id: string;
  type: 'dataset' | 'document';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  note: string;
}

function cslItem(c: CitedSource, options: CitationOptions): CslItem {
  const s = c.source;
  const url = urlOf(s);
  return {
    id: s.id,
    type: s.kind === 'dataset' ? 'dataset' : 'document',
    title: s.title,
    ...(s.author ? { author: [parseAuthor(s.author, options)] } : {}),
    ...(s.published ? { issued: { 'date-parts': [s.published.split('-').map(Number)] } } : {}),
    ...(url ? { URL: url } : {}),
    note: noteOf(c, options),
  };
}

/**
 * Renders cited sources as a BibTeX file or a CSL-JSON array.
 *
 * @example
 * formatCitations(citedSources(world, { pair: ['IND', 'RUS'] }), 'bibtex'); // '@misc{seed-003,\n…'
 */
export function formatCitations(
  cited: readonly CitedSource[],
  format: string,
  options: Partial<CitationOptions> = {},
): string {
  const opts = { ...CITATION_DEFAULTS, ...options };
  switch (format) {
    case 'bibtex':
      return cited.map((c) => bibtexEntry(c, opts)).join('\n');
    case 'csl-json':
      return `${JSON.stringify(
        cited.map((c) => cslItem(c, opts)),
        null,
        2,
      )}\n`;
    default:
      throw new InvalidInputError({
        field: 'format',
        message: `unknown citation format '${format}'`,
        hint: `use one of ${CITATION_FORMATS.join(', ')}`,
      });
  }
}
