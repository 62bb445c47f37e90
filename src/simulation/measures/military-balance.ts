/**
 * Military balance of a rival pair (the analysis layer's `militaryBalances`, on the simulated
 * capabilities): the first actor's share of the pair's capability, 0.5 at parity; undefined while
 * the two are not rivals (their tie above −neutral).
 */
import { z } from 'zod';
import { militaryBalances } from '../../analysis/power/military-balance.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z.object({ balance: z.tuple([Id, Id]).describe('the rival pair') }).strict();

export const militaryBalance: MeasureKind = {
  id: 'militaryBalance',
  key: 'balance',
  schema: Entry.refine((e) => e.balance[0] !== e.balance[1], {
    message: 'a balance is between two different actors',
    path: ['balance'],
  }),
  syntax: '{ balance: [A, B] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [...e.balance],
    argPaths: [
      ['balance', 0],
      ['balance', 1],
    ],
  }),
  title: ([a, b]) => `military balance of ${a} against ${b} (${a}'s share)`,
  scope: 'local',
  signsOnly: false,
  capabilities: true,
  create: (args, ctx) => {
    const a = ctx.ids[args[0]!]!;
    return (view) => {
      // The simulation carries one capability, the CINC share.
      const m = militaryBalances(view, { measure: 'cinc', neutral: ctx.neutral })[0];
      if (!m) return Number.NaN;
      return m.a === a ? m.share : 1 - m.share;
    };
  },
};
