/**
 * Basic utilities of Bueno de Mesquita's model (1994; Scholz, Calbert & Smith 2011, §3), for an
 * actor with risk exponent r at normalised distance d from its counterpart:
 * success U_s = 2 − 4(½ − ½d)^r, failure U_f = 2 − 4(½ + ½d)^r, status quo U_sq = 2 − 4·½^r,
 * and, for a change without a challenge, better U_b = 2 − 4(½ − b)^r and worse U_w = 2 − 4(½ + b)^r
 * with b = ¼(|x_i − μ| + |x_i − x_j|)/range.
 */

export interface BdmUtilities {
  success: number;
  failure: number;
  statusQuo: number;
}

/**
 * @example
 * bdmUtilities(0.5, 1); // { success: 1, failure: -1, statusQuo: 0 }
 */
export function bdmUtilities(distance: number, r: number): BdmUtilities {
  return {
    success: 2 - 4 * (0.5 - 0.5 * distance) ** r,
    failure: 2 - 4 * (0.5 + 0.5 * distance) ** r,
    statusQuo: 2 - 4 * 0.5 ** r,
  };
}

/**
 * Utilities of things changing without a challenge, for better and for worse (they matter only
 * when Q < 1).
 *
 * @example
 * changeUtilities(0.25, 1); // { better: 1, worse: -1 }
 */
export function changeUtilities(b: number, r: number): { better: number; worse: number } {
  return { better: 2 - 4 * (0.5 - b) ** r, worse: 2 - 4 * (0.5 + b) ** r };
}
