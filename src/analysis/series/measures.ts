/**
 * Named measures for series and the CLI: a spec such as `tilt:X:A:B` becomes a function of a
 * snapshot. Actor ids come only from the spec, never from this code.
 */
import { NEUTRAL_THRESHOLD } from '../../domain/defaults.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Snapshot } from '../../domain/world.js';
import { algebraicConflict } from '../balance/algebraic-conflict.js';
import { frustrationIndex } from '../balance/frustration-exact.js';
import { triangleCensus, triangleIndex } from '../balance/triangle-census.js';
import { walkBalance } from '../balance/walk-balance.js';
import { alignment } from '../balancing/alignment.js';
import { flipCost } from '../balancing/flip-cost.js';
import { pivotScores } from '../balancing/pivot-score.js';
import { tiltBetween } from '../balancing/tilt.js';
import { graphFromSnapshot, observedTie, tieValue } from '../from-snapshot.js';
import { balanceOfThreat } from '../power/balance-of-threat.js';
import { capabilityOf } from '../power/capability.js';
import { dependence } from '../power/dependence.js';
import { indexGraph } from '../signed-graph.js';
import { triangleInSnapshot } from '../triangles/strategic-triangle.js';

export type MeasureValue = number | string | null;

export interface MeasureOptions {
  /** Ties with |w| below this are neutral. */
  neutral: number;
}

export const MEASURE_DEFAULTS: Readonly<MeasureOptions> = Object.freeze({ neutral: NEUTRAL_THRESHOLD });

interface MeasureKind {
  args: string[];
  help: string;
  make: (args: string[], opts: MeasureOptions) => (s: Snapshot) => MeasureValue | Promise<MeasureValue>;
}

const graphOf = (s: Snapshot, o: MeasureOptions) => indexGraph(graphFromSnapshot(s, { neutral: o.neutral }));
/** A tie value, or 0 when it is neutral. */
const tieOf = (s: Snapshot, o: MeasureOptions, a: string, b: string) => {
  const v = tieValue(s, a, b);
  return Math.abs(v) < o.neutral ? 0 : v;
};
const known = (s: Snapshot, ids: string[]) => ids.every((id) => s.actors.some((a) => a.id === id));

