/**
 * Tilt of an actor between a rival pair (the analysis layer's `tiltBetween` on the ties read by
 * `observedTie`, neutral ties counting as 0): +1 leaning wholly to the first, −1 to the second;
 * undefined when the actor has no tie beyond the neutral band to either.
 */
import { z } from 'zod';
import { tiltBetween } from '../../analysis/balancing/tilt.js';
import { observedTie } from '../../analysis/from-snapshot.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z
  .object({ tilt: Id.describe('the balancing actor'), between: z.tuple([Id, Id]).describe('the rival pair') })
  .strict();

export const tilt: MeasureKind = {
  id: 'tilt',
  key: 'tilt',
  schema: Entry.refine((e) => new Set([e.tilt, ...e.between]).size === 3, {
    message: 'a tilt needs an actor and two different rivals other than it',
    path: ['between'],
  }),
  syntax: '{ tilt: X, between: [A, B] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [e.tilt, ...e.between],
    argPaths: [['tilt'], ['between', 0], ['between', 1]],
  }),
  title: ([x, a, b]) => `tilt of ${x} between ${a} and ${b}`,
  scope: 'local',
  signsOnly: false,
  capabilities: false,
  create: (args, ctx) => {
    const [x, a, b] = args.map((i) => ctx.ids[i]!) as [string, string, string];
    return (view) => {
      const toA = observedTie(view, x, a, { neutral: ctx.neutral }) ?? 0;
      const toB = observedTie(view, x, b, { neutral: ctx.neutral }) ?? 0;
      return toA === 0 && toB === 0 ? Number.NaN : tiltBetween(toA, toB);
    };
  },
};
