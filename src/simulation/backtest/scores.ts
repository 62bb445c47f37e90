/**
 * Proper scores of ensemble forecasts, cell by cell, and their sums over a table row.
 *
 * - CRPS of an ensemble, in its fair form (Ferro 2014, "Fair scores for ensemble forecasts", QJRMS
 *   140): (1/m)Σ|x_i − y| − Σ_{i,j}|x_i − x_j| / (2m(m − 1)), which does not reward or punish an
 *   ensemble for its size, so a 100-member baseline and a 40-run engine compare fairly. With a
 *   sorted ensemble the pair sum is 2Σ_i (2i − m + 1)·x_i (i from 0), so a cell costs O(m).
 *   Gneiting & Raftery (2007, "Strictly proper scoring rules, prediction, and estimation", JASA
 *   102) for CRPS, the Brier score and the log score as proper scores.
 * - Central intervals from the ensemble's empirical quantiles (linear interpolation between order
 *   statistics, Hyndman & Fan 1996 type 7); coverage is the share of cells inside.
 * - Brier and log score of the probability of a sign change (the tie's class among negative,
 *   neutral and positive at the target differs from the class at the forecast origin).
 */

export interface ScoreOptions {
  /** Probabilities are kept in [floor, 1 − floor] for the log score (an ensemble's 0 is not certainty). */
  probabilityFloor: number;
  /** Central interval levels whose coverage is reported. */
  levels: readonly [number, number];
}

export const SCORE_DEFAULTS: Readonly<ScoreOptions> = Object.freeze({
  probabilityFloor: 0.001,
  levels: Object.freeze([0.5, 0.9]) as readonly [number, number],
});

/**
 * Quantile q of a sorted ensemble (type 7: linear between order statistics).
 *
 * @example
 * quantileSorted(Float64Array.of(0, 1, 2, 3), 0.5); // 1.5
 */
export function quantileSorted(x: ArrayLike<number>, q: number): number {
  const m = x.length;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(m - 1, lo + 1);
  return x[lo]! + (h - lo) * (x[hi]! - x[lo]!);
}

/**
 * Fair CRPS of a sorted ensemble x for the outcome y; a one-member ensemble scores |x − y|.
 *
 * @example
 * crpsSorted(Float64Array.of(0, 1), 0); // 0.5 − 1/2 = 0
 */
export function crpsSorted(x: ArrayLike<number>, y: number): number {
  const m = x.length;
  let error = 0;
  let spread = 0;
  for (let i = 0; i < m; i++) {
    error += Math.abs(x[i]! - y);
    spread += (2 * i - m + 1) * x[i]!;
  }
  return m === 1 ? error : error / m - spread / (m * (m - 1));
}

/** −1, 0 or 1: the class of a tie value with neutral band `neutral`. */
export function signClass(v: number, neutral: number): number {
  return v >= neutral ? 1 : v <= -neutral ? -1 : 0;
}

/** What one cell adds to a row: its forecast mean, ensemble, sign-change probability and outcome. */
export interface CellForecast {
  /** The ensemble, sorted ascending. */
  sorted: ArrayLike<number>;
  /** Probability the forecast gives to a sign change. */
  pChange: number;
  outcome: number;
  /** Whether the sign changed. */
  changed: boolean;
}

/** Sums of one row of the score table; `row()` turns them into means. */
export class ScoreSum {
  cells = 0;
  private squared = 0;
  private crps = 0;
  private brier = 0;
  private log = 0;
  private inside: [number, number] = [0, 0];

  constructor(private readonly options: ScoreOptions = SCORE_DEFAULTS) {}

  /** Adds one cell. */
  add(cell: CellForecast): void {
    const { sorted, outcome, pChange, changed } = cell;
    const m = sorted.length;
    let mean = 0;
    for (let i = 0; i < m; i++) mean += sorted[i]!;
    mean /= m;
    this.cells++;
    this.squared += (mean - outcome) ** 2;
    this.crps += crpsSorted(sorted, outcome);
    const o = changed ? 1 : 0;
    this.brier += (pChange - o) ** 2;
    const floor = this.options.probabilityFloor;
    const p = Math.min(1 - floor, Math.max(floor, pChange));
    this.log -= Math.log(changed ? p : 1 - p);
    this.options.levels.forEach((level, k) => {
      const lo = quantileSorted(sorted, (1 - level) / 2);
      const hi = quantileSorted(sorted, (1 + level) / 2);
      if (outcome >= lo && outcome <= hi) this.inside[k]!++;
    });
  }

  /** The row's scores (means over its cells; null when it has none). */
  row(): Scores {
    const c = this.cells;
    const mean = (x: number) => (c ? x / c : null);
    return {
      cells: c,
      rmse: c ? Math.sqrt(this.squared / c) : null,
      crps: mean(this.crps),
      brier: mean(this.brier),
      logScore: mean(this.log),
      coverage50: mean(this.inside[0]),
      coverage90: mean(this.inside[1]),
    };
  }
}

/** Means over a row's cells; the log score is the mean negative log probability (lower is better). */
export interface Scores {
  cells: number;
  rmse: number | null;
  crps: number | null;
  brier: number | null;
  logScore: number | null;
  coverage50: number | null;
  coverage90: number | null;
}
