import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BargainingInputError, type Problem } from '../../domain/errors.js';
import { parseKtabCsv } from './ktab-csv.js';

const DATA = new URL('../../../data/bargaining/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

/** The problems a parse throws (fails the test if it does not throw the named error). */
function problemsOf(text: string, file = 'bad.csv'): Problem[] {
  try {
    parseKtabCsv(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(BargainingInputError);
    return (err as BargainingInputError).problems;
  }
  return expect.fail('expected a BargainingInputError');
}

const HEAD = 'Test,"a test issue",2,2,\nActor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,\n';

describe('parseKtabCsv', () => {
  it('reads every bundled KTAB example with the declared counts', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const text = read(f);
      const issue = parseKtabCsv(text, f);
      const [, , actors, dims] = text.split('\n')[0]!.split(',');
      expect(issue.actors, f).toHaveLength(Number(actors));
      expect(issue.dimensions, f).toHaveLength(Number(dims));
    }
  });

  it('reads dummyData_3Dim as KTAB logs it: quoted description, trailing commas, 0–100 values', () => {
    const issue = parseKtabCsv(read('dummyData_3Dim.csv'), 'dummyData_3Dim.csv');
    expect(issue.name).toBe('DummyData_3Dim');
    expect(issue.description).toBe('Dummy scenario to test reading format');
    expect(issue.dimensions).toEqual(['Pstn1', 'Pstn2', 'Pstn3']);
    expect(issue.actors[0]).toMatchObject({
      id: 'SActor-00',
      capability: 102.543,
      position: [75.79, 6.37, 70.45],
      salience: [49.53, 5.91, 28.15],
    });
    expect(issue.actors[6]!.id).toBe('SActor-06');
  });

  it('names file, line and column of missing columns', () => {
    const [p] = problemsOf(`${HEAD}A,first,10,50,20,40,30,\nB,second,10,50,20,40,\n`);
    expect(p).toMatchObject({ file: 'bad.csv', line: 4, field: 'Sal2' });
    expect(p!.message).toMatch(/missing columns: 6 of 7/);
    expect(p!.hint).toMatch(/position and salience/);
  });

  it('rejects a salience sum above 100 on the actor’s line', () => {
    const [p] = problemsOf(`${HEAD}A,first,10,50,60,40,50,\nB,second,10,50,20,40,30,\n`);
    expect(p).toMatchObject({ line: 3, field: 'saliences' });
    expect(p!.message).toMatch(/sum to 110 > 100/);
    expect(p!.hint).toBeTruthy();
  });

  it('rejects a non-numeric power', () => {
    const [p] = problemsOf(`${HEAD}A,first,ten,50,20,40,30,\nB,second,10,50,20,40,30,\n`);
    expect(p).toMatchObject({ line: 3, field: 'Power' });
    expect(p!.message).toMatch(/'ten' is not a number/);
  });

  it('rejects zero actors', () => {
    const problems = problemsOf('Empty,"nothing",0,1,\nActor,Description,Power,P,S,\n');
    expect(problems.map((p) => p.message)).toContain('the issue has no actors');
    expect(problems[0]!.hint).toMatch(/add at least one actor/);
  });

  it('rejects duplicate names, pointing at the second', () => {
    const [p] = problemsOf(`${HEAD}A,first,10,50,20,40,30,\nA,again,10,50,20,40,30,\n`);
    expect(p).toMatchObject({ line: 4, field: 'Actor' });
    expect(p!.message).toMatch(/duplicate actor 'A'/);
    expect(p!.hint).toMatch(/unique/);
  });

  it('rejects a count on line 1 that the rows do not match, and a malformed header', () => {
    const [count] = problemsOf(`${HEAD}A,first,10,50,20,40,30,\n`);
    expect(count).toMatchObject({ line: 1, field: 'number of actors' });
    const [header] = problemsOf('T,"x",1,2,\nActor,Description,Power,P1,S1,\nA,a,1,1,1,1,1\n');
    expect(header).toMatchObject({ line: 2, field: 'header' });
  });

  it('rejects positions outside 0–100', () => {
    const [p] = problemsOf(`${HEAD}A,first,10,150,20,40,30,\nB,second,10,50,20,40,30,\n`);
    expect(p).toMatchObject({ line: 3, field: 'Pstn1' });
  });
});
