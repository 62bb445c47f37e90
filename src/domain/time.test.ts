import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.js';
import { addMonths, endOf, isDate, monthRange, startOf } from './time.js';

describe('time', () => {
  it('reads a month as its first day for observations and its last day for queries', () => {
    expect(startOf('2016-09')).toBe('2016-09-01');
    expect(endOf('2021-12')).toBe('2021-12-31');
    expect(endOf('2020-02')).toBe('2020-02-29');
    expect(endOf('2021')).toBe('2021-12-31');
  });
  it('rejects impossible dates with a hint', () => {
    expect(isDate('2021-13')).toBe(false);
    expect(isDate('2021-02-29')).toBe(false);
    expect(() => endOf('21-12')).toThrow(InvalidInputError);
  });
  it('steps months across years', () => {
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(monthRange('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthRange('2014', '2021', 12)).toHaveLength(8);
  });
});
