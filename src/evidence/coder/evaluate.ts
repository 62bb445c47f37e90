/**
 * Scoring a coder against gold records: precision, recall and F1 on (source, target, root code)
 * and on (source, target, quad class), the confusion of root codes on dyads found by both, and
 * the share of records coded exactly (every expected event, nothing else, full codes).
 */
import type { CameoScale } from './cameo-scale.js';
import type { CodedEvent } from './coder.js';
import type { GoldRecord } from './gold.js';

/** Precision, recall and F1 with the counts behind them. */
export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The evaluation of one gold file. */
export interface Evaluation {
  readonly records: number;
  readonly exact: number;
  readonly root: Score;
  readonly quad: Score;
  /** Counts of expected root → coded root on dyads both found (`none` when a side has none). */
  readonly confusion: Record<string, Record<string, number>>;
  /** Ids of the records not coded exactly. */
  readonly failures: string[];
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

const root = (code: string) => code.slice(0, 2);

/** Whether a record's coded events equal its expected ones exactly (full codes, as sets). */
export function codedExactly(record: GoldRecord, events: readonly CodedEvent[]): boolean {
  const got = new Set(events.map((e) => `${e.source}|${e.target}|${e.code}`));
  const want = new Set(record.expected.map((e) => `${e.source}|${e.target}|${e.code}`));
  return got.size === want.size && [...got].every((k) => want.has(k));
}

/**
 * Scores coded events against gold records; `coded[i]` are the events for `records[i]`.
 *
 * @example evaluate(records, records.map((r) => codeDocument(r.text, r.id, d).events), d.scale).root.f1
 */
export function evaluate(
  records: readonly GoldRecord[],
  coded: readonly (readonly CodedEvent[])[],
  scale: Map<string, CameoScale>,
): Evaluation {
  const counts = { root: [0, 0, 0], quad: [0, 0, 0] };
  const confusion: Record<string, Record<string, number>> = {};
  const bump = (want: string, got: string) => {
    confusion[want] ??= {};
    confusion[want]![got] = (confusion[want]![got] ?? 0) + 1;
  };
  const failures: string[] = [];
  let exact = 0;
  records.forEach((record, i) => {
    const events = coded[i] ?? [];
    if (codedExactly(record, events)) exact++;
    else failures.push(record.id);
    const tally = (c: number[], got: Set<string>, want: Set<string>) => {
      for (const k of got) c[want.has(k) ? 0 : 1]!++;
      for (const k of want) if (!got.has(k)) c[2]!++;
    };
    tally(
      counts.root,
      new Set(events.map((e) => `${e.source}|${e.target}|${root(e.code)}`)),
      new Set(record.expected.map((e) => `${e.source}|${e.target}|${root(e.code)}`)),
    );
    const quadOf = (code: string) => scale.get(code)?.quad ?? scale.get(root(code))?.quad ?? '?';
    tally(
      counts.quad,
      new Set(events.map((e) => `${e.source}|${e.target}|${quadOf(e.code)}`)),
      new Set(record.expected.map((e) => `${e.source}|${e.target}|${quadOf(e.code)}`)),
    );
    const gotByDyad = new Map(events.map((e) => [`${e.source}|${e.target}`, root(e.code)]));
    const wantByDyad = new Map(record.expected.map((e) => [`${e.source}|${e.target}`, root(e.code)]));
    for (const [dyad, want] of wantByDyad) bump(want, gotByDyad.get(dyad) ?? 'none');
    for (const [dyad, got] of gotByDyad) if (!wantByDyad.has(dyad)) bump('none', got);
  });
  const [rt, rf, rn] = counts.root as [number, number, number];
  const [qt, qf, qn] = counts.quad as [number, number, number];
  return {
    records: records.length,
    exact,
    root: score(rt, rf, rn),
    quad: score(qt, qf, qn),
    confusion,
    failures,
  };
}
