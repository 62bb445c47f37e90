/**
 * Fits the mechanisms' rates to history by the method of moments on one-step changes (Hansen
 * 1982, "Large sample properties of generalized method of moments estimators", Econometrica 50:
 * here the moment conditions are linear and exactly identified, so GMM is least squares).
 *
 * A rate r_k (a parameter whose part of its mechanism's contribution is proportional to it and
 * vanishes at 0: unit "per year" or "elasticity", lower bound 0) scales its part g_k of the
 * engine's one-step change. g_k is read off the engine itself, by difference: the mechanism's net
 * contribution at the default parameters minus that with r_k = 0, on the observed state of each fit
 * year (the year before as the actors' memory, so last year's change is news). With θ_k = r_k/default
 * the engine's one-step change of a dyad is c + Σ_k θ_k·g_k, and the moment conditions
 * E[g_k·(Δw − c − Σθ·g)] = 0 on the observed changes Δw are the normal equations, solved with θ
 * kept inside the parameters' valid ranges (projected coordinate descent, Wright 2015,
 * "Coordinate descent algorithms", Math. Programming 151) and a small ridge toward the defaults, so
 * a rate the data never exercises keeps its prior value.
 *
 * Uncertainty: a bootstrap over fit years (Efron & Tibshirani 1993), resampling whole years so
 * the dependence between dyads of one year is kept; each replicate re-solves the same normal
 * equations. The engine's noise is the residual root mean square per √year. Both settings of
 * `steadyStart` are fitted and the one with the smaller residual is kept (the issue's "let the
 * backtest decide").
 */
import { stream } from '../../kernels/random.js';
import { Engine } from '../model/engine.js';
import { ENGINE_DEFAULTS } from '../model/engine-params.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import { type Mechanism, type Params, pairIndex } from '../model/mechanisms/types.js';
import { type Panel, panelYear, previousState } from './panel.js';
import { quantileSorted } from './scores.js';

export interface FitOptions {
  /** Bootstrap replicates over fit years. */
  bootstrap: number;
  seed: number;
  /** Ridge toward the defaults, as a share of the mean diagonal of the normal equations. */
  ridge: number;
  /** Sweeps of coordinate descent (converged long before on these few rates). */
  sweeps: number;
  /** Central level of the reported interval. */
  level: number;
}

export const FIT_DEFAULTS: Readonly<FitOptions> = Object.freeze({
  bootstrap: 200,
  seed: 1,
  ridge: 1e-3,
  sweeps: 200,
  level: 0.9,
});

/** A fitted value with its bootstrap standard error and central interval. */
export interface Estimate {
  value: number;
  sd: number;
  low: number;
  high: number;
}

/**
 * A fitted rate; `identified: false` when its part of the push was 0 on every fit cell (the data
 * cannot say anything about it): its value is then the default, and forecasts keep its prior.
 */
export interface RateEstimate extends Estimate {
  identified: boolean;
}

export interface FittedRates {
  method: string;
  fit: [number, number];
  /** One-step cells (dyad-years) the fit used. */
  cells: number;
  steadyStart: boolean;
  noise: Estimate;
  mechanisms: Record<string, Record<string, RateEstimate>>;
  /** Sums of squared one-step errors: persistence (no change), the defaults, the fit. */
  sse: { persistence: number; defaults: number; fitted: number };
  /** The residual of the other steadyStart setting, for the record. */
  rejected: { steadyStart: boolean; sse: number };
}

interface Rate {
  mechanism: number;
  key: string;
  default: number;
  /** Valid range of θ = rate / default. */
  lo: number;
  hi: number;
}

/** The rates the method can fit: proportional parameters with lower bound 0 and a positive default. */
export function fittableRates(mechanisms: readonly Mechanism<Params>[] = MECHANISMS): Rate[] {
  return mechanisms.flatMap((m, mechanism) =>
    Object.entries(m.params)
      .filter(
        ([, s]) =>
          s.min === 0 &&
          typeof s.default === 'number' &&
          s.default > 0 &&
          ['per year', 'elasticity'].includes(s.unit),
      )
      .map(([key, s]) => ({
        mechanism,
        key,
        default: s.default as number,
        lo: 0,
        hi: (s.max ?? Number.POSITIVE_INFINITY) / (s.default as number),
      })),
  );
}

