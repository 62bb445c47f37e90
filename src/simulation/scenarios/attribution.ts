/**
 * Attribution: which mechanisms produced an effect. Along every run, each mechanism's ΔW is
 * recorded in the scenario and in its twin; the effect of the shocks on a pair decomposes as
 *
 *   W_s(H) − W_t(H) = Σ_t Σ_m (ΔW_m^s − ΔW_m^t) + (shock) + (noise and clipping differences)
 *
 * (the noise is shared, so its difference is zero until clipping differs). Shares are each
 * mechanism's mean contribution over the sum of absolute contributions, so they lie in [−1, 1],
 * their absolute values add to 1, and a negative share marks a mechanism that worked against the
 * net effect. This is a path decomposition (first-order, like a Shapley value of a linear model):
 * a mechanism gets credit for the ΔW it wrote, including reactions to changes other mechanisms
 * made earlier on the path.
 */

/** Shares of absolute contribution; empty when nothing moved. */
export function shares(contributions: Record<string, number>, minimum = 1e-12): Record<string, number> {
  const total = Object.values(contributions).reduce((s, x) => s + Math.abs(x), 0);
  if (total <= minimum) return {};
  return Object.fromEntries(
    Object.entries(contributions)
      .filter(([, x]) => x !== 0)
      .map(([k, x]) => [k, x / total]),
  );
}

/** The n third actors of one mechanism's contribution to a pair, largest first, as shares. */
export function topThirdParties(
  via: Float64Array,
  ids: readonly string[],
  limit: number,
): { actor: string; contribution: number }[] {
  return [...via]
    .map((contribution, k) => ({ actor: ids[k]!, contribution }))
    .filter((x) => x.contribution !== 0)
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || (x.actor < y.actor ? -1 : 1))
    .slice(0, limit);
}
