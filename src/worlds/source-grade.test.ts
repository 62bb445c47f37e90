import { describe, expect, it } from 'vitest';
import { memoryWorld } from '../../test/helpers/memory-world.js';
import { Evidence, Source, type TieSeries } from '../domain/schema.js';
import { snapshot } from './snapshot.js';
import { GRADE_FACTOR_DEFAULTS, gradeFactor } from './source-grade.js';

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
