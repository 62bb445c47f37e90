/**
 * Claims held against the world: each claim's `test` is read (read-test.ts) at the claim's date, or
 * across its window with the series between, and the reading is redrawn `draws` times from the
 * ties' confidence (the parametric bootstrap of tie-draw.ts; Efron & Tibshirani 1993, ch. 6), so a
 * reading that rests on ties near the neutral cut-off comes out `mixed` rather than a false verdict.
 * A claim with several tests holds only if all hold. A claim without a test is `not-testable`.
 */
import { claimTests } from '../../domain/claim-test.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Claim, ClaimTest } from '../../domain/schema.js';
import { monthRange } from '../../domain/time.js';
import type { Layer, Snapshot, World } from '../../domain/world.js';
import { stream } from '../../kernels/random.js';
import { type SnapshotParams, snapshot } from '../../worlds/snapshot.js';
import { closest } from '../../worlds/suggest.js';
import { tiltBetween } from '../balancing/tilt.js';
import { observedTie } from '../from-snapshot.js';
import { checkDraws, drawSnapshot, TIE_DRAW_DEFAULTS } from '../tie-draw.js';
import { type Measured, READ_TEST_DEFAULTS, type ReadTestOptions, readTest, testDates } from './read-test.js';

export type ClaimVerdict = 'supported' | 'contradicted' | 'mixed' | 'not-testable' | 'no-data';

export interface CheckClaimsOptions extends ReadTestOptions {
  /** Only this claim (an id); absent = every claim. */
  claim?: string;
  /** Bootstrap draws per test; 0 reads the coded values only. */
  draws: number;
  /** Seed of the draws' generator (one stream per claim and test). */
  seed: number;
  /** Share of draws that must agree for a verdict; fewer → `mixed`. */
  agree: number;
  /** Standard deviation of a tie held with confidence 0 (tie-draw.ts). */
  spread: number;
  /** Months between the points of a window's series. */
  every: number;
  snapshot: SnapshotParams;
}

export const CHECK_CLAIMS_DEFAULTS: Readonly<CheckClaimsOptions> = Object.freeze({
  ...READ_TEST_DEFAULTS,
  draws: 200,
  seed: 1,
  agree: 0.75,
  spread: TIE_DRAW_DEFAULTS.spread,
  every: 6,
  snapshot: Object.freeze({}),
});

export interface TestCheck {
  /** The test in words, e.g. `tie A–B (military) positive`. */
  label: string;
  verdict: Exclude<ClaimVerdict, 'not-testable'>;
  measured: Measured;
  /** Share of draws in which the reading agrees with the claim (absent without draws or data). */
  support?: number;
  /** The measure at every `every` months across the window (trend and tilt over a window). */
  series?: { at: string; value: number | null }[];
}

export interface ClaimCheck {
  id: string;
  author: string;
  date: string;
  thesis: string;
  verdict: ClaimVerdict;
  /** The readings of every test; keys prefixed by the test's position when there are several. */
  measured: Measured;
  tests: TestCheck[];
  evidence: string[];
}

/** The test in a few words, for tables and keys. */
export function describeTest(t: ClaimTest): string {
  const on = t.dimension === 'composite' ? '' : ` (${t.dimension})`;
  const over = 'over' in t && t.over ? ` ${t.over[0]}→${t.over[1]}` : '';
  if ('tie' in t) return `tie ${t.tie.join('–')}${on} ${t.sign}`;
  if ('trend' in t) return `trend ${t.trend.join('–')}${on}${over} ${t.direction}`;
  if ('tilt' in t) return `tilt ${t.tilt} between ${t.between.join('/')}${on}${over} ${t.direction}`;
  const expect = [t.type, t.pivot && `pivot ${t.pivot}`, t.outcast && `outcast ${t.outcast}`].filter(Boolean);
  return `triangle ${t.triangle.join('–')}${on} ${expect.join(', ')}`;
}

function seriesValue(t: ClaimTest, s: Snapshot, neutral: number): number | null {
  if ('trend' in t) return observedTie(s, t.trend[0], t.trend[1]) ?? null;
  if (!('tilt' in t)) return null;
  const xa = observedTie(s, t.tilt, t.between[0], { neutral });
  const xb = observedTie(s, t.tilt, t.between[1], { neutral });
  return xa === undefined && xb === undefined
    ? null
    : Math.round(tiltBetween(xa ?? 0, xb ?? 0) * 1000) / 1000;
}

