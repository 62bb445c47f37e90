/**
 * Defaults shared across layers, kept in one place so a change reaches every measure, route and
 * command at once.
 */

/**
 * Ties with |w| below this read as neutral: too thin to count as alignment or enmity. The band
 * absorbs coding noise around 0 (a tie of ±0.05 is within the spread of its evidence); every
 * measure that reads signs takes it as its `neutral` option.
 *
 * @example
 * Math.abs(-0.08) < NEUTRAL_THRESHOLD; // true: the tie is neutral
 */
export const NEUTRAL_THRESHOLD = 0.1;

/**
 * The bundled world read when none is named (CLI `--world`, the API's default world).
 *
 * @example
 * openWorld(DEFAULT_WORLD).meta.id; // 'eurasia'
 */
export const DEFAULT_WORLD = 'eurasia';
