/**
 * Balance of threat (Walt 1985, "Alliance formation and the balance of world power", International
 * Security 9(4); Walt 1987, The Origins of Alliances): states balance against threats, not power
 * alone. The threat a source poses to a target combines four components, each scaled to [0, 1]:
 * - aggregate power: the source's capability over the largest in the snapshot;
 * - proximity: 1 / (1 + d / scaleKm), d the great-circle distance between capitals (`proximity.ts`,
 *   the definition the simulation uses too);
 * - offensive capability: the source's share of military expenditure in the snapshot;
 * - hostility (aggressive intentions): −w(source, target) when the tie is negative, else 0.
 * threat = Π component_k ^ (weight_k / Σ weight), a weighted geometric mean: Walt's sources of
 * threat compound rather than add up, so a state with next to no power (or no hostile intent, or
 * out of reach) poses next to no threat however high its other components. By default only hostile
 * dyads are scored (Walt: without intent, power is not a threat to balance against).
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import type { Problem } from '../../domain/errors.js';
import type { Actor } from '../../domain/schema.js';
import type { Snapshot } from '../../domain/world.js';
import { tieValue } from '../from-snapshot.js';
import { type CapabilityMeasure, capabilityOf } from './capability.js';
import { greatCircleKm } from './great-circle.js';
import { PROXIMITY_DEFAULTS, proximityAt } from './proximity.js';

export interface ThreatWeights {
  power: number;
  proximity: number;
  offense: number;
  hostility: number;
}

export interface ThreatOptions {
  /** Equal by default: Walt ranks none of the four above the others. */
  weights: ThreatWeights;
  /** Distance (km) at which proximity falls to 1/2. */
  scaleKm: number;
  /** Capability measure for aggregate power. */
  measure: CapabilityMeasure;
  /** Score only dyads whose tie is at or below −neutral. */
  hostileOnly: boolean;
  neutral: number;
  /**
   * Score only these source → target dyads (default: every dyad). Power and offense stay scaled
   * over the whole snapshot, so a dyad's threat is the same whether asked alone or with all.
   */
  dyads?: readonly (readonly [string, string])[];
}

export const THREAT_DEFAULTS: Readonly<ThreatOptions> = Object.freeze({
  weights: Object.freeze({ power: 0.25, proximity: 0.25, offense: 0.25, hostility: 0.25 }),
  scaleKm: PROXIMITY_DEFAULTS.scaleKm,
  measure: 'cinc',
  hostileOnly: true,
  neutral: NEUTRAL_THRESHOLD,
});

export interface Threat {
  source: string;
  target: string;
  threat: number;
  power: number;
  proximity: number;
  offense: number;
  hostility: number;
  distanceKm?: number;
}

/**
 * Threats between the snapshot's actors that have capabilities, highest first, with a warning for
 * each actor without capital coordinates (its proximity counts as 0).
 *
 * @example
 * balanceOfThreat(snap).threats.filter((t) => t.target === 'X')[0]; // X's main threat
 */
export function balanceOfThreat(
  s: Snapshot,
  options: Partial<ThreatOptions> = {},
): { threats: Threat[]; warnings: Problem[] } {
  const opts = {
    ...THREAT_DEFAULTS,
    ...options,
    weights: { ...THREAT_DEFAULTS.weights, ...options.weights },
  };
  const actors = s.actors.filter((a) => capabilityOf(s, a.id, opts.measure) !== undefined);
  const maxPower = Math.max(0, ...actors.map((a) => capabilityOf(s, a.id, opts.measure)!));
  const totalMilex = actors.reduce((t, a) => t + (s.capabilities[a.id]?.milex ?? 0), 0);
  const warnings: Problem[] = actors
    .filter((a) => !a.capital)
    .map((a) => ({ field: a.id, message: 'no capital coordinates; proximity counts as 0' }));
  const w = opts.weights;
  const weightSum = w.power + w.proximity + w.offense + w.hostility;
  const threats: Threat[] = [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  const dyads = opts.dyads
    ? opts.dyads.flatMap(([x, y]) => (byId.has(x) && byId.has(y) ? [[byId.get(x)!, byId.get(y)!]] : []))
    : actors.flatMap((src) => actors.map((dst) => [src, dst]));
  for (const [src, dst] of dyads as [Actor, Actor][]) {
    if (src.id === dst.id) continue;
    const tie = tieValue(s, src.id, dst.id);
    if (opts.hostileOnly && tie > -opts.neutral) continue;
    const distanceKm = src.capital && dst.capital ? greatCircleKm(src.capital, dst.capital) : undefined;
    const power = maxPower > 0 ? capabilityOf(s, src.id, opts.measure)! / maxPower : 0;
    const proximity = distanceKm === undefined ? 0 : proximityAt(distanceKm, opts.scaleKm);
    const offense = totalMilex > 0 ? (s.capabilities[src.id]?.milex ?? 0) / totalMilex : 0;
    const hostility = Math.max(0, -tie);
    const score =
      weightSum > 0
        ? power ** (w.power / weightSum) *
          proximity ** (w.proximity / weightSum) *
          offense ** (w.offense / weightSum) *
          hostility ** (w.hostility / weightSum)
        : 0;
    threats.push({
      source: src.id,
      target: dst.id,
      threat: score,
      power,
      proximity,
      offense,
      hostility,
      ...(distanceKm !== undefined && { distanceKm }),
    });
  }
  threats.sort((x, y) => y.threat - x.threat || (x.source < y.source ? -1 : 1));
  return { threats, warnings };
}
