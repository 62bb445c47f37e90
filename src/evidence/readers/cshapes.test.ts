import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.js';
import { readCshapesMinDist } from './cshapes.js';

describe('CShapes minimum-distance reader', () => {
  it('reads dyad-years with their distance', () => {
    const rows = readCshapesMinDist('"ccode1","ccode2","year","mindist"\n2,20,1990,0\n2,31,1990,105.7\n');
    expect(rows).toEqual([
      { ccode1: 2, ccode2: 20, year: 1990, mindist: 0, line: 2 },
      { ccode1: 2, ccode2: 31, year: 1990, mindist: 105.7, line: 3 },
    ]);
  });

  it('refuses a negative distance, naming file, line and field', () => {
    try {
      readCshapesMinDist('ccode1,ccode2,year,mindist\n2,20,1990,0\n2,31,1990,-3\n', 'x.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).problems[0]).toMatchObject({
        file: 'x.csv',
        line: 3,
        field: 'mindist',
      });
    }
  });
});
