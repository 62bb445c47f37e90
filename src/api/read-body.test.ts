import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain/errors.js';
import { parseStructured } from './read-body.js';

describe('parseStructured', () => {
  it('reads JSON and YAML alike', () => {
    expect(parseStructured('{"runs": 10}', true)).toEqual({ runs: 10 });
    expect(parseStructured('runs: 10\nname: x\n', false)).toEqual({ runs: 10, name: 'x' });
  });

  it('says on which line malformed JSON breaks', () => {
    const err = (() => {
      try {
        parseStructured('{\n  "a": 1,\n  "b" 2\n}', true);
      } catch (e) {
        return e;
      }
    })() as InvalidInputError;
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.problems[0]).toMatchObject({ field: 'body', line: 3 });
    expect(err.message).toMatch(/malformed JSON/);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseStructured('a: 1\nb: [1, 2\nc: 3\n', false)).toThrow(/body:\d/);
  });
});
