/**
 * Explains one pair's effect in words: how much it moved, how sure the runs are, which mechanisms
 * moved it (attribution) and through which third actors (channels), with the numbers.
 */
import { NotFoundError } from '../../domain/errors.js';
import { MECHANISMS } from '../model/mechanisms/index.js';
import type { ScenarioResult } from './run-scenario.js';
import { type Channel, type Effect, pairKey } from './summary.js';

export interface Explanation {
  pair: [string, string];
  effect: Effect;
  channels: Channel[];
  /** The explanation as sentences, one per line. */
  text: string[];
}

const TITLES: Record<string, string> = {
  ...Object.fromEntries(MECHANISMS.map((m) => [m.id, m.title])),
  shock: 'the shock itself',
};

/** Reading of a mechanism's third actors: who they are in its rule. */
const THROUGH: Record<string, string> = {
  structuralBalance: 'shared friends and enemies',
  balancingThreat: 'common threats',
  baitAndBite: "rivals whose ties with the pair's members moved",
  hedging: 'partners whose drift triggered diversification',
  militaryDiplomacy: 'rivals whose balance a supplier restores',
};

function signed(x: number, digits = 3): string {
  const s = Math.abs(x).toFixed(digits);
  return Number(s) === 0 ? s : `${x > 0 ? '+' : '−'}${s}`;
}

function percent(x: number): string {
  const r = Math.round(x * 100);
  return `${r < 0 ? '−' : ''}${Math.abs(r)}%`;
}

/** Contributions below this are left out of the sentences (they stay in `channels`). */
const NEGLIGIBLE = 5e-4;

/**
 * Explains the effect on the pair (a, b) in a scenario result. The pair must have been tracked
 * (a shock, `expect`, `track` or the `track` run option) for third-actor channels.
 *
 * @example
 * const r = await runScenario(doc, { track: [['C', 'D']] });
 * explainPair(r, 'C', 'D').text.join('\n');
 */
export function explainPair(result: ScenarioResult, a: string, b: string): Explanation {
  const key = pairKey(a, b);
  const effect = result.effects.find((e) => pairKey(e.a, e.b) === key);
  if (!effect) {
    throw new NotFoundError(`no effect for ${a}–${b} in this result (is one of them outside the world?)`);
  }
  const channels = result.channels[key] ?? [];
  const horizonDate = Object.values(result.trajectories)[0]?.at(-1)?.date;
  const when = horizonDate ? `by ${horizonDate}` : `after ${result.scenario.horizon} steps`;
  const dir = effect.mean > 0 ? 'warmer' : effect.mean < 0 ? 'cooler' : 'unchanged';
  const text = [
    `${effect.a}–${effect.b} ends ${signed(effect.mean)} ${dir} than without the shocks ${when} ` +
      `(90% of ${result.runs} runs between ${signed(effect.lo)} and ${signed(effect.hi)}; ` +
      `warmer in ${percent(effect.pPositive)} of runs), against a baseline of ${effect.baseline.toFixed(3)}.`,
  ];
  if (channels.length === 0) {
    const shares = result.attribution[key] ?? {};
    for (const [m, s] of Object.entries(shares))
      text.push(`  ${TITLES[m] ?? m}: ${percent(s)} of the movement.`);
    if (Object.keys(shares).length === 0) text.push('  No mechanism moved this pair.');
    else text.push('  (track the pair to see which third actors carried each mechanism)');
  }
  for (const c of channels.filter((x) => Math.abs(x.contribution) >= NEGLIGIBLE)) {
    const named = c.via.filter((v) => Math.abs(v.contribution) >= NEGLIGIBLE);
    const via =
      named.length > 0
        ? `, through ${THROUGH[c.mechanism] ?? 'third actors'}: ${named.map((v) => `${v.actor} ${signed(v.contribution)}`).join(', ')}`
        : '';
    text.push(
      `  ${TITLES[c.mechanism] ?? c.mechanism}: ${signed(c.contribution)} (${percent(c.share)} of all movement)${via}.`,
    );
  }
  const top = channels.find((c) => c.mechanism !== 'shock' && c.mechanism !== 'inertia');
  if (top) {
    const theory = MECHANISMS.find((m) => m.id === top.mechanism)?.theory;
    if (theory) text.push(`The largest mechanism, ${TITLES[top.mechanism]}, comes from ${theory}.`);
  }
  return { pair: [effect.a, effect.b], effect, channels, text };
}
