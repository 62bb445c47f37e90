/**
 * The dimensions a tie is observed on, and the layers a snapshot can show (the composite first).
 * Plain constants with no dependencies, so the browser bundle can share them.
 */
export const DIMENSIONS = [
  'diplomatic',
  'military',
  'economic',
  'energy',
  'connectivity',
  'security',
  'proximity',
] as const;

export const LAYERS = ['composite', ...DIMENSIONS] as const;