/** Normal equations of one fit year: XᵀX, Xᵀr and rᵀr for r = Δw − c, plus rᵀr at the defaults. */
interface YearMoments {
  xx: Float64Array;
  xr: Float64Array;
  rr: number;
  /** Σ Δw² (persistence's error). */
  yy: number;
  cells: number;
}

function yearMoments(panel: Panel, year: number, rates: Rate[], steadyStart: boolean): YearMoments {
  const now = panelYear(panel, year);
  const next = panelYear(panel, year + 1).values.composite;
  const { model, toPanel } = now;
  const { n } = model;
  const K = rates.length;
  const engine = new Engine(n, 1, model.prox, model.observed, MECHANISMS);
  const params = MECHANISMS.map((m) => ({ ...m.defaults }) as Record<string, number | boolean>);
  const engineParams = { ...ENGINE_DEFAULTS, noise: 0, steadyStart };
  const { W1, c1 } = previousState(panel, year);
  const net = (p: Params[]) => {
    engine.reset(model.ties, model.capabilities, p, engineParams);
    engine.recall(W1, c1);
    engine.evaluate();
  };
  const cellIndex: number[] = [];
  const change: number[] = [];
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, q++) {
      if (!model.observed[i * n + j]) continue;
      const a = toPanel[i]!;
      const b = toPanel[j]!;
      const v = next[pairIndex(panel.n, a, b)]!;
      if (Number.isNaN(v)) continue;
      cellIndex.push(q);
      change.push(v - model.ties[i * n + j]!);
    }
  }
  net(params);
  const total = new Float64Array(cellIndex.length);
  const own = MECHANISMS.map(() => new Float64Array(cellIndex.length));
  cellIndex.forEach((p, c) => {
    for (let m = 0; m < MECHANISMS.length; m++) {
      const d = engine.netContribution(m, p);
      own[m]![c] = d;
      total[c]! += d;
    }
  });
  const g = rates.map((r) => {
    net(params.map((p, m) => (m === r.mechanism ? { ...p, [r.key]: 0 } : p)));
    return Float64Array.from(
      cellIndex,
      (p, c) => own[r.mechanism]![c]! - engine.netContribution(r.mechanism, p),
    );
  });
  const xx = new Float64Array(K * K);
  const xr = new Float64Array(K);
  let rr = 0;
  let yy = 0;
  for (let c = 0; c < cellIndex.length; c++) {
    let fixed = total[c]!;
    for (let k = 0; k < K; k++) fixed -= g[k]![c]!;
    const r = change[c]! - fixed;
    rr += r * r;
    yy += change[c]! ** 2;
    for (let k = 0; k < K; k++) {
      xr[k]! += g[k]![c]! * r;
      for (let l = 0; l < K; l++) xx[k * K + l]! += g[k]![c]! * g[l]![c]!;
    }
  }
  return { xx, xr, rr, yy, cells: cellIndex.length };
}

/** Box-constrained least squares with a ridge toward θ = 1, by projected coordinate descent. */
function solve(m: YearMoments, rates: Rate[], opts: FitOptions): Float64Array {
  const K = rates.length;
  let diagonal = 0;
  for (let k = 0; k < K; k++) diagonal += m.xx[k * K + k]!;
  const ridge = (opts.ridge * diagonal) / Math.max(1, K) || 1e-12;
  const theta = new Float64Array(K).fill(1);
  for (let sweep = 0; sweep < opts.sweeps; sweep++) {
    for (let k = 0; k < K; k++) {
      let gradient = m.xr[k]! + ridge;
      for (let l = 0; l < K; l++) if (l !== k) gradient -= m.xx[k * K + l]! * theta[l]!;
      const t = gradient / (m.xx[k * K + k]! + ridge);
      theta[k] = Math.min(rates[k]!.hi, Math.max(rates[k]!.lo, t));
    }
  }
  return theta;
}

