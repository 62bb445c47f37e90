/**
 * The mechanisms, in the order the engine lists them in attributions. Every step evaluates all of
 * them on the same state (simultaneous update), so this order never changes a result.
 */
import { armsDynamics } from './arms-dynamics.js';
import { baitAndBite } from './bait-and-bite.js';
import { balancingThreat } from './balancing-threat.js';
import { hedging } from './hedging.js';
import { inertia } from './inertia.js';
import { militaryDiplomacy } from './military-diplomacy.js';
import { securityDilemma } from './security-dilemma.js';
import { structuralBalance } from './structural-balance.js';
import type { Mechanism, Params } from './types.js';

export const MECHANISMS: readonly Mechanism<Params>[] = Object.freeze([
  inertia,
  structuralBalance,
  balancingThreat,
  baitAndBite,
  hedging,
  securityDilemma,
  armsDynamics,
  militaryDiplomacy,
] as Mechanism<Params>[]);

export const MECHANISM_IDS: readonly string[] = Object.freeze(MECHANISMS.map((m) => m.id));

export type { Contribution, Mechanism, ParamSpec, Params } from './types.js';
