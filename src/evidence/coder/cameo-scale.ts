/**
 * CAMEO event code → Goldstein weight and quad class, from the lookup table shipped in
 * data/lookups (GDELT's Goldstein column and quad classes: 1 verbal cooperation, 2 material
 * cooperation, 3 verbal conflict, 4 material conflict). Goldstein, J. S. (1992), "A Conflict-
 * Cooperation Scale for WEIS Events Data", Journal of Conflict Resolution 36(2).
 */

/** Goldstein weight and quad class of one CAMEO code. */
export interface CameoScale {
  readonly goldstein: number;
  readonly quad: 1 | 2 | 3 | 4;
}

/** Parses the lookup TSV (header row names `code`, `goldstein_gdelt`, `quadclass_gdelt`). */
export function readCameoScale(tsv: string): Map<string, CameoScale> {
  const lines = tsv.split(/\r?\n/).filter((l) => l.length > 0);
  const head = lines[0]!.split('\t');
  const ci = head.indexOf('code');
  const gi = head.indexOf('goldstein_gdelt');
  const qi = head.indexOf('quadclass_gdelt');
  const out = new Map<string, CameoScale>();
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    const quad = Number(f[qi]);
    if (quad >= 1 && quad <= 4)
      out.set(f[ci]!, { goldstein: Number(f[gi]), quad: quad as CameoScale['quad'] });
  }
  return out;
}