const KINDS: Readonly<Record<string, MeasureKind>> = {
  frustration: {
    args: [],
    help: 'exact frustration index L (number of frustrated ties)',
    make: (_, o) => async (s) => (await frustrationIndex(graphOf(s, o))).L,
  },
  triangleIndex: {
    args: [],
    help: 'share of balanced triangles',
    make: (_, o) => (s) => triangleIndex(triangleCensus(graphOf(s, o))),
  },
  walkBalance: { args: [], help: 'walk-based balance K', make: (_, o) => (s) => walkBalance(graphOf(s, o)) },
  algebraicConflict: {
    args: [],
    help: 'smallest eigenvalue of the signed Laplacian',
    make: (_, o) => (s) => algebraicConflict(graphOf(s, o)),
  },
  tie: {
    args: ['A', 'B'],
    help: 'tie value between A and B',
    make:
      ([a, b]) =>
      (s) =>
        tieValue(s, a!, b!),
  },
  tilt: {
    args: ['X', 'A', 'B'],
    help: "X's tilt toward A (+1) or B (−1)",
    make:
      ([x, a, b], o) =>
      (s) => {
        const [xa, xb] = [tieOf(s, o, x!, a!), tieOf(s, o, x!, b!)];
        return xa === 0 && xb === 0 ? null : tiltBetween(xa, xb);
      },
  },
  alignment: {
    args: ['X', 'P', 'Q'],
    help: "X's position between poles P (+1) and Q (−1), (w(X,P) − w(X,Q)) / 2; none without both ties",
    make:
      ([x, p, q], o) =>
      (s) =>
        alignment([x!], [p!, q!], (a, b) => observedTie(s, a, b, { neutral: o.neutral })).rows[0]?.position ??
        null,
  },
  engagement: {
    args: ['X', 'P', 'Q'],
    help: "X's engagement with poles P and Q, (|w(X,P)| + |w(X,Q)|) / 2",
    make:
      ([x, p, q], o) =>
      (s) =>
        (Math.abs(tieOf(s, o, x!, p!)) + Math.abs(tieOf(s, o, x!, q!))) / 2,
  },
  triangle: {
    args: ['A', 'B', 'C'],
    help: 'strategic triangle type of A, B, C',
    make: (args, o) => (s) => triangleOf(s, o, args).type,
  },
  pivot: {
    args: ['A', 'B', 'C'],
    help: 'pivot of the A, B, C triangle when it is romantic',
    make: (args, o) => (s) => triangleOf(s, o, args).pivot ?? null,
  },
  pivotScore: {
    args: ['X'],
    help: "X's pivot score (apex of ++− triangles)",
    make:
      ([x], o) =>
      (s) =>
        pivotScores(graphOf(s, o)).get(x!) ?? null,
  },
  flipCost: {
    args: ['X'],
    help: 'extra frustration if X changed camp',
    make:
      ([x], o) =>
      async (s) => {
        const g = graphOf(s, o);
        if (!g.index.has(x!)) return null;
        return flipCost(g, x!, await frustrationIndex(g));
      },
  },
  capability: {
    args: ['X'],
    help: "X's CINC",
    make:
      ([x]) =>
      (s) =>
        capabilityOf(s, x!, 'cinc') ?? null,
  },
  militaryBalance: {
    args: ['A', 'B'],
    help: 'CINC ratio A / B',
    make:
      ([a, b]) =>
      (s) => {
        const [ca, cb] = [capabilityOf(s, a!, 'cinc'), capabilityOf(s, b!, 'cinc')];
        return ca === undefined || cb === undefined || cb === 0 ? null : ca / cb;
      },
  },
  threat: {
    args: ['S', 'T'],
    help: 'threat S poses to T (Walt), 0 when they are not hostile',
    make:
      ([src, dst], o) =>
      (s) =>
        balanceOfThreat(s, { neutral: o.neutral }).threats.find((t) => t.source === src && t.target === dst)
          ?.threat ?? 0,
  },
  dependence: {
    args: ['A', 'B'],
    help: 'dependence asymmetry of the A–B partnership (0 when not partners)',
    make:
      ([a, b], o) =>
      (s) =>
        dependence(s, { neutral: o.neutral }).find(
          (d) => (d.junior === a && d.senior === b) || (d.junior === b && d.senior === a),
        )?.asymmetry ?? 0,
  },
};

function triangleOf(s: Snapshot, o: MeasureOptions, args: string[]) {
  return triangleInSnapshot(s, args as [string, string, string], { neutral: o.neutral });
}

/** One line per measure, for `--help`. */
export function measureHelp(): string {
  return Object.entries(KINDS)
    .map(([name, k]) => `  ${[name, ...k.args].join(':').padEnd(26)} ${k.help}`)
    .join('\n');
}

/** A parsed measure: its spec and the function computing it on a snapshot. */
export interface Measure {
  spec: string;
  fn: (s: Snapshot) => Promise<MeasureValue>;
}

/**
 * Parses a measure spec (`name` or `name:ARG:…`).
 *
 * @example
 * const m = parseMeasure('tilt:X:A:B');
 * await m.fn(snapshot(world, '2021-12')); // e.g. 0.25
 */
export function parseMeasure(spec: string, options: Partial<MeasureOptions> = {}): Measure {
  const opts = { ...MEASURE_DEFAULTS, ...options };
  const [name = '', ...args] = spec.split(':');
  const kind = Object.hasOwn(KINDS, name) ? KINDS[name] : undefined;
  if (!kind) {
    throw new InvalidInputError({
      field: 'measure',
      message: `unknown measure '${name}'`,
      hint: `use one of ${Object.keys(KINDS).join(', ')}`,
    });
  }
  if (args.length !== kind.args.length || args.some((x) => x === '')) {
    throw new InvalidInputError({
      field: 'measure',
      message: `'${spec}' needs ${kind.args.length} argument(s)`,
      hint: `write ${[name, ...kind.args].join(':')}`,
    });
  }
  const fn = kind.make(args, opts);
  return {
    spec,
    fn: async (s) => {
      if (!known(s, args)) {
        const missing = args.filter((id) => !s.actors.some((a) => a.id === id));
        throw new NotFoundError(`unknown actor(s) ${missing.join(', ')} in '${spec}'`);
      }
      return fn(s);
    },
  };
}
