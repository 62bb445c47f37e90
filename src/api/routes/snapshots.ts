/**
 * Snapshots and ties: the signed graph at a date on a layer, every tie with its evidence, and one
 * dyad in full (each layer at the date, every observation over time, the events between the two).
 */
import { createRoute } from '@hono/zod-openapi';
import { DIMENSIONS, Id } from '../../domain/schema.js';
import { endOf, startOf } from '../../domain/time.js';
import type { Snapshot, TieAt, World } from '../../domain/world.js';
import { graphNodes } from '../../worlds/export/graph-view.js';
import type { ApiContext } from '../context.js';
import { evidenceDetail } from '../evidence-detail.js';
import { SnapshotBody, SnapshotQuery, TieDetail, TiesBody, WorldParam } from '../schemas.js';
import { actorOf, atOf, errorResponses, json, routeApp, snapshotFor } from './shared.js';

const getSnapshot = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/snapshot',
  tags: ['snapshots'],
  summary: 'The signed graph of a world at a date on one layer',
  description:
    "A tie's value at a date is its latest observation not after it (no averaging across time). " +
    'Nodes carry capital coordinates and the capability index (CINC) in force at the date.',
  request: { params: WorldParam, query: SnapshotQuery },
  responses: { 200: json(SnapshotBody, 'actors and ties'), ...errorResponses(404, 422) },
});

const listTies = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/ties',
  tags: ['snapshots'],
  summary: 'Every tie at a date on one layer, with its evidence (quotes and sources)',
  request: { params: WorldParam, query: SnapshotQuery },
  responses: { 200: json(TiesBody, 'ties with evidence'), ...errorResponses(404, 422) },
});

const getTie = createRoute({
  method: 'get',
  path: '/api/worlds/{world}/ties/{a}/{b}',
  tags: ['snapshots'],
  summary: 'One dyad: its tie on every layer at a date with evidence, its history and events',
  request: {
    params: WorldParam.extend({ a: Id, b: Id }),
    query: SnapshotQuery.pick({ at: true }),
  },
  responses: { 200: json(TieDetail, 'the dyad'), ...errorResponses(404, 422) },
});

/** The snapshot in the response shape: nodes with coordinates and CINC, ties on the layer. */
export function snapshotBody(snap: Snapshot): SnapshotBody {
  return {
    world: snap.world,
    at: snap.at,
    layer: snap.layer,
    // The API names a node's label `name`, as an actor's; the key order stays id, name, kind, ….
    actors: graphNodes(snap).map(({ id, label, ...rest }) => ({ id, name: label, ...rest })),
    ties: snap.ties,
  };
}

function withEvidence(world: World, tie: TieAt) {
  return { ...tie, evidence: tie.evidence.map((id) => evidenceDetail(world, id)) };
}

function dyadOf(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export function snapshotRoutes(ctx: ApiContext) {
  const { registry } = ctx;

  return routeApp()
    .openapi(getSnapshot, (c) => {
      return c.json(
        snapshotBody(snapshotFor(registry, c.req.valid('param').world, c.req.valid('query'))),
        200,
      );
    })

    .openapi(listTies, (c) => {
      const id = c.req.valid('param').world;
      const world = registry.world(id);
      const snap = snapshotFor(registry, id, c.req.valid('query'));
      return c.json(
        { world: id, at: snap.at, layer: snap.layer, ties: snap.ties.map((t) => withEvidence(world, t)) },
        200,
      );
    })

    .openapi(getTie, (c) => {
      const p = c.req.valid('param');
      const world = registry.world(p.world);
      const at = atOf(world, c.req.valid('query').at);
      const [a, b] = dyadOf(actorOf(world, p.a).id, actorOf(world, p.b).id);
      const snap = registry.snapshot(p.world, at, 'composite');
      const isDyad = (t: { a: string; b: string }) => t.a === a && t.b === b;
      const layers = [
        ...snap.ties.filter(isDyad),
        ...DIMENSIONS.flatMap((d) => snap.byDimension[d].filter(isDyad)),
      ].map((t) => withEvidence(world, t));
      const history = world.ties
        .filter((s) => {
          const [x, y] = dyadOf(s.a, s.b);
          return isDyad({ a: x, b: y });
        })
        .map((s) => ({
          dimension: s.dimension,
          directed: s.directed,
          from: s.a,
          observations: s.observations,
        }));
      const asOf = endOf(at);
      const events = world.events.filter((e) => {
        const [x, y] = dyadOf(e.source, e.target);
        return isDyad({ a: x, b: y }) && startOf(e.date) <= asOf;
      });
      return c.json(
        {
          world: p.world,
          at,
          a: world.actorById.get(a)!,
          b: world.actorById.get(b)!,
          layers,
          history,
          events,
        },
        200,
      );
    });
}
