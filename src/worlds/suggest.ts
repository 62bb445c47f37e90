/** Spelling suggestions for unknown ids, so an error can say "did you mean PAK?". */

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The closest known id within a third of the length (case-insensitive), or undefined.
 *
 * @example
 * closest('PAKK', ['PAK', 'IND']); // 'PAK'
 */
export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(id.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(1, Math.floor(id.length / 3)) ? best : undefined;
}

/** A hint sentence for an unknown id. */
export function unknownIdHint(id: string, known: Iterable<string>, declareIn: string): string {
  const c = closest(id, known);
  return c
    ? `did you mean '${c}'? otherwise declare '${id}' under ${declareIn}:`
    : `declare '${id}' under ${declareIn}:`;
}
