/**
 * The transforms that turn dyad-years of the COW family of datasets into signed yearly tie values
 * of the global world; data/worlds/global/README.md writes each one out with its citation.
 * - military  = clamp(alliance + armsWeight · arms, 0, 1), alliance = the strongest obligation in
 *   force either way (ATOP 5.1, COW alliances v4.1), arms = log(1 + TIV both ways over the last
 *   `armsWindow` years) / log(1 + armsSaturation), capped at 1 (SIPRI).
 * - security  = −max(hostility, rivalry): hostility = max over the dyad's MIDs up to the year of
 *   hostlev/5 · midDecay^(years since), rivalry = `rivalryValue` while a strategic rivalry runs.
 * - economic  = min(1, (flow1 + flow2) / min(total trade of either) / tradeSaturation) (COW trade:
 *   the dependence of the more dependent partner, Oneal & Russett 1997).
 * - diplomatic = clamp(1 − |ideal point a − ideal point b| / idealScale, −1, 1) (Bailey et al. 2017),
 *   for politically relevant dyads (contiguous or with a major power; Lemke & Reed 2001) and any
 *   dyad with a military or security tie.
 * - proximity = exp(−d / proximityScaleKm), d = the smaller of the CShapes 2.0 minimum border
 *   distance (Schvitz et al. 2022) and the outer bound of the dyad's COW contiguity class
 *   (Stinnett et al. 2002; land 0 km, water 12, 24, 150, 400 miles): the larger of the two
 *   closenesses. A non-negative closeness, not alignment: its composite weight is 0.
 */

/** The dimensions the global world has ties on. */
export type GlobalDimension = 'military' | 'security' | 'economic' | 'diplomatic' | 'proximity';

export interface GlobalOptions {
  /** First year of the world (the post-war system). */
  fromYear: number;
  /** Strength of each alliance obligation (ATOP and COW names). */
  alliance: Readonly<Record<string, number>>;
  armsWeight: number;
  /** Years of deliveries summed for the arms term (deliveries are lumpy). */
  armsWindow: number;
  /** TIV (millions, summed over the window) at which the arms term reaches 1. */
  armsSaturation: number;
  /** Yearly decay of a dispute's hostility after the year it happened. */
  midDecay: number;
  rivalryValue: number;
  /** Trade share of the more dependent partner at which the economic tie reaches 1. */
  tradeSaturation: number;
  /** Ideal-point distance at which the diplomatic tie crosses zero. */
  idealScale: number;
  /** Distance (km) a COW contiguity class stands for: its outer bound (type 1 land or river: 0). */
  contiguityKm: Readonly<Record<number, number>>;
  /** Distance (km) over which proximity falls by a factor e (exp(−d / scale)). */
  proximityScaleKm: number;
  /** Values are rounded to this step; consecutive years with one value become one observation. */
  step: number;
  /** Coarser rounding for the diplomatic tie: ideal points drift every session. */
  diplomaticStep: number;
  /** Values smaller than this in magnitude are left out (no tie rather than noise). */
  minAbs: number;
  /** Confidence of each dimension's observations. */
  confidence: Readonly<Record<GlobalDimension, number>>;
  /**
   * Composite weights written into the world's meta (votes are cheap talk beside armed disputes;
   * proximity is closeness, not alignment, so it stays out of the composite).
   */
  weights: Readonly<Record<GlobalDimension, number>>;
}

export const GLOBAL_DEFAULTS: Readonly<GlobalOptions> = Object.freeze({
  fromYear: 1946,
  alliance: Object.freeze({
    atop_defense: 1,
    atop_offense: 0.8,
    atop_consul: 0.4,
    atop_neutral: 0.1,
    atop_nonagg: 0.1,
    cow_defense: 1,
    cow_entente: 0.5,
    cow_neutral: 0.1,
    cow_nonagg: 0.1,
  }),
  armsWeight: 0.6,
  armsWindow: 5,
  armsSaturation: 2000,
  midDecay: 0.8,
  rivalryValue: 0.7,
  tradeSaturation: 0.25,
  idealScale: 1.5,
  // 1 mile = 1.609344 km
  contiguityKm: Object.freeze({ 1: 0, 2: 19.3, 3: 38.6, 4: 241.4, 5: 643.7 }),
  proximityScaleKm: 300,
  step: 0.05,
  diplomaticStep: 0.2,
  minAbs: 0.05,
  confidence: Object.freeze({
    military: 0.9,
    security: 0.85,
    economic: 0.8,
    diplomatic: 0.7,
    proximity: 0.9,
  }),
  weights: Object.freeze({ military: 2, security: 2, economic: 1, diplomatic: 0.5, proximity: 0 }),
});

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Arms term of the military tie from the TIV delivered either way over the window. */
export function armsScore(tivInWindow: number, o: Pick<GlobalOptions, 'armsSaturation'>): number {
  return Math.min(1, Math.log1p(Math.max(0, tivInWindow)) / Math.log1p(o.armsSaturation));
}

/** The military tie from its alliance and arms terms. */
export function militaryValue(alliance: number, arms: number, o: Pick<GlobalOptions, 'armsWeight'>): number {
  return clamp(alliance + o.armsWeight * arms, 0, 1);
}

/** Hostility a dispute of level `hostlev` leaves `yearsSince` years later. */
export function hostility(hostlev: number, yearsSince: number, o: Pick<GlobalOptions, 'midDecay'>): number {
  return (clamp(hostlev, 0, 5) / 5) * o.midDecay ** yearsSince;
}

/** The economic tie from the dyad's trade and each partner's total trade. */
export function economicValue(
  dyadTrade: number,
  totalA: number,
  totalB: number,
  o: Pick<GlobalOptions, 'tradeSaturation'>,
): number {
  const base = Math.min(totalA, totalB);
  if (!(base > 0)) return 0;
  return Math.min(1, dyadTrade / base / o.tradeSaturation);
}

/** The diplomatic tie from two UNGA ideal points. */
export function diplomaticValue(
  idealA: number,
  idealB: number,
  o: Pick<GlobalOptions, 'idealScale'>,
): number {
  return clamp(1 - Math.abs(idealA - idealB) / o.idealScale, -1, 1);
}

/**
 * Proximity from a COW contiguity class and a CShapes minimum distance (either may be missing):
 * the closer of the two, decayed exponentially; 0 when neither is known.
 *
 * @example
 * proximityValue(1, undefined, GLOBAL_DEFAULTS); // 1 (land border)
 * proximityValue(undefined, 300, GLOBAL_DEFAULTS); // ≈ 0.37
 */
export function proximityValue(
  conttype: number | undefined,
  mindistKm: number | undefined,
  o: Pick<GlobalOptions, 'contiguityKm' | 'proximityScaleKm'>,
): number {
  const byClass = conttype === undefined ? undefined : o.contiguityKm[conttype];
  const d = Math.min(byClass ?? Number.POSITIVE_INFINITY, mindistKm ?? Number.POSITIVE_INFINITY);
  return d === Number.POSITIVE_INFINITY ? 0 : Math.exp(-Math.max(0, d) / o.proximityScaleKm);
}
