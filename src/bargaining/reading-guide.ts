/**
 * A bargaining forecast in plain words, for readers who do not build models: what position,
 * salience and capability mean, what the forecast (the weighted median, Black 1948) and the mean
 * are, what the sensitivity band says, and what each of this numbers rests on. Pure
 * functions returning lines.
 */
import type { SensitivityResult } from './sensitivity.js';
import type { BargainingInput, ForecastResult, InputField } from './types.js';

const BASIS_WORDS = Object.freeze({
  'seed-quote': 'seed quote',
  dataset: 'dataset',
  'public-record': 'public record',
  judgement: "author's judgement",
});

/**
 * The terms of a forecast explained in plain words, with this scale and, when given, its
 * band.
 *
 * @example
 * readingGuide(issue, result, sensitivity);
 * // ['How to read this forecast', '  position    where an actor stands …', …]
 */
export function readingGuide(
  input: BargainingInput,
  result: ForecastResult,
  sensitivity?: SensitivityResult,
): string[] {
  const { min, max } = input.scale;
  const lines = [
    'How to read this forecast',
    `  position    where an actor stands on the question, from ${min} to ${max} on the scale of each dimension.`,
    '  salience    how much the question matters to the actor: the share of its attention, 0 to 100.',
    '  capability  how much weight the actor can bring to bear; only ratios between actors count.',
    '              An actor counts with capability × salience: strong but indifferent weighs as little',
    '              as keen but weak.',
    '  turns       the model lets the actors challenge each other and strike bargains, turn by turn, and',
    `              moves their positions (${result.model === 'smp' ? "KTAB's Spatial Model of Politics" : "Bueno de Mesquita's expected utility model"}).`,
    '  median      the forecast: the position with half of the weight on either side after the last',
    '              turn. In one dimension no other position wins a head-to-head vote weighted this way.',
    '  mean        the weighted average position: a compromise figure, pulled by extreme actors.',
  ];
  if (sensitivity) {
    const [lo, hi] = [Math.round(sensitivity.band[0] * 100), Math.round(sensitivity.band[1] * 100)];
    lines.push(
      `  band        the forecast re-run ${sensitivity.draws} times with every number nudged at random within`,
      `              how uncertain it is; ${hi - lo}% of the re-runs land inside the band (${lo}–${hi}%). A wide band`,
      '              means the forecast rests on numbers nobody knows that precisely.',
      `  same side   the share of re-runs that land on the same side of the middle (${sensitivity.midpoint}) as the forecast.`,
      '  swings      the numbers that move the forecast most when each alone is set to either end of its',
      '              uncertainty: check these first.',
    );
  }
  return lines;
}

/**
 * Per actor, each number with its uncertainty when declared and what it rests on.
 *
 * @example
 * inputBasisLines(issue);
 * // ['IND (India)', '  position 0 ±5 (seed quote): read off the "red line" quote …', …]
 */
export function inputBasisLines(input: BargainingInput): string[] {
  return input.actors.flatMap((a) => {
    const u = a.uncertainty;
    const line = (field: InputField, values: number[], spread: number[] | undefined, unit = '') => {
      const basis = a.basis?.[field];
      const shown = values.map((v, d) => (spread?.[d] === undefined ? `${v}` : `${v} ±${spread[d]}${unit}`));
      const rests = basis ? `(${BASIS_WORDS[basis.kind]}): ${basis.note}` : ': basis not stated';
      return `  ${field} ${shown.join(', ')} ${rests}`;
    };
    const capability = u?.capability === undefined ? undefined : [Math.round(u.capability * 100)];
    return [
      a.id === a.name ? a.id : `${a.id} (${a.name})`,
      line('position', a.position, u?.position),
      line('salience', a.salience, u?.salience),
      line('capability', [Number(a.capability.toPrecision(3))], capability, '%'),
    ];
  });
}
