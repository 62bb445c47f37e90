/**
 * The guided tour: a tour file (data/tours/<world>.yaml) lists steps by kind; each step is turned
 * into a titled table computed from the world when the tour runs. The CLI only prints the result.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { z } from 'zod';
import { balancers } from '../analysis/balancing/balancers.js';
import { graphFromSnapshot, tieValue } from '../analysis/from-snapshot.js';
import { indexGraph } from '../analysis/signed-graph.js';
import { triangleInSnapshot } from '../analysis/triangles/strategic-triangle.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { Dimension } from '../domain/schema.js';
import type { World } from '../domain/world.js';
import { openWorld } from '../worlds/open-world.js';
import { snapshot } from '../worlds/snapshot.js';
import { worldStats } from '../worlds/stats.js';

const Pair = z.tuple([z.string(), z.string()]);
const Show = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stats') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('ties'), at: z.string(), actors: z.array(z.string()).min(2) }),
  z.object({ kind: z.literal('history'), pairs: z.array(Pair).min(1), dates: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('evidence'), pair: Pair, dimension: Dimension, at: z.string() }),
  z.object({
    kind: z.literal('triangles'),
    at: z.string(),
    triads: z.array(z.tuple([z.string(), z.string(), z.string()])),
  }),
  z.object({ kind: z.literal('balancers'), at: z.string(), actors: z.array(z.string()).min(1) }),
]);
const TourFile = z.object({
  world: z.string(),
  steps: z.array(z.object({ title: z.string(), text: z.string().default(''), show: Show })).min(1),
});
type Show = z.infer<typeof Show>;

/** One printed step: a title, a paragraph and an optional table. */
export interface TourSection {
  title: string;
  text: string;
  table?: { header: string[]; rows: string[][] };
}

const f2 = (x: number) => (Math.abs(x) < 0.005 ? '0.00' : x.toFixed(2));

async function render(world: World, show: Show): Promise<TourSection['table']> {
  switch (show.kind) {
    case 'none':
      return undefined;
    case 'stats':
      return {
        header: ['section', 'count'],
        rows: Object.entries(worldStats(world)).map(([k, v]) => [k, String(v)]),
      };
    case 'ties': {
      const snap = snapshot(world, show.at);
      return {
        header: ['', ...show.actors],
        rows: show.actors.map((a) => [
          a,
          ...show.actors.map((b) => (a === b ? '·' : f2(tieValue(snap, a, b)))),
        ]),
      };
    }
    case 'history': {
      const snaps = show.dates.map((d) => snapshot(world, d));
      return {
        header: ['dyad', ...show.dates],
        rows: show.pairs.map(([a, b]) => [`${a}–${b}`, ...snaps.map((s) => f2(tieValue(s, a, b)))]),
      };
    }
    case 'evidence': {
      const tie = snapshot(world, show.at, { layer: show.dimension }).ties.find(
        (t) => t.a === [...show.pair].sort()[0] && t.b === [...show.pair].sort()[1],
      );
      const rows = (tie?.evidence ?? []).map((id) => {
        const e = world.evidenceById.get(id);
        return [id, e?.source ?? '', `“${e?.quote ?? JSON.stringify(e?.rows)}”`];
      });
      return {
        header: [
          `${show.pair.join('–')} ${show.dimension} = ${tie ? f2(tie.value) : 'none'}`,
          'source',
          'quote',
        ],
        rows,
      };
    }
    case 'triangles': {
      const snap = snapshot(world, show.at);
      return {
        header: ['actors', 'type', 'roles'],
        rows: show.triads.map((t) => {
          const r = triangleInSnapshot(snap, t);
          const roles = r.pivot
            ? `pivot ${r.pivot}, wings ${r.wings!.join(' & ')}`
            : r.outcast
              ? `partners ${r.partners!.join(' & ')}, outcast ${r.outcast}`
              : '';
          return [t.join('–'), r.type, roles];
        }),
      };
    }
    case 'balancers': {
      const rows = await balancers(indexGraph(graphFromSnapshot(snapshot(world, show.at))));
      return {
        header: ['actor', 'rival pair', 'tilt', 'flip cost'],
        rows: rows
          .filter((r) => show.actors.includes(r.actor))
          .flatMap((r) => r.pairs.map((p) => [r.actor, `${p.a} vs ${p.b}`, f2(p.tilt), f2(r.flipCost)])),
      };
    }
  }
}

/**
 * Runs the bundled tour of a world and returns its sections.
 *
 * @example
 * for (const s of await runTour('eurasia')) console.log(s.title);
 */
export async function runTour(id: string): Promise<TourSection[]> {
  let text: string;
  try {
    text = readFileSync(new URL(`../../data/tours/${id}.yaml`, import.meta.url), 'utf8');
  } catch {
    try {
      text = readFileSync(new URL(`../../../data/tours/${id}.yaml`, import.meta.url), 'utf8');
    } catch {
      throw new NotFoundError(`no tour for world '${id}'; tours live in data/tours/<world>.yaml`);
    }
  }
  const parsed = TourFile.safeParse(load(text));
  if (!parsed.success) {
    throw new InvalidInputError({
      file: `${id}.yaml`,
      message: parsed.error.issues[0]?.message ?? 'invalid tour',
    });
  }
  const world = openWorld(parsed.data.world);
  const out: TourSection[] = [];
  for (const step of parsed.data.steps) {
    const table = await render(world, step.show);
    out.push({ title: step.title, text: step.text, ...(table && { table }) });
  }
  return out;
}
