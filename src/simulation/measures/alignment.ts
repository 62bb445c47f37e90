/**
 * Position of an actor on the polar axis between two poles (the analysis layer's `alignment`):
 * (w(X,P) − w(X,Q)) / 2, +1 with P, −1 with Q; undefined unless X has a tie to both poles.
 */
import { z } from 'zod';
import { alignment as alignmentOnAxis } from '../../analysis/balancing/alignment.js';
import { observedTie } from '../../analysis/from-snapshot.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z
  .object({ alignment: Id.describe('the actor placed on the axis'), poles: z.tuple([Id, Id]) })
  .strict();

export const alignment: MeasureKind = {
  id: 'alignment',
  key: 'alignment',
  schema: Entry.refine((e) => new Set([e.alignment, ...e.poles]).size === 3, {
    message: 'an axis has two different poles, neither of them the actor placed on it',
    path: ['poles'],
  }),
  syntax: '{ alignment: X, poles: [P, Q] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [e.alignment, ...e.poles],
    argPaths: [['alignment'], ['poles', 0], ['poles', 1]],
  }),
  title: ([x, p, q]) => `alignment of ${x} on the ${p}–${q} axis`,
  scope: 'local',
  signsOnly: false,
  capabilities: false,
  create: (args, ctx) => {
    const [x, p, q] = args.map((i) => ctx.ids[i]!) as [string, string, string];
    return (view) => {
      const row = alignmentOnAxis([x], [p, q], (a, b) => observedTie(view, a, b, { neutral: ctx.neutral }))
        .rows[0];
      return row?.position ?? Number.NaN;
    };
  },
};
