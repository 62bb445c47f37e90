/**
 * Balance of threat of a rival pair (Walt 1987, The Origins of Alliances; the analysis layer's
 * `balanceOfThreat`, on the simulated state): the threat the first actor poses to the second, a
 * weighted geometric mean of aggregate power, proximity, offensive capability and hostility;
 * undefined while the two are not rivals (their tie above −neutral).
 * Which components move: aggregate power (the simulated CINC share over the largest) and
 * hostility (the simulated tie). Proximity (capitals) and offensive capability (military
 * expenditure shares) are the world's at the start date: the simulation carries neither.
 */
import { z } from 'zod';
import { balanceOfThreat } from '../../analysis/power/balance-of-threat.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z.object({ threat: z.tuple([Id, Id]).describe('the source and the target') }).strict();

export const threat: MeasureKind = {
  id: 'threat',
  key: 'threat',
  schema: Entry.refine((e) => e.threat[0] !== e.threat[1], {
    message: 'a threat is posed by one actor to another',
    path: ['threat'],
  }),
  syntax: '{ threat: [A, B] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [...e.threat],
    argPaths: [
      ['threat', 0],
      ['threat', 1],
    ],
  }),
  title: ([a, b]) => `threat ${a} poses to ${b} (balance of threat)`,
  // Power and offense are shares of the whole system's, so the view holds every actor.
  scope: 'full',
  signsOnly: false,
  capabilities: true,
  create: (args, ctx) => {
    const dyads = [[ctx.ids[args[0]!]!, ctx.ids[args[1]!]!] as const];
    return (view) => balanceOfThreat(view, { neutral: ctx.neutral, dyads }).threats[0]?.threat ?? Number.NaN;
  },
};
