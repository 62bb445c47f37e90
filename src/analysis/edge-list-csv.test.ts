import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain/errors.js';
import { parseEdgeListCsv } from './edge-list-csv.js';

function problemsOf(text: string) {
  try {
    parseEdgeListCsv(text, 'edges.csv');
  } catch (err) {
    if (err instanceof InvalidInputError) return err.problems;
    throw err;
  }
  throw new Error('expected the parse to fail');
}

describe('parseEdgeListCsv', () => {
  it('reads signs and weights, nodes in order of first appearance', () => {
    const signs = parseEdgeListCsv('from,to,sign\nb,a,1\na,c,-1\n');
    expect(signs.graph.nodes).toEqual(['b', 'a', 'c']);
    expect(signs.graph.edges).toEqual([
      { a: 'b', b: 'a', w: 1 },
      { a: 'a', b: 'c', w: -1 },
    ]);
    const weights = parseEdgeListCsv('weight,from,to\r\n-0.5,x,"y, z"\r\n');
    expect(weights.graph.edges).toEqual([{ a: 'x', b: 'y, z', w: -0.5 }]);
  });

  it('names the line and field of every bad row', () => {
    const problems = problemsOf('from,to,sign\na,b,1\na,,1\nc,c,1\nd,e,2\nb,a,-1\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'to'],
      [4, 'to'],
      [5, 'sign'],
      [6, 'sign'],
    ]);
    expect(problems.every((p) => p.file === 'edges.csv')).toBe(true);
    expect(problems[3]!.message).toContain('line 2');
  });

  it('rejects a header without the needed columns', () => {
    const [p] = problemsOf('source,target,sign\na,b,1\n');
    expect(p).toMatchObject({ line: 1 });
    expect(p!.hint).toContain('from,to,sign');
  });

  it('counts repeated pairs and neutral weights as warnings', () => {
    const r = parseEdgeListCsv('from,to,weight\na,b,0.5\nb,a,0.7\nc,d,0\n');
    expect(r.graph.edges).toHaveLength(1);
    expect(r.warnings.map((w) => w.line)).toEqual([3, 4]);
  });
});
