/**
 * One world seen with another's facts beside its own: `eurasia+global` is eurasia with the
 * dataset-derived ties of `global` among the actors the two share. The overlaid series keep their
 * `origin`, so a snapshot uses the curated value where the base world has one and shows the
 * derived value beside it (`TieAt.alternatives`); where the base world is silent, the derived
 * value is used and says where it came from (`TieAt.origin`). Actors, capabilities, events,
 * corridors, memberships, claims and composite weights stay the base world's (a dimension only
 * the overlaid world has keeps that world's weight, so global's proximity stays out of the
 * composite); only the evidence and sources the overlaid ties cite are brought along.
 */
import { InvalidInputError } from '../domain/errors.js';
import type { Dimension } from '../domain/schema.js';
import type { World } from '../domain/world.js';

/**
 * The base world with the derived tie series of `over` among the actors they share.
 *
 * @example
 * const w = overlayWorld(loadWorld('eurasia'), loadWorld('global'));
 * snapshot(w, '1985', { layer: 'security' }).ties.find((t) => t.a === 'IND' && t.b === 'PAK')?.origin; // 'global'
 */
export function overlayWorld(base: World, over: World): World {
  const shared = new Set(over.actors.filter((a) => base.actorById.has(a.id)).map((a) => a.id));
  const ties = over.ties.filter((t) => shared.has(t.a) && shared.has(t.b));
  const unmarked = ties.find((t) => t.origin === undefined);
  if (unmarked) {
    throw new InvalidInputError({
      field: 'world',
      message: `'${over.meta.id}' has curated ties (${unmarked.a}–${unmarked.b}), so it cannot be overlaid`,
      hint: 'overlay a derived world, whose tie series carry an origin (e.g. global)',
    });
  }
  const cited = new Set(ties.flatMap((t) => t.observations.flatMap((o) => o.evidence)));
  const evidence = over.evidence.filter((e) => cited.has(e.id));
  const sourceIds = new Set(evidence.map((e) => e.source));
  const sources = over.sources.filter((s) => sourceIds.has(s.id));
  const clash =
    evidence.find((e) => base.evidenceById.has(e.id))?.id ??
    sources.find((s) => base.sources.some((b) => b.id === s.id))?.id;
  if (clash !== undefined) {
    throw new InvalidInputError({
      field: 'world',
      message: `'${base.meta.id}' and '${over.meta.id}' both define '${clash}'`,
      hint: 'rename the evidence or source in one of the worlds',
    });
  }
  const allEvidence = [...base.evidence, ...evidence];
  const baseDimensions = new Set(base.ties.map((t) => t.dimension));
  const carried = Object.entries(over.meta.dimensionWeights ?? {}).filter(
    ([d]) =>
      !baseDimensions.has(d as Dimension) && base.meta.dimensionWeights?.[d as Dimension] === undefined,
  );
  const dimensionWeights =
    carried.length > 0
      ? { ...Object.fromEntries(carried), ...base.meta.dimensionWeights }
      : base.meta.dimensionWeights;
  return {
    ...base,
    meta: {
      ...base.meta,
      id: `${base.meta.id}+${over.meta.id}`,
      ...(dimensionWeights ? { dimensionWeights } : {}),
    },
    sources: [...base.sources, ...sources],
    evidence: allEvidence,
    ties: [...base.ties, ...ties],
    evidenceById: new Map(allEvidence.map((e) => [e.id, e])),
  };
}
