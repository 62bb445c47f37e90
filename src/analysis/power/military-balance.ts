/**
 * Military balance of rival pairs: the capability ratio of two actors whose tie is hostile, and how
 * an arms transfer shifts it — the "strategic parity" the seeds ask of an arms supplier to both
 * sides of a rivalry (on the balance of power as a capability distribution: Waltz 1979; Singer,
 * Bremer & Stuckey 1972). Arms transfers are counted in SIPRI trend-indicator values (TIV, millions)
 * and converted to military expenditure (COW NMC milex, thousands of US$) by a documented factor.
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { type CapabilityMeasure, capabilityOf } from './capability.js';

export interface MilitaryBalanceOptions {
  measure: CapabilityMeasure;
  /** Ties at or below −neutral make a rival pair. */
  neutral: number;
  /** Thousands of US$ of milex per TIV unit (1 TIV ≈ US$1 million at constant prices). */
  milexPerTiv: number;
}

/** Military expenditure by default: a military balance, not CINC's population and industry. */
export const MILITARY_BALANCE_DEFAULTS: Readonly<MilitaryBalanceOptions> = Object.freeze({
  measure: 'milex',
  neutral: NEUTRAL_THRESHOLD,
  milexPerTiv: 1000,
});

export interface MilitaryBalance {
  a: string;
  b: string;
  tie: number;
  capA: number;
  capB: number;
  /** capA / capB (Infinity when B has no capability). */
  ratio: number;
  /** capA / (capA + capB), in [0, 1]; 0.5 is parity. */
  share: number;
}

function balanceOf(a: string, b: string, tie: number, capA: number, capB: number): MilitaryBalance {
  const total = capA + capB;
  return {
    a,
    b,
    tie,
    capA,
    capB,
    ratio: capB === 0 ? Number.POSITIVE_INFINITY : capA / capB,
    share: total === 0 ? 0.5 : capA / total,
  };
}

/**
 * The balance of every rival pair of the snapshot whose two sides have the measure.
 *
 * @example
 * militaryBalances(snap).find((m) => m.a === 'X' && m.b === 'Y')?.ratio;
 */
export function militaryBalances(
  s: Snapshot,
  options: Partial<MilitaryBalanceOptions> = {},
): MilitaryBalance[] {
  const opts = { ...MILITARY_BALANCE_DEFAULTS, ...options };
  const out: MilitaryBalance[] = [];
  for (const t of s.ties) {
    if (t.value > -opts.neutral) continue;
    const capA = capabilityOf(s, t.a, opts.measure);
    const capB = capabilityOf(s, t.b, opts.measure);
    if (capA === undefined || capB === undefined) continue;
    out.push(balanceOf(t.a, t.b, t.value, capA, capB));
  }
  return out.sort((x, y) => Math.abs(Math.log(y.ratio)) - Math.abs(Math.log(x.ratio)));
}

/** A transfer to one side of a pair: a TIV amount (milex measure only) or a capability delta. */
export interface Transfer {
  recipient: string;
  tiv?: number;
  delta?: number;
}

/**
 * The balance after a transfer, with the change in A's share (positive: toward A).
 *
 * @example
 * shiftBalance(balance, { recipient: balance.b, tiv: 500 }, { measure: 'milex' }).shareShift; // < 0
 */
export function shiftBalance(
  balance: MilitaryBalance,
  transfer: Transfer,
  options: Partial<MilitaryBalanceOptions> = {},
): MilitaryBalance & { shareShift: number } {
  const opts = { ...MILITARY_BALANCE_DEFAULTS, ...options };
  if (transfer.recipient !== balance.a && transfer.recipient !== balance.b) {
    throw new InvalidInputError({
      field: 'recipient',
      message: `'${transfer.recipient}' is not in the pair ${balance.a}–${balance.b}`,
    });
  }
  let delta = transfer.delta;
  if (transfer.tiv !== undefined) {
    if (opts.measure !== 'milex') {
      throw new InvalidInputError({
        field: 'tiv',
        message: `a TIV amount converts to military expenditure, not to ${opts.measure}`,
        hint: 'use the milex measure, or give the change as a capability delta',
      });
    }
    delta = transfer.tiv * opts.milexPerTiv;
  }
  if (delta === undefined || !Number.isFinite(delta)) {
    throw new InvalidInputError({ field: 'transfer', message: 'give a TIV amount or a capability delta' });
  }
  const capA = balance.capA + (transfer.recipient === balance.a ? delta : 0);
  const capB = balance.capB + (transfer.recipient === balance.b ? delta : 0);
  const after = balanceOf(balance.a, balance.b, balance.tie, Math.max(0, capA), Math.max(0, capB));
  return { ...after, shareShift: after.share - balance.share };
}

/**
 * How one transfer moves every rival pair its recipient belongs to.
 *
 * @example
 * transferEffects(militaryBalances(snap, { measure: 'milex' }), { recipient: 'X', tiv: 500 }, { measure: 'milex' });
 */
export function transferEffects(
  balances: readonly MilitaryBalance[],
  transfer: Transfer,
  options: Partial<MilitaryBalanceOptions> = {},
): (MilitaryBalance & { shareShift: number; before: number })[] {
  return balances
    .filter((b) => b.a === transfer.recipient || b.b === transfer.recipient)
    .map((b) => ({ ...shiftBalance(b, transfer, options), before: b.share }));
}
