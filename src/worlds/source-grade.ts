/**
 * Source grades in a tie's confidence. Every piece of evidence carries a reliability grade in the
 * NATO/Admiralty system (STANAG 2511; FM 2-22.3 appendix B): its own `grade`, else its source's
 * (default C). An observation is as reliable as the best-graded evidence it cites (corroboration by
 * a better source is not undone by a weaker one), so its confidence is multiplied by the factor of
 * that grade. F ("reliability cannot be judged") sits between D and E: unknown, not known-bad.
 * Evidence ids the world does not hold (hand-made test worlds) leave the confidence as it is.
 */
import { GRADES } from '../domain/schema.js';
import type { World } from '../domain/world.js';

export type Grade = (typeof GRADES)[number];

/** Factor on an observation's confidence per grade of its best evidence. */
export type GradeFactors = Readonly<Record<Grade, number>>;

export const GRADE_FACTOR_DEFAULTS: GradeFactors = Object.freeze({
  A: 1,
  B: 0.9,
  C: 0.8,
  D: 0.6,
  E: 0.4,
  F: 0.5,
});

const gradeCache = new WeakMap<readonly unknown[], Map<string, Grade>>();

/** Evidence id → its grade (own, else its source's), cached per world's evidence list. */
function evidenceGrades(world: Pick<World, 'evidence' | 'sources'>): Map<string, Grade> {
  const cached = gradeCache.get(world.evidence);
  if (cached) return cached;
  const bySource = new Map(world.sources.map((s) => [s.id, s.grade]));
  const out = new Map<string, Grade>();
  for (const e of world.evidence) {
    const grade = e.grade ?? bySource.get(e.source);
    if (grade) out.set(e.id, grade);
  }
  gradeCache.set(world.evidence, out);
  return out;
}

/**
 * The grades of the cited evidence the world holds, as a set of bits (grade `GRADES[k]` is bit k;
 * 0 when it holds none of them): what `gradeFactor` needs of the evidence, whatever the factors.
 * A built world stores it per observation, so reading it back never touches the evidence list.
 *
 * @example
 * factorOfGradeSet(gradeSet(world, ['e.wire-report']), GRADE_FACTOR_DEFAULTS); // 0.9 if graded B
 */
export function gradeSet(world: Pick<World, 'evidence' | 'sources'>, evidence: readonly string[]): number {
  const grades = evidenceGrades(world);
  let set = 0;
  for (const id of evidence) {
    const g = grades.get(id);
    if (g !== undefined) set |= 1 << GRADES.indexOf(g);
  }
  return set;
}

/**
 * The largest factor among the grades in `set` (see `gradeSet`), 1 for the empty set.
 *
 * @example
 * factorOfGradeSet(0b10, GRADE_FACTOR_DEFAULTS); // 0.9: grade B alone
 */
export function factorOfGradeSet(set: number, factors: GradeFactors = GRADE_FACTOR_DEFAULTS): number {
  let best: number | undefined;
  GRADES.forEach((g, k) => {
    if (set & (1 << k)) best = Math.max(best ?? 0, factors[g]);
  });
  return best ?? 1;
}

/**
 * `factorOfGradeSet` for every set of grades, indexed by the set: one lookup per observation.
 *
 * @example
 * gradeSetFactors(GRADE_FACTOR_DEFAULTS)[0b11]; // 1: A and B, A counts
 */
export function gradeSetFactors(factors: GradeFactors = GRADE_FACTOR_DEFAULTS): Float64Array {
  return Float64Array.from({ length: 1 << GRADES.length }, (_, set) => factorOfGradeSet(set, factors));
}

/**
 * The factor on the confidence of an observation citing `evidence`: the largest factor among the
 * grades of the cited evidence the world holds, 1 when it holds none of them.
 *
 * @example
 * gradeFactor(world, ['e.wire-report', 'e.op-ed']); // 0.9 when the better one is graded B
 */
export function gradeFactor(
  world: Pick<World, 'evidence' | 'sources'>,
  evidence: readonly string[],
  factors: GradeFactors = GRADE_FACTOR_DEFAULTS,
): number {
  return factorOfGradeSet(gradeSet(world, evidence), factors);
}
