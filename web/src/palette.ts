/**
 * Colours used by every view. Signs use a blue/red pair that stays apart for the common kinds of
 * colour blindness; text colours keep a contrast of at least 4.5:1 on the light background.
 */

export const POSITIVE = '#2166ac';
export const NEGATIVE = '#b2182b';
export const NEUTRAL = '#6b6b6b';

export const KIND_COLORS: Readonly<Record<string, string>> = Object.freeze({
  state: '#2f3e4e',
  organization: '#6a3d9a',
  bloc: '#6a3d9a',
  nonstate: '#8a5a00',
});

/** Lines from a member to its organisation (light, so ties stay in front). */
export const MEMBERSHIP_COLOR = 'rgba(106,61,154,0.5)';

/** Ties weaker than this are drawn as neutral. */
export const NEUTRAL_BAND = 0.05;

/** Colour of a tie by sign, with opacity from its confidence (0.35 … 1). */
export function tieColor(value: number, confidence = 1): string {
  const alpha = (0.35 + 0.65 * Math.max(0, Math.min(1, confidence))).toFixed(2);
  if (Math.abs(value) < NEUTRAL_BAND) return `rgba(107,107,107,${alpha})`;
  return value > 0 ? `rgba(33,102,172,${alpha})` : `rgba(178,24,43,${alpha})`;
}

/** Solid colour of a tie's sign. */
export function signColor(value: number): string {
  if (Math.abs(value) < NEUTRAL_BAND) return NEUTRAL;
  return value > 0 ? POSITIVE : NEGATIVE;
}

/** Stroke width of a tie in pixels (1 … 7). */
export function tieWidth(value: number): number {
  return 1 + 6 * Math.min(1, Math.abs(value));
}
