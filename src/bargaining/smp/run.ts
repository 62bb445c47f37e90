/**
 * The Spatial Model of Politics run to its stop rule, exactly as KAPSARC's KTAB `smpc` runs it with
 * default options (see turn.ts for one turn, stop-rule.ts for the stop). Reference: KTAB source and
 * its reference log `20170530_ref-dummyData_3Dim.txt`, which `ktab-reference.test.ts` reproduces.
 */
import { forecastPoint } from '../forecast-point.js';
import type { BargainingInput, ForecastResult, SmpChallenge, SmpChoice, TurnRecord } from '../types.js';
import { fromUnit, toSmpActors, toUnitPositions } from './actors.js';
import { SMP_DEFAULTS, type SmpOptions } from './options.js';
import { stateDistance, stopDecision } from './stop-rule.js';
import { type SmpTurn, smpTurn, stateRisk } from './turn.js';

/**
 * Runs SMP on a validated issue; positions in the result are in the units.
 *
 * @example
 * const r = runSmp(parseKtabCsv(text, 'dummyData_3Dim.csv'));
 * r.steps; // 10
 */
export function runSmp(input: BargainingInput, options: Partial<SmpOptions> = {}): ForecastResult {
  const opts: SmpOptions = { ...SMP_DEFAULTS, ...options };
  const actors = toSmpActors(input);
  const { n, dims } = actors;
  const ids = input.actors.map((a) => a.id);
  const toInput = (x: number) => fromUnit(x, input.scale);
  const vector = (p: Float64Array, i: number) => Array.from(p.subarray(i * dims, (i + 1) * dims), toInput);
  const byActor = <T>(f: (i: number) => T) => Object.fromEntries(ids.map((id, i) => [id, f(i)]));
  const salience = input.actors.flatMap((a) => a.salience);

  const record = (turn: number, positions: Float64Array, risk: Float64Array): TurnRecord => ({
    turn,
    positions: byActor((i) => vector(positions, i)),
    risk: byActor((i) => risk[i]!),
    forecast: forecastPoint(Array.from(positions, toInput), actors.capability, salience, n, dims),
  });

  const turns: TurnRecord[] = [];
  let positions = toUnitPositions(input);
  let firstStep = 0;
  let stop = { stop: opts.maxTurns < 1, converged: false, ratio: Number.NaN };
  while (!stop.stop) {
    const t = smpTurn(actors, positions, opts);
    turns.push({ ...record(turns.length, positions, t.risk), ...details(t, ids, vector) });
    const moved = stateDistance(positions, t.next, n, dims);
    if (turns.length === 1) firstStep = moved;
    positions = t.next;
    stop = stopDecision(turns.length, firstStep, moved, opts);
  }
  const steps = turns.length;
  const last = record(steps, positions, stateRisk(actors, positions, opts));
  turns.push(last);
  return {
    model: 'smp',
    name: input.name,
    actors: ids,
    dimensions: [...input.dimensions],
    scale: { ...input.scale },
    turns,
    final: last.positions,
    forecast: last.forecast,
    converged: stop.converged,
    steps,
    stopRatio: stop.ratio,
  };
}

function details(
  t: SmpTurn,
  ids: string[],
  vector: (p: Float64Array, i: number) => number[],
): { challenges: SmpChallenge[]; choices: SmpChoice[] } {
  const challenges = t.challenges.map((c, ci): SmpChallenge => {
    const b = t.bargains[ci]!;
    return {
      initiator: ids[c.initiator]!,
      target: ids[c.target]!,
      probability: c.probability,
      gain: c.gain,
      targetGain: c.targetGain,
      targetView: { ...c.targetView },
      proposal: { initiator: vector(b.forInitiator, 0), target: vector(b.forTarget, 0) },
    };
  });
  const choices = t.choices.map(
    (ch, k): SmpChoice => ({
      actor: ids[k]!,
      options: ch.options.map((o) =>
        o < 0
          ? { initiator: ids[k]!, target: ids[k]! }
          : { initiator: ids[t.bargains[o]!.initiator]!, target: ids[t.bargains[o]!.target]! },
      ),
      probabilities: Array.from(ch.probabilities),
      chosen: ch.chosen,
    }),
  );
  return { challenges, choices };
}
