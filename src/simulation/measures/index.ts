/**
 * The measures a scenario may follow. Adding one is one file exporting a `MeasureKind`, listed here.
 */
import { alignment } from './alignment.js';
import { dependence } from './dependence.js';
import { frustration } from './frustration.js';
import { militaryBalance } from './military-balance.js';
import { threat } from './threat.js';
import { tilt } from './tilt.js';
import { triangle } from './triangle.js';
import type { MeasureKind } from './types.js';

export const MEASURE_KINDS: readonly MeasureKind[] = Object.freeze([
  triangle,
  tilt,
  alignment,
  militaryBalance,
  threat,
  dependence,
  frustration,
]);

export const MEASURE_BY_ID: ReadonlyMap<string, MeasureKind> = new Map(MEASURE_KINDS.map((k) => [k.id, k]));

export type { FollowSpec, MeasureContext, MeasureKind } from './types.js';