/** Σ (r − Xθ)² from the moments. */
function sse(m: YearMoments, theta: Float64Array): number {
  const K = theta.length;
  let s = m.rr;
  for (let k = 0; k < K; k++) {
    s -= 2 * theta[k]! * m.xr[k]!;
    for (let l = 0; l < K; l++) s += theta[k]! * theta[l]! * m.xx[k * K + l]!;
  }
  return Math.max(0, s);
}

function sum(parts: YearMoments[], K: number): YearMoments {
  const out: YearMoments = { xx: new Float64Array(K * K), xr: new Float64Array(K), rr: 0, yy: 0, cells: 0 };
  for (const p of parts) {
    for (let i = 0; i < K * K; i++) out.xx[i]! += p.xx[i]!;
    for (let i = 0; i < K; i++) out.xr[i]! += p.xr[i]!;
    out.rr += p.rr;
    out.yy += p.yy;
    out.cells += p.cells;
  }
  return out;
}

function estimate(value: number, draws: number[], level: number): Estimate {
  const sorted = [...draws].sort((a, b) => a - b);
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, draws.length - 1));
  return {
    value,
    sd,
    low: quantileSorted(sorted, (1 - level) / 2),
    high: quantileSorted(sorted, (1 + level) / 2),
  };
}

/**
 * Fits the rates on one-step changes from each year `from`…`to − 1` to the next.
 *
 * @example
 * const fitted = fitRates(buildPanel(openWorld('global'), 1989, 2005), 1990, 2005);
 * fitted.mechanisms.baitAndBite.delta; // { value, sd, low, high }
 */
export function fitRates(
  panel: Panel,
  from: number,
  to: number,
  options: Partial<FitOptions> = {},
): FittedRates {
  const opts = { ...FIT_DEFAULTS, ...options };
  const rates = fittableRates();
  const K = rates.length;
  const years: number[] = [];
  for (let y = from; y < to; y++) years.push(y);
  const candidates = [true, false].map((steadyStart) => {
    const parts = years.map((y) => yearMoments(panel, y, rates, steadyStart));
    const all = sum(parts, K);
    const theta = solve(all, rates, opts);
    return { steadyStart, parts, all, theta, sse: sse(all, theta) };
  });
  const [best, other] =
    candidates[0]!.sse <= candidates[1]!.sse ? candidates : [candidates[1]!, candidates[0]!];
  const rng = stream(opts.seed, 0x5eed);
  const draws = rates.map(() => [] as number[]);
  const noiseDraws: number[] = [];
  for (let b = 0; b < opts.bootstrap; b++) {
    const sample = years.map(() => best!.parts[Math.floor(rng.next() * years.length)]!);
    const m = sum(sample, K);
    const theta = solve(m, rates, opts);
    theta.forEach((t, k) => {
      draws[k]!.push(t * rates[k]!.default);
    });
    noiseDraws.push(Math.sqrt(sse(m, theta) / Math.max(1, m.cells)));
  }
  const mechanisms: Record<string, Record<string, RateEstimate>> = {};
  rates.forEach((r, k) => {
    const id = MECHANISMS[r.mechanism]!.id;
    mechanisms[id] ??= {};
    const identified = best!.all.xx[k * K + k]! > 0;
    mechanisms[id][r.key] = { ...estimate(best!.theta[k]! * r.default, draws[k]!, opts.level), identified };
  });
  const ones = new Float64Array(K).fill(1);
  return {
    method: 'method of moments on one-step changes, bootstrap over fit years',
    fit: [from, to],
    cells: best!.all.cells,
    steadyStart: best!.steadyStart,
    noise: estimate(Math.sqrt(best!.sse / Math.max(1, best!.all.cells)), noiseDraws, opts.level),
    mechanisms,
    sse: { persistence: best!.all.yy, defaults: sse(best!.all, ones), fitted: best!.sse },
    rejected: { steadyStart: other!.steadyStart, sse: other!.sse },
  };
}
