import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../test/helpers/memory-world.js';
import { Evidence, Source, type TieSeries } from '../domain/schema.js';
import { snapshot } from './snapshot.js';
import {
  factorOfGradeSet,
  GRADE_FACTOR_DEFAULTS,
  gradeFactor,
  gradeSet,
  gradeSetFactors,
} from './source-grade.js';

const tie = (a: string, b: string, evidence: string[], dimension = 'diplomatic'): TieSeries =>
  ({
    a,
    b,
    dimension,
    directed: false,
    observations: [{ at: '2000', value: 0.5, confidence: 0.5, evidence }],
  }) as TieSeries;

const world = memoryWorld(['A', 'B', 'C'], {
  sources: [
    Source.parse({ id: 'wire', kind: 'document', title: 'Wire', grade: 'B' }),
    Source.parse({ id: 'blog', kind: 'document', title: 'Blog', grade: 'E' }),
    Source.parse({ id: 'plain', kind: 'document', title: 'Ungraded source' }),
  ],
  evidence: [
    Evidence.parse({ id: 'e.wire', source: 'wire', quote: 'q' }),
    Evidence.parse({ id: 'e.blog', source: 'blog', quote: 'q' }),
    Evidence.parse({ id: 'e.blog-own-a', source: 'blog', quote: 'q', grade: 'A' }),
    Evidence.parse({ id: 'e.plain', source: 'plain', quote: 'q' }),
  ],
  ties: [
    tie('A', 'B', ['e.blog']),
    tie('A', 'B', ['e.wire'], 'military'),
    tie('A', 'C', ['e.blog', 'e.wire']),
  ],
});

describe('source grades in confidence', () => {
  it('takes the evidence grade, else the source grade (default C), and the best of several', () => {
    expect(gradeFactor(world, ['e.blog'])).toBe(GRADE_FACTOR_DEFAULTS.E);
    expect(gradeFactor(world, ['e.blog-own-a'])).toBe(1);
    expect(gradeFactor(world, ['e.plain'])).toBe(GRADE_FACTOR_DEFAULTS.C);
    expect(gradeFactor(world, ['e.blog', 'e.wire'])).toBe(GRADE_FACTOR_DEFAULTS.B);
    expect(gradeFactor(world, ['not-in-world'])).toBe(1);
  });

  it('keeps the grades of the cited evidence as a set, which gives the same factor', () => {
    expect(gradeSet(world, ['e.blog', 'e.wire', 'not-in-world'])).toBe(0b10010);
    expect(gradeSet(world, ['not-in-world'])).toBe(0);
    const factors = { A: 0.2, B: 0.7, C: 0.1, D: 0.9, E: 0.3, F: 0.4 };
    const table = gradeSetFactors(factors);
    const cases: [string[], number][] = [
      [['e.blog'], 0.3],
      [['e.blog', 'e.wire'], 0.7],
      [['e.blog-own-a', 'e.plain'], 0.2],
      [['x'], 1],
      [[], 1],
    ];
    for (const [cited, want] of cases) {
      const set = gradeSet(world, cited);
      expect(factorOfGradeSet(set, factors)).toBe(want);
      expect(table[set]).toBe(want);
      expect(gradeFactor(world, cited, factors)).toBe(want);
    }
    expect(factorOfGradeSet(0b100001, factors)).toBe(0.4);
  });

  it('scales each layer and the composite averages the graded confidences', () => {
    const dip = snapshot(world, '2001', { layer: 'diplomatic' }).ties.find((t) => t.b === 'B')!;
    expect(dip.confidence).toBeCloseTo(0.5 * 0.4, 12);
    const comp = snapshot(world, '2001').ties.find((t) => t.b === 'B')!;
    expect(comp.confidence).toBeCloseTo((0.5 * 0.4 + 0.5 * 0.9) / 2, 12);
    expect(comp.value).toBe(0.5);
    const flat = snapshot(world, '2001', {
      grades: { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1 },
    }).ties.find((t) => t.b === 'B')!;
    expect(flat.confidence).toBe(0.5);
  });
});