function combined(verdicts: TestCheck['verdict'][]): ClaimVerdict {
  if (verdicts.every((v) => v === 'supported')) return 'supported';
  if (verdicts.every((v) => v === 'contradicted')) return 'contradicted';
  if (verdicts.every((v) => v === 'no-data')) return 'no-data';
  return 'mixed';
}

/**
 * Checks every claim of a world (or `options.claim`) against what the world measures.
 *
 * @example
 * checkClaims(world, { claim: 'cl.ab-friends' });
 * // [{ id: 'cl.ab-friends', verdict: 'supported', measured: { value: 0.6 }, tests: [...], ... }]
 */
export function checkClaims(world: World, options: Partial<CheckClaimsOptions> = {}): ClaimCheck[] {
  const opts = { ...CHECK_CLAIMS_DEFAULTS, ...options };
  if (opts.draws !== 0) checkDraws(opts.draws);
  if (!(opts.agree > 0.5 && opts.agree <= 1)) {
    throw new InvalidInputError({
      field: 'agree',
      message: `agree must lie in (0.5, 1], got ${opts.agree}`,
      hint: 'it is the share of draws that must agree for a verdict, e.g. 0.75',
    });
  }
  const claims = opts.claim === undefined ? world.claims : world.claims.filter((c) => c.id === opts.claim);
  if (claims.length === 0 && opts.claim !== undefined) {
    const near = closest(
      opts.claim,
      world.claims.map((c) => c.id),
    );
    throw new NotFoundError(
      `no claim '${opts.claim}' in world '${world.meta.id}' (hint: ${near ? `did you mean ${near}? ` : ''}` +
        `'counterbalance claims check --world ${world.meta.id}' lists every claim)`,
    );
  }
  const cache = new Map<string, Snapshot>();
  const at = (date: string, layer: Layer) => {
    const key = `${date}\u0000${layer}`;
    let s = cache.get(key);
    if (!s) {
      s = snapshot(world, date, { ...opts.snapshot, layer });
      cache.set(key, s);
    }
    return s;
  };
  return claims.map((claim) => checkClaim(claim, world.claims.indexOf(claim), at, opts));
}

function checkClaim(
  claim: Claim,
  index: number,
  at: (date: string, layer: Layer) => Snapshot,
  opts: CheckClaimsOptions,
): ClaimCheck {
  const tests = claimTests(claim).map((t, j) =>
    checkTest(t, claim.date, at, opts, stream(opts.seed, index, j)),
  );
  const measured: Measured = {};
  for (const [j, t] of tests.entries()) {
    for (const [k, v] of Object.entries(t.measured)) measured[tests.length > 1 ? `${j + 1}.${k}` : k] = v;
  }
  return {
    id: claim.id,
    author: claim.author,
    date: claim.date,
    thesis: claim.thesis,
    verdict: tests.length === 0 ? 'not-testable' : combined(tests.map((t) => t.verdict)),
    measured,
    tests,
    evidence: [...claim.evidence],
  };
}

function checkTest(
  t: ClaimTest,
  date: string,
  at: (date: string, layer: Layer) => Snapshot,
  opts: CheckClaimsOptions,
  rng: ReturnType<typeof stream>,
): TestCheck {
  const point = readTest(t, date, at, opts);
  const out: TestCheck = { label: describeTest(t), verdict: point.outcome, measured: point.measured };
  if ('over' in t && t.over) {
    out.series = monthRange(t.over[0], t.over[1], opts.every).map((d) => ({
      at: d,
      value: seriesValue(t, at(d, t.dimension), opts.neutral),
    }));
  }
  if (point.outcome === 'no-data' || opts.draws === 0) return out;
  const dates = testDates(t, date);
  let agree = 0;
  for (let k = 0; k < opts.draws; k++) {
    const drawn = new Map(dates.map((d) => [d, drawSnapshot(at(d, t.dimension), rng, opts.spread)]));
    if (readTest(t, date, (d) => drawn.get(d)!, opts).outcome === 'supported') agree++;
  }
  const support = agree / opts.draws;
  out.support = Math.round(support * 1000) / 1000;
  out.verdict = support >= opts.agree ? 'supported' : support <= 1 - opts.agree ? 'contradicted' : 'mixed';
  return out;
}
