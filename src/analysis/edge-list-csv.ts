/**
 * Reads a signed edge list from CSV text: a header naming `from`, `to` and either `sign` (±1, +, −)
 * or `weight` (any finite number; 0 means neutral and is skipped), then one undirected edge per
 * line. Errors name the line and the field; repeated pairs with the same sign are kept once and
 * counted as warnings, repeated pairs with opposite signs are errors.
 */

import { InvalidInputError, type Problem } from '../domain/errors.js';
import { splitCsvLine } from '../kernels/csv.js';
import type { SignedEdge, SignedGraph } from './signed-graph.js';

/** The graph read and the non-fatal problems met on the way. */
export interface EdgeListResult {
  graph: SignedGraph;
  warnings: Problem[];
}

const SIGNS: Readonly<Record<string, number>> = Object.freeze({
  '1': 1,
  '+1': 1,
  '+': 1,
  '-1': -1,
  '-': -1,
  '−': -1,
});

/**
 * Parses an edge-list CSV into a signed graph (nodes in order of first appearance).
 *
 * @example
 * const { graph } = parseEdgeListCsv('from,to,sign\na,b,1\nb,c,-1\n');
 * graph.edges; // [{ a: 'a', b: 'b', w: 1 }, { a: 'b', b: 'c', w: -1 }]
 */
export function parseEdgeListCsv(text: string, file?: string): EdgeListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [from, to, sign, weight] = [col('from'), col('to'), col('sign'), col('weight')];
  if (from < 0 || to < 0 || (sign < 0 && weight < 0)) {
    throw new InvalidInputError({
      file,
      line: 1,
      message: `header '${lines[0] ?? ''}' lacks from, to and sign or weight`,
      hint: 'start the file with `from,to,sign` or `from,to,weight`',
    });
  }
  const valueCol = sign >= 0 ? sign : weight;
  const valueName = sign >= 0 ? 'sign' : 'weight';
  const nodes: string[] = [];
  const known = new Set<string>();
  const edges: SignedEdge[] = [];
  const byPair = new Map<string, { w: number; line: number }>();
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  for (let k = 1; k < lines.length; k++) {
    const raw = lines[k]!;
    if (raw.trim() === '') continue;
    const line = k + 1;
    const cells = splitCsvLine(raw);
    const a = cells[from] ?? '';
    const b = cells[to] ?? '';
    const cell = cells[valueCol] ?? '';
    if (a === '' || b === '') {
      problems.push({ file, line, field: a === '' ? 'from' : 'to', message: 'empty node name' });
      continue;
    }
    if (a === b) {
      problems.push({ file, line, field: 'to', message: `self-loop on '${a}'`, hint: 'remove the line' });
      continue;
    }
    const w = sign >= 0 ? SIGNS[cell] : cell === '' ? Number.NaN : Number(cell);
    if (w === undefined || !Number.isFinite(w)) {
      problems.push({
        file,
        line,
        field: valueName,
        message: `'${cell}' is not a ${sign >= 0 ? 'sign' : 'number'}`,
        hint: sign >= 0 ? 'write 1 or -1' : 'write a number such as 0.5 or -1',
      });
      continue;
    }
    if (w === 0) {
      warnings.push({ file, line, field: valueName, message: 'weight 0 is neutral; the edge is skipped' });
      continue;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const prior = byPair.get(key);
    if (prior) {
      if (Math.sign(prior.w) !== Math.sign(w)) {
        problems.push({
          file,
          line,
          field: valueName,
          message: `${a}–${b} has the opposite sign on line ${prior.line}`,
          hint: 'keep one line per pair',
        });
      } else {
        warnings.push({ file, line, message: `${a}–${b} repeats line ${prior.line}; the first is kept` });
      }
      continue;
    }
    byPair.set(key, { w, line });
    for (const id of [a, b]) {
      if (!known.has(id)) {
        known.add(id);
        nodes.push(id);
      }
    }
    edges.push({ a, b, w });
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { graph: { nodes, edges }, warnings };
}
