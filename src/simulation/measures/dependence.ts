/**
 * Dependence asymmetry of a partnership, the "junior partner" share (Keohane & Nye 1977; the
 * analysis layer's `dependence`, on the simulated capabilities): w(A,B) · (1 − cap_junior /
 * cap_senior); undefined while the two are not partners (their tie below the neutral band) or the
 * junior does not rely on the senior's arms. Ties and CINC shares move; arms-import shares are the
 * world's at the start date (the simulation carries none).
 */
import { z } from 'zod';
import { dependence as dependenceOf } from '../../analysis/power/dependence.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z.object({ dependence: z.tuple([Id, Id]).describe('the partner pair') }).strict();

export const dependence: MeasureKind = {
  id: 'dependence',
  key: 'dependence',
  schema: Entry.refine((e) => e.dependence[0] !== e.dependence[1], {
    message: 'a partnership is between two different actors',
    path: ['dependence'],
  }),
  syntax: '{ dependence: [A, B] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [...e.dependence],
    argPaths: [
      ['dependence', 0],
      ['dependence', 1],
    ],
  }),
  title: ([a, b]) => `dependence asymmetry of the ${a}–${b} partnership`,
  scope: 'local',
  signsOnly: false,
  capabilities: true,
  create: (_, ctx) => (view) => dependenceOf(view, { neutral: ctx.neutral })[0]?.asymmetry ?? Number.NaN,
};
