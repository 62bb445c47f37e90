/**
 * A world with derived facts beside its own (the policy: src/domain/world-source.ts). Each source's
 * tie series join the world's; actors, capabilities, events, corridors, memberships, claims and
 * composite weights stay the base world's (a dimension only the source has keeps the weight the
 * source gives it, so global's proximity stays out of eurasia+global's composite). The result is checked like a world file: the derived
 * series must name known actors, cite evidence that resolves, keep their observations in order and
 * not repeat a dyad and dimension of their own origin (check-world.ts), and every one must carry
 * its source's origin, so nothing derived can pass for curated.
 */
import { InvalidInputError } from '../domain/errors.js';
import type { Dimension, TieSeries } from '../domain/schema.js';
import type { World } from '../domain/world.js';
import { CURATED_ORIGIN, citedBy, type DerivedFacts, type WorldSource } from '../domain/world-source.js';
import { checkWorld } from './check-world.js';
import { failInvalid } from './load.js';
import type { Located, MergedSections } from './read-world-files.js';

/**
 * A world's derived tie series as a source: `eurasia+global` lays the dataset-derived ties of
 * `global` among the actors the two share over eurasia. Only the evidence and sources those ties
 * cite come along. A world with curated ties among the shared actors cannot be a source.
 *
 * @example
 * const w = composeWorld(loadWorld('eurasia'), [worldSource(loadWorld('global'))]);
 * snapshot(w, '1985', { layer: 'security' }).ties.find((t) => t.a === 'IND' && t.b === 'PAK')?.origin; // 'global'
 */
export function worldSource(over: World): WorldSource {
  return {
    origin: over.meta.id,
    facts(base: World): DerivedFacts {
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
      const weights = over.meta.dimensionWeights;
      return {
        ties: ties.map((t) => ({ ...t, origin: over.meta.id })),
        ...citedBy(ties, over),
        ...(weights ? { dimensionWeights: weights } : {}),
      };
    },
  };
}

function located<T>(items: readonly T[], file: string, section: string, from = 0): Located<T>[] {
  return items.map((value, i) => ({ value, file, path: [section, from + i], line: () => undefined }));
}

/** Refuses a source whose series do not all carry its origin, or that takes the curated name. */
function checkOrigins(source: WorldSource, ties: readonly TieSeries[]): void {
  const wrong = source.origin === CURATED_ORIGIN ? ties[0] : ties.find((t) => t.origin !== source.origin);
  if (!wrong && source.origin !== CURATED_ORIGIN) return;
  throw new InvalidInputError({
    field: 'origin',
    message:
      source.origin === CURATED_ORIGIN
        ? `a derived source may not call itself '${CURATED_ORIGIN}'`
        : `source '${source.origin}' hands over a ${wrong!.dimension} series ${wrong!.a}–${wrong!.b} with origin '${wrong!.origin ?? '(none: curated)'}'`,
    hint: 'every series a source derives carries that source’s origin, so it is never read as curated',
  });
}

/** The world's weights, plus the source's for dimensions the world has neither series nor weight for. */
function carriedWeights(world: World, facts: DerivedFacts): World['meta']['dimensionWeights'] {
  const own = world.meta.dimensionWeights;
  const present = new Set(world.ties.map((t) => t.dimension));
  const carried = Object.entries(facts.dimensionWeights ?? {}).filter(
    ([d]) => !present.has(d as Dimension) && own?.[d as Dimension] === undefined,
  );
  return carried.length > 0 ? { ...Object.fromEntries(carried), ...own } : own;
}

/**
 * `base` with each source's facts beside its own, in order (earlier sources rank first among
 * derived values in a snapshot). Throws `WorldValidationError` when a source's facts do not check.
 *
 * @example
 * composeWorld(loadWorld('eurasia'), [worldSource(loadWorld('global'))]).meta.id; // 'eurasia+global'
 */
export function composeWorld(base: World, sources: readonly WorldSource[]): World {
  let world = base;
  for (const source of sources) {
    const facts = source.facts(world);
    checkOrigins(source, facts.ties);
    const id = `${world.meta.id}+${source.origin}`;
    const sections: MergedSections = {
      meta: located([world.meta], world.meta.id, 'meta'),
      actors: located(world.actors, world.meta.id, 'actors'),
      sources: [
        ...located(world.sources, world.meta.id, 'sources'),
        ...located(facts.sources, source.origin, 'sources'),
      ],
      evidence: [
        ...located(world.evidence, world.meta.id, 'evidence'),
        ...located(facts.evidence, source.origin, 'evidence'),
      ],
      // Only series of this origin can clash with the new ones (the checker keys series by origin).
      ties: [
        ...located(
          world.ties.filter((t) => t.origin === source.origin),
          world.meta.id,
          'ties',
        ),
        ...located(facts.ties, source.origin, 'ties'),
      ],
      capabilities: [],
      events: [],
      corridors: [],
      memberships: [],
      claims: [],
    };
    const { problems, total } = checkWorld(sections, 50);
    if (total > 0) failInvalid(id, problems, total);
    const evidence = [...world.evidence, ...facts.evidence];
    const dimensionWeights = carriedWeights(world, facts);
    world = {
      ...world,
      meta: { ...world.meta, id, ...(dimensionWeights ? { dimensionWeights } : {}) },
      sources: [...world.sources, ...facts.sources],
      evidence,
      ties: [...world.ties, ...facts.ties],
      evidenceById: new Map(evidence.map((e) => [e.id, e])),
    };
  }
  return world;
}
