/**
 * Power and threat at one date, in one object (what `counterbalance power` prints): capabilities,
 * the military balance of every rival pair, the balance of threat and dependence asymmetries.
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import type { Problem } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { balanceOfThreat, type Threat, type ThreatOptions } from './balance-of-threat.js';
import { type ActorCapability, type CapabilityMeasure, capabilityTable } from './capability.js';
import { type Dependence, dependenceReport } from './dependence.js';
import { type MilitaryBalance, militaryBalances } from './military-balance.js';

export interface PowerReportOptions {
  /** Capability measure for the capability table, threat and dependence (aggregate power). */
  measure: CapabilityMeasure;
  /**
   * Measure for the military balance of rival pairs: military expenditure by default, because
   * CINC counts population and industry (it puts China at 1.9× the US in 2021; milex at 0.27×).
   */
  militaryMeasure: CapabilityMeasure;
  neutral: number;
  threat: Partial<ThreatOptions>;
}

export const POWER_REPORT_DEFAULTS: Readonly<PowerReportOptions> = Object.freeze({
  measure: 'cinc',
  militaryMeasure: 'milex',
  neutral: NEUTRAL_THRESHOLD,
  threat: Object.freeze({}),
});

export interface PowerReport {
  at: string;
  measure: CapabilityMeasure;
  militaryMeasure: CapabilityMeasure;
  capabilities: ActorCapability[];
  balances: MilitaryBalance[];
  threats: Threat[];
  dependence: Dependence[];
  warnings: Problem[];
}

/**
 * The power report of a snapshot.
 *
 * @example
 * powerReport(snapshot(openWorld('eurasia'), '2021-12')).balances[0]; // { a, b, ratio, share, … }
 */
export function powerReport(s: Snapshot, options: Partial<PowerReportOptions> = {}): PowerReport {
  const opts = { ...POWER_REPORT_DEFAULTS, ...options };
  const caps = capabilityTable(s, { measure: opts.measure });
  const threat = balanceOfThreat(s, { measure: opts.measure, neutral: opts.neutral, ...opts.threat });
  const junior = dependenceReport(s, { measure: opts.measure, neutral: opts.neutral });
  const unassessed: Problem[] =
    junior.unassessed > 0
      ? [
          {
            field: 'dependence',
            message: `${junior.unassessed} friendly unequal pair(s) not assessed for dependence: the weaker side has no arms-import record`,
            hint: 'give its capability records armsImports (share of arms imports by supplier)',
          },
        ]
      : [];
  return {
    at: s.at,
    measure: opts.measure,
    militaryMeasure: opts.militaryMeasure,
    capabilities: caps.rows,
    balances: militaryBalances(s, { measure: opts.militaryMeasure, neutral: opts.neutral }),
    threats: threat.threats,
    dependence: junior.pairs,
    warnings: [...caps.warnings, ...threat.warnings, ...unassessed],
  };
}
