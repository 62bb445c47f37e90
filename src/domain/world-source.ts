/**
 * The seam between a world's curated files and the sources that derive facts from data (an event
 * store now, datasets next). A source hands over tie series that carry its `origin` and the
 * evidence and sources they cite; `openWorld` (src/worlds/open-world.ts) lays them beside the
 * curated facts and checks them. Sources are implemented where their data lives (the event source
 * in src/evidence) and wired in by the api and cli, so `worlds` never depends on `evidence`.
 *
 * Policy, derived against curated (docs/design.md §3): a derived series always names its origin,
 * never `curated`; it may sit beside a curated series of the same dyad and dimension, but two series
 * of one dyad, dimension and origin are refused; a snapshot uses the curated value where there is
 * one and lists every derived value beside it (`TieAt.alternatives`), and a derived value it uses
 * says so (`TieAt.origin`). Actors, capabilities, events and claims stay the curated world's.
 */
import type { Dimension, Evidence, Source, TieSeries } from './schema.js';
import type { World } from './world.js';

/** What a derived source adds to a world. */
export interface DerivedFacts {
  /** Series among the world's actors; each carries the source's `origin`. */
  ties: readonly TieSeries[];
  /** The evidence those series cite (ids must not clash with the world's). */
  evidence: readonly Evidence[];
  /** The sources that evidence cites. */
  sources: readonly Source[];
  /** Composite weights for dimensions the world has no series or weight for (e.g. 0 for proximity). */
  dimensionWeights?: Partial<Record<Dimension, number>>;
}

/** A source of derived facts; a store behind it is read when the source is opened, not here. */
export interface WorldSource {
  /** The origin every series it adds carries, e.g. `events` or `global`. */
  readonly origin: string;
  /** Its facts about the actors of `base` (the curated world, or curated plus earlier sources). */
  facts(base: World): DerivedFacts;
}

/**
 * The evidence `ties` cite among `evidence`, and the sources that evidence cites among `sources`:
 * what a source hands over beside its series.
 *
 * @example
 * citedBy(world.ties.filter((t) => t.origin === 'global'), world).evidence.length;
 */
export function citedBy(
  ties: readonly TieSeries[],
  from: { evidence: readonly Evidence[]; sources: readonly Source[] },
): Pick<DerivedFacts, 'evidence' | 'sources'> {
  const cited = new Set(ties.flatMap((t) => t.observations.flatMap((o) => o.evidence)));
  const evidence = from.evidence.filter((e) => cited.has(e.id));
  const sourceIds = new Set(evidence.map((e) => e.source));
  return { evidence, sources: from.sources.filter((s) => sourceIds.has(s.id)) };
}

/** The origin name a snapshot gives curated values; no derived source may take it. */
export const CURATED_ORIGIN = 'curated';
