/**
 * Followed measures in words: for a numeric measure, its effect at the horizon with the interval
 * and the values with and without the shocks; for a categorical one, the probability of each
 * outcome against the twin ("P(X stays the pivot of A–B–C) = 0.93 vs 0.97 without the shocks").
 */
import type { ScenarioResult } from '../scenarios/run-scenario.js';
import { MEASURE_BY_ID } from './index.js';

/** Outcomes below this probability in both the scenario and the twin are left out of the words. */
const RARE = 0.005;

function signed(x: number, digits = 3): string {
  const s = Math.abs(x).toFixed(digits);
  return Number(s) === 0 ? s : `${x > 0 ? '+' : '−'}${s}`;
}

/** A level (not a change): a minus sign only. */
function level(x: number): string {
  const s = Math.abs(x).toFixed(3);
  return x < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/**
 * One sentence per numeric measure, one per likely outcome of a categorical one.
 *
 * @example
 * explainMeasures(await runScenario(doc));
 * // ['tilt of X between A and B: −0.041 by 2024-12 against the twin (90% of runs …)', …]
 */
export function explainMeasures(result: Pick<ScenarioResult, 'measures' | 'runs'>): string[] {
  const out: string[] = [];
  const { runs } = result;
  for (const m of result.measures) {
    const when = `by ${m.steps.at(-1)?.date}`;
    const kind = MEASURE_BY_ID.get(m.name);
    if (m.outcomes) {
      const start = new Map((m.steps[0]?.outcomes ?? []).map((o) => [o.outcome, o.scenario]));
      const likely = m.outcomes
        .filter((o) => Math.max(o.scenario, o.baseline) >= RARE)
        .sort((x, y) => Math.max(y.scenario, y.baseline) - Math.max(x.scenario, x.baseline));
      for (const o of likely) {
        const held = (start.get(o.outcome) ?? 0) >= 0.5;
        const what = kind?.phrase?.(o.outcome, m.args, held) ?? `${m.title}: ${o.outcome}`;
        out.push(
          `P(${what}) = ${o.scenario.toFixed(2)} vs ${o.baseline.toFixed(2)} without the shocks, ${when}.`,
        );
      }
      continue;
    }
    if (m.mean === null || m.lo === null || m.hi === null || m.pPositive === null) {
      out.push(`${m.title}: undefined ${when} in every run (the ties it needs are neutral or missing).`);
      continue;
    }
    const share = m.defined < runs ? ` (defined in ${m.defined} of ${runs} runs)` : '';
    out.push(
      `${m.title}: ${signed(m.mean)} ${when} against the twin (90% of runs between ${signed(m.lo)} and ` +
        `${signed(m.hi)}; higher in ${Math.round(m.pPositive * 100)}% of runs), ` +
        `${level(m.baseline!)} without the shocks and ${level(m.scenario!)} with them${share}.`,
    );
  }
  return out;
}
