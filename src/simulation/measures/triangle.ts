/**
 * Strategic triangle of three named actors (Dittmer 1981), taken by the analysis layer's
 * `triangleInSnapshot`: a categorical measure whose outcomes are the type with its pivot (romantic)
 * or outcast (stable marriage), so "A stays the pivot" is one outcome's probability.
 */
import { z } from 'zod';
import { triangleInSnapshot } from '../../analysis/triangles/strategic-triangle.js';
import { Id } from '../../domain/schema.js';
import type { MeasureKind } from './types.js';

const Entry = z.object({ triangle: z.tuple([Id, Id, Id]).describe('three actors') }).strict();

const outcomes = (args: readonly string[]) => [
  'menage-a-trois',
  ...args.map((x) => `romantic, pivot ${x}`),
  ...args.map((x) => `stable-marriage, outcast ${x}`),
  'unit-veto',
  'incomplete',
];

export const triangle: MeasureKind = {
  id: 'triangle',
  key: 'triangle',
  schema: Entry.refine((e) => new Set(e.triangle).size === 3, {
    message: 'a triangle needs three different actors',
    path: ['triangle'],
  }),
  syntax: '{ triangle: [A, B, C] }',
  args: (e: z.infer<typeof Entry>) => ({
    args: [...e.triangle],
    argPaths: [0, 1, 2].map((k) => ['triangle', k]),
  }),
  outcomes,
  title: (args) => `triangle ${args.join('–')}`,
  phrase: (outcome, args, held) => {
    const name = args.join('–');
    const [type, role] = outcome.split(', ');
    const is = held ? 'stays' : 'is';
    if (role?.startsWith('pivot ')) return `${role.slice(6)} ${is} the pivot of ${name}`;
    if (role?.startsWith('outcast ')) return `${role.slice(8)} ${is} the outcast of ${name}`;
    return `${name} ${is} ${type === 'incomplete' ? 'incomplete (a neutral tie)' : `a ${type}`}`;
  },
  scope: 'local',
  signsOnly: true,
  capabilities: false,
  create: (args, ctx) => {
    const names = args.map((i) => ctx.ids[i]!) as [string, string, string];
    const index = new Map(outcomes(names).map((o, k) => [o, k]));
    return (view) => {
      const t = triangleInSnapshot(view, names, { neutral: ctx.neutral });
      if (t.pivot !== undefined) return index.get(`romantic, pivot ${t.pivot}`)!;
      if (t.outcast !== undefined) return index.get(`stable-marriage, outcast ${t.outcast}`)!;
      return index.get(t.type)!;
    };
  },
};
