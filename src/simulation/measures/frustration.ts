/**
 * Frustration index of the whole simulated state (Harary 1959; the number of ties a best split
 * into two camps leaves frustrated). On the way, the analysis layer's multi-start heuristic
 * (`frustrationHeuristic`, an upper bound); at the horizon, its exact solver (`frustrationIndex`)
 * when the state is small enough. Both depend only on the signs of the ties beyond the neutral
 * band, which change rarely from one step to the next (`signsOnly`: taken once per pattern).
 */
import { z } from 'zod';
import { toCostGraph } from '../../analysis/balance/cost-graph.js';
import { frustrationIndex } from '../../analysis/balance/frustration-exact.js';
import { frustrationHeuristic } from '../../analysis/balance/frustration-heuristic.js';
import { negativeTrianglePacking } from '../../analysis/balance/triangle-packing-bound.js';
import { graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import type { Snapshot } from '../../domain/world.js';
import type { MeasureContext, MeasureKind } from './types.js';

const Entry = z.object({ measure: z.literal('frustration') }).strict();

const graphOf = (view: Snapshot, ctx: MeasureContext) =>
  indexGraph(graphFromSnapshot(view, { neutral: ctx.neutral }));

export const frustration: MeasureKind = {
  id: 'frustration',
  key: 'measure',
  value: 'frustration',
  schema: Entry,
  syntax: '{ measure: frustration }',
  args: () => ({ args: [], argPaths: [] }),
  title: () => 'frustration index',
  scope: 'full',
  signsOnly: true,
  create: (_, ctx) => (view) => {
    const g = toCostGraph(graphOf(view, ctx), false);
    // Starts after the bound is reached cannot lower the cost (they keep only a strictly better
    // one), so stopping there returns what all the starts would: the bound saves time, not value.
    const target = negativeTrianglePacking(g);
    return frustrationHeuristic(g, ctx.rng(), { restarts: ctx.heuristicRestarts, target }).cost;
  },
  atHorizon: (view, ctx) => {
    if (view.actors.length > ctx.exactMaxActors) return undefined;
    return frustrationIndex(graphOf(view, ctx), { rng: ctx.rng(), timeLimit: ctx.exactTimeLimit }).then(
      (r) => r.L,
    );
  },
};
