/**
 * Plain-text views of a forecast for people: the forecast path as a small chart, one actor's
 * turn-by-turn story (targets, expected gains, proposals, moves), and the sensitivity band with its
 * largest swings. Pure functions returning lines.
 */
import { NotFoundError } from '../domain/errors.js';
import type { SensitivityBand, SensitivityResult, SensitivitySwing } from './sensitivity.js';
import type { ForecastResult, TurnRecord } from './types.js';

const num = (x: number, digits = 1) => {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
};
const signed = (x: number, digits = 4) => (x >= 0 ? '+' : '') + num(x, digits);
const point = (xs: readonly number[]) => `(${xs.map((x) => num(x, 2)).join(', ')})`;

/**
 * One line per state: the mean (●) and median (◆) of dimension `dim` placed on the issue's scale.
 *
 * @example
 * forecastChart(result, 0, 40);
 * // ['turn   mean  median  0 ……… 100', '   0   43.5    20.0  |       ◆       ●              |', …]
 */
export function forecastChart(result: ForecastResult, dim = 0, width = 40): string[] {
  const { min, max } = result.scale;
  const cell = (x: number) =>
    Math.min(width - 1, Math.max(0, Math.round(((x - min) / (max - min)) * (width - 1))));
  const header = `turn    mean  median  ${String(min).padEnd(width - String(max).length + 1)}${max}`;
  const lines = result.turns.map((t) => {
    const row = Array.from({ length: width }, () => '·');
    const mean = t.forecast.mean[dim]!;
    const median = t.forecast.median[dim]!;
    row[cell(mean)] = '●';
    row[cell(median)] = '◆';
    return `${String(t.turn).padStart(4)}  ${num(mean).padStart(6)}  ${num(median).padStart(6)}  |${row.join('')}|`;
  });
  return [
    header,
    ...lines,
    `${' '.repeat(22)}● mean  ◆ median (capability × salience weighted; ◆ hides ● when they meet)`,
  ];
}

/**
 * What `actor` saw and did in each turn.
 *
 * @example
 * explainActor(smpResult, 'SActor-00');
 * // ['turn 0: position (75.79, 6.37, 70.45), risk R = -0.500', '  challenges SActor-06: P = 0.7643, …', …]
 */
export function explainActor(result: ForecastResult, actor: string): string[] {
  if (!result.actors.includes(actor)) {
    throw new NotFoundError(`no actor '${actor}' in '${result.name}' (actors: ${result.actors.join(', ')})`);
  }
  return result.turns.flatMap((t) => [
    `turn ${t.turn}: position ${point(t.positions[actor]!)}, risk R = ${num(t.risk[actor]!, 3)}` +
      (t.riskExponent ? `, r = ${num(t.riskExponent[actor]!, 3)}` : ''),
    ...(result.model === 'smp' ? smpStory(t, actor) : bdmStory(t, actor)),
  ]);
}

function smpStory(t: TurnRecord, actor: string): string[] {
  if (!t.challenges || !t.choices) return ['  (final state)'];
  const lines: string[] = [];
  const own = t.challenges.find((c) => c.initiator === actor);
  if (own) {
    lines.push(
      `  challenges ${own.target}: P = ${num(own.probability, 4)}, expected gain ${signed(own.gain)}, ` +
        `to ${own.target} ${signed(own.targetGain)}; ${own.target} sees P = ${num(own.targetView.probability, 4)}`,
      `  proposes: itself → ${point(own.proposal.initiator)}, ${own.target} → ${point(own.proposal.target)}`,
    );
  } else lines.push('  makes no challenge (no expected gain above the threshold)');
  for (const c of t.challenges.filter((x) => x.target === actor)) {
    lines.push(
      `  challenged by ${c.initiator} (P = ${num(c.probability, 4)}): proposed → ${point(c.proposal.target)}`,
    );
  }
  const choice = t.choices.find((c) => c.actor === actor)!;
  const chosen = choice.options[choice.chosen]!;
  const label =
    chosen.initiator === chosen.target ? 'status quo' : `bargain ${chosen.initiator}:${chosen.target}`;
  lines.push(
    `  ${choice.options.length} option(s); adopts the ${label} (P = ${num(choice.probabilities[choice.chosen]!, 4)})`,
  );
  return lines;
}

function bdmStory(t: TurnRecord, actor: string): string[] {
  if (!t.offers || !t.expected) return ['  (final state)'];
  const gains = Object.entries(t.expected[actor]!)
    .map(([j, e]) => `${j} ${signed(e)}`)
    .join(', ');
  const { confrontations, compromises, accepted } = t.offers[actor]!;
  const lines = [
    `  expects to gain by challenging: ${gains || 'nobody'}`,
    `  offers received: ${confrontations} confrontation(s), ${compromises} compromise(s)`,
  ];
  if (accepted) {
    lines.push(
      `  acts on the ${accepted.kind} with ${accepted.from}: E(U) own ${signed(accepted.receiverEu)}, ` +
        `sender ${signed(accepted.senderEu)} → moves to ${num(accepted.to, 2)}`,
    );
  } else lines.push('  stays');
  return lines;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The sensitivity band and the largest swings, in lines for a terminal.
 *
 * @example
 * sensitivityLines(forecastSensitivity(issue, stream(1)));
 * // ['Russian participation in CPEC: median 64.3, 5–95% band 23.9 to 70.4; …', …]
 */
export function sensitivityLines(s: SensitivityResult): string[] {
  const [lo, hi] = [Math.round(s.band[0] * 100), Math.round(s.band[1] * 100)];
  const line = (label: string, b: SensitivityBand) =>
    `${label} ${num(b.point)}, ${lo}–${hi}% band ${num(b.low)} to ${num(b.high)}; ` +
    `${percent(b.sameSide)} of draws on the same side of ${num(s.midpoint)}, ` +
    `${percent(b.withinTolerance)} within ±${num(s.tolerance)}`;
  const lines = s.dimensions.flatMap((d) => [
    `${d.name}: ${line('median', d.median)}`,
    `${' '.repeat(d.name.length + 2)}${line('mean', d.mean)}`,
  ]);
  if (s.swings.length === 0) return [...lines, 'no input is uncertain: nothing to swing'];
  const at = (xs: number[]) => xs.map((x) => num(x)).join(', ');
  const value = (w: SensitivitySwing, x: number) => (w.field === 'capability' ? x.toPrecision(3) : num(x));
  return [
    ...lines,
    'largest swings (one number at either end of its uncertainty, all others as stated):',
    ...s.swings.map(
      (w) =>
        `  ${w.actor} ${w.field}${w.dimension === undefined || s.dimensions.length === 1 ? '' : ` (${w.dimension})`} ` +
        `${value(w, w.value)} → ${value(w, w.low)} / ${value(w, w.high)}: median ${at(w.medianAtLow)} / ${at(w.medianAtHigh)} (moves up to ${num(w.swing)})`,
    ),
  ];
}
