import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.js';
import { loadWorld } from '../load.js';
import { escapeBibtex, formatCitations, parseAuthor } from './citations.js';
import { citedSources } from './cited-sources.js';

const world = loadWorld('test/fixtures/cite-world');

const UNESCAPE: Record<string, string> = {
  '\\textbackslash{}': '\\',
  '\\textasciitilde{}': '~',
  '\\textasciicircum{}': '^',
};

/** A small BibTeX reader: entries, keys, braced or bare values; fails on unbalanced braces. */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> }[] {
  const entries = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && /[\s,]/.test(text[i] as string)) i++;
  };
  for (i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i)) {
    const head = /^@(\w+)\{([^,\s]+),/.exec(text.slice(i));
    if (!head) throw new Error(`bad entry head at ${i}`);
    i += head[0].length;
    const fields: Record<string, string> = {};
    for (skip(); text[i] !== '}'; skip()) {
      const name = /^(\w+)\s*=\s*/.exec(text.slice(i));
      if (!name) throw new Error(`bad field at ${i}: ${text.slice(i, i + 20)}`);
      i += name[0].length;
      let value = '';
      if (text[i] === '{') {
        let depth = 0;
        const start = i;
        do {
          const ch = text[i];
          if (ch === '\\') i++;
          else if (ch === '{') depth++;
          else if (ch === '}') depth--;
          i++;
          if (i > text.length) throw new Error('unbalanced braces');
        } while (depth > 0);
        value = text.slice(start + 1, i - 1);
      } else {
        const bare = /^\w+/.exec(text.slice(i));
        if (!bare) throw new Error(`bad value at ${i}`);
        value = bare[0];
        i += value.length;
      }
      fields[name[1] as string] = value;
    }
    i++;
    entries.push({ type: head[1] as string, key: head[2] as string, fields });
  }
  return entries;
}

function unescapeBibtex(v: string): string {
  return v.replace(/\\text\w+\{\}|\\([&%$#_{}])/g, (m, ch?: string) => ch ?? (UNESCAPE[m] as string));
}

describe('citations', () => {
  it('escapes every TeX special character so braces balance and the text round-trips', () => {
    const raw = 'a & b % c $ d # e _ f { g } h ~ i ^ j \\ k';
    const escaped = escapeBibtex(raw);
    expect(escaped).not.toMatch(/(^|[^\\])[&%$#_]/);
    expect(unescapeBibtex(escaped)).toBe(raw);
  });

  it('writes BibTeX that parses, one entry per distinct source, keyed and ordered by source id', () => {
    const entries = parseBibtex(formatCitations(citedSources(world), 'bibtex'));
    expect(entries.map((e) => e.key)).toEqual(['data-c', 'doc-a', 'doc-b', 'doc-unused']);
    expect(entries.map((e) => e.type)).toEqual(['dataset', 'misc', 'misc', 'misc']);
    const a = entries[1]?.fields ?? {};
    expect(unescapeBibtex((a.title ?? '').replace(/^\{|\}$/g, ''))).toBe(
      'R&D at 5% for $10 #1: a_b {c} ~d ^e \\f',
    );
    expect(a.author).toBe('Doe, Jane Q.');
    expect(a.year).toBe('2010');
    expect(a.month).toBe('jun');
    expect(a.url).toBe('https://example.org/a_b?x=1');
    expect(a.note).toContain('evidence: e1');
    expect(entries[0]?.fields.note).toContain('rows: ccode1=1 ccode2=2 year=2012');
    expect(entries[2]?.fields.author).toBe('{Ministry of Tests, Alpha}');
  });

  it('writes CSL-JSON items with the fields CSL requires and valid names and dates', () => {
    const items = JSON.parse(formatCitations(citedSources(world), 'csl-json')) as Record<string, unknown>[];
    const types = new Set(['dataset', 'document']);
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(types.has(item.type as string)).toBe(true);
      expect(typeof item.title).toBe('string');
      for (const name of (item.author as Record<string, string>[] | undefined) ?? []) {
        expect('literal' in name || ('family' in name && 'given' in name)).toBe(true);
      }
      const issued = item.issued as { 'date-parts': number[][] } | undefined;
      if (issued) {
        expect(issued['date-parts']).toHaveLength(1);
        expect(issued['date-parts'][0]?.every(Number.isInteger)).toBe(true);
      }
    }
    const a = items.find((i) => i.id === 'doc-a');
    expect(a).toMatchObject({
      author: [{ family: 'Doe', given: 'Jane Q.' }],
      issued: { 'date-parts': [[2010, 6, 15]] },
      URL: 'https://example.org/a_b?x=1',
    });
  });

  it('cites exactly the sources of a pair’s evidence, and only the ties in force at a date', () => {
    const ids = (sel: Parameters<typeof citedSources>[1]) => citedSources(world, sel).map((c) => c.source.id);
    expect(ids({ pair: ['BBB', 'AAA'] })).toEqual(['data-c', 'doc-a']);
    expect(ids({ pair: ['AAA', 'BBB'], at: '2011' })).toEqual(['doc-a']);
    expect(ids({ pair: ['BBB', 'CCC'] })).toEqual(['doc-b']);
    expect(ids({ evidence: ['e4'] })).toEqual(['doc-unused']);
  });

  it('splits personal names only', () => {
    expect(parseAuthor('Andrew Korybko')).toEqual({ family: 'Korybko', given: 'Andrew' });
    expect(parseAuthor('Global Village Space')).toEqual({ literal: 'Global Village Space' });
    expect(parseAuthor('UN')).toEqual({ literal: 'UN' });
  });

  it('names bad input: an unknown actor, a pair without ties, an unknown evidence id or format', () => {
    expect(() => citedSources(world, { pair: ['AAA', 'ZZZ'] })).toThrow(/unknown actor 'ZZZ'/);
    expect(() => citedSources(world, { pair: ['AAA', 'CCC'] })).toThrow(/no ties between AAA and CCC/);
    expect(() => citedSources(world, { evidence: ['nope'] })).toThrow(InvalidInputError);
    expect(() => formatCitations([], 'ris')).toThrow(/unknown citation format 'ris'/);
  });
});
