/**
 * Bueno de Mesquita's expected utility model (1994) as clarified by Scholz, Calbert & Smith (2011),
 * run round by round (see round.ts) until no actor moves more than `tolerance` × range, or
 * `maxRounds`. One dimension: a multi-dimensional issue needs `dimension`.
 */
import { BargainingInputError } from '../../domain/errors.js';
import { forecastPoint } from '../forecast-point.js';
import type { BargainingInput, BdmOffer, ForecastResult, TurnRecord } from '../types.js';
import type { IndexedOffer } from './moves.js';
import { BDM_DEFAULTS, type BdmOptions } from './options.js';
import { type BdmRound, bdmRisk, bdmRound } from './round.js';

/**
 * @example
 * const r = runBdm(issue); // one-dimensional issue
 * r.forecast.median; // [≈ 50]
 */
export function runBdm(input: BargainingInput, options: Partial<BdmOptions> = {}): ForecastResult {
  const opts: BdmOptions = { ...BDM_DEFAULTS, ...options };
  const dim = pickDimension(input, opts.dimension);
  const n = input.actors.length;
  const ids = input.actors.map((a) => a.id);
  const capability = Float64Array.from(input.actors, (a) => a.capability);
  const salience = Float64Array.from(input.actors, (a) => a.salience[dim]! / 100);
  const weight = capability.map((c, i) => c * salience[i]!);
  let x: Float64Array = Float64Array.from(input.actors, (a) => a.position[dim]!);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const range = hi - lo;
  const byActor = <T>(f: (i: number) => T) => Object.fromEntries(ids.map((id, i) => [id, f(i)]));
  const record = (turn: number, pos: Float64Array, R: Float64Array, r: Float64Array): TurnRecord => ({
    turn,
    positions: byActor((i) => [pos[i]!]),
    risk: byActor((i) => R[i]!),
    riskExponent: byActor((i) => r[i]!),
    forecast: forecastPoint(pos, capability, salience, n, 1),
  });
  const named = (o: IndexedOffer): BdmOffer => ({ ...o, from: ids[o.from]! });

  const turns: TurnRecord[] = [];
  let converged = range === 0;
  while (!converged && turns.length < opts.maxRounds) {
    const round: BdmRound = bdmRound({ n, x, weight, salience, range }, capability, opts);
    turns.push({
      ...record(turns.length, x, round.R, round.r),
      expected: byActor((i) => {
        const gains: Record<string, number> = {};
        for (let j = 0; j < n; j++) {
          const e = round.expected[i * n + j]!;
          if (j !== i && e > 0) gains[ids[j]!] = e;
        }
        return gains;
      }),
      offers: byActor((i) => {
        const received = round.offers[i]!;
        const accepted = round.accepted[i];
        return {
          confrontations: received.filter((o) => o.kind === 'confrontation').length,
          compromises: received.filter((o) => o.kind === 'compromise').length,
          ...(accepted ? { accepted: named(accepted) } : {}),
        };
      }),
    });
    let moved = 0;
    for (let i = 0; i < n; i++) moved = Math.max(moved, Math.abs(round.next[i]! - x[i]!));
    x = round.next;
    converged = moved <= opts.tolerance * range;
  }
  const steps = turns.length;
  const { R, r } = range > 0 ? bdmRisk({ n, x, weight, salience, range }, capability, opts) : neutral(n);
  const last = record(steps, x, R, r);
  turns.push(last);
  return {
    model: 'bdm',
    name: input.name,
    actors: ids,
    dimensions: [input.dimensions[dim]!],
    scale: { ...input.scale },
    turns,
    final: last.positions,
    forecast: last.forecast,
    converged,
    steps,
  };
}

function neutral(n: number): { R: Float64Array; r: Float64Array } {
  return { R: new Float64Array(n), r: new Float64Array(n).fill(1) };
}

function pickDimension(input: BargainingInput, dimension: number | undefined): number {
  const count = input.dimensions.length;
  if (dimension === undefined && count === 1) return 0;
  if (dimension !== undefined && Number.isInteger(dimension) && dimension >= 0 && dimension < count) {
    return dimension;
  }
  throw new BargainingInputError({
    field: 'dimension',
    message:
      dimension === undefined
        ? `the BDM model is one-dimensional and '${input.name}' has ${count} dimensions`
        : `dimension ${dimension} does not exist ('${input.name}' has ${count}: 0–${count - 1})`,
    hint: `pick one with --dimension N (0 to ${count - 1}: ${input.dimensions.join(', ')}) or use --model smp`,
  });
}
