/**
 * The YAML side of followed measures: a `follow:` entry (`{ triangle: [A, B, C] }`,
 * `{ tilt: X, between: [A, B] }`, `{ measure: frustration }`, …) names its kind by its key, and the
 * kind's own schema checks the rest. Entries stay as written (so a parsed scenario can be posted
 * again); `followSpec` turns one into the kind and its actor ids.
 */
import { z } from 'zod';
import { closest } from '../../worlds/suggest.js';
import { MEASURE_KINDS } from './index.js';
import type { FollowSpec, MeasureKind } from './types.js';

export type FollowEntry = Record<string, unknown>;

const NAMED = MEASURE_KINDS.filter((k) => k.value !== undefined);
const KEYED = MEASURE_KINDS.filter((k) => k.value === undefined);
/** How every kind is written, for hints. */
export const FOLLOW_SYNTAX = MEASURE_KINDS.map((k) => k.syntax).join(', ');

type Found = { kind: MeasureKind } | { message: string; path: (string | number)[] };

function kindOf(entry: FollowEntry): Found {
  const keyed = KEYED.filter((k) => k.key in entry);
  if (keyed.length === 1 && !('measure' in entry)) return { kind: keyed[0]! };
  if ('measure' in entry && keyed.length === 0) {
    const named = NAMED.find((k) => k.value === entry.measure);
    if (named) return { kind: named };
    const near =
      typeof entry.measure === 'string'
        ? closest(
            entry.measure,
            NAMED.map((k) => k.value!),
          )
        : undefined;
    return {
      message:
        `unknown measure ${JSON.stringify(entry.measure)}` +
        ` (${near ? `did you mean '${near}'? ` : ''}measures: ${NAMED.map((k) => k.value).join(', ')})`,
      path: ['measure'],
    };
  }
  const keys = Object.keys(entry).filter((k) => k !== 'direction');
  const near = keys.map((k) => closest(k, [...KEYED.map((x) => x.key), 'measure'])).find((x) => x);
  return {
    message:
      `${keyed.length > 1 ? 'a measure entry names one measure' : `unknown measure '${keys.join(', ')}'`}` +
      ` (${near && keyed.length === 0 ? `did you mean '${near}'? ` : ''}write one of ${FOLLOW_SYNTAX})`,
    path: [],
  };
}

/** Checks one entry, adding its problems to `ctx` (paths relative to the entry). */
function check(entry: FollowEntry, ctx: z.RefinementCtx): MeasureKind | undefined {
  const found = kindOf(entry);
  if (!('kind' in found)) {
    ctx.addIssue({ code: 'custom', message: found.message, path: found.path });
    return undefined;
  }
  const parsed = found.kind.schema.safeParse(entry);
  if (parsed.success) return found.kind;
  for (const issue of parsed.error.issues) ctx.addIssue(issue as unknown as z.core.$ZodRawIssue);
  return undefined;
}

/** A `follow:` entry: validated, kept as written. */
export const FollowEntrySchema = z
  .record(z.string(), z.unknown())
  .superRefine((entry, ctx) => void check(entry, ctx))
  .describe(`a measure to follow step by step: ${FOLLOW_SYNTAX}`);

/** An `expect:` entry on a measure: a numeric follow entry plus `direction`. */
export const MeasureExpectationSchema = z
  .object({ direction: z.enum(['positive', 'negative']) })
  .catchall(z.unknown())
  .superRefine((entry, ctx) => {
    const { direction: _d, ...rest } = entry;
    const kind = check(rest, ctx);
    if (kind?.outcomes) {
      ctx.addIssue({
        code: 'custom',
        message: `${kind.syntax} has outcomes, not a size: a direction fits numeric measures only`,
        path: [kind.key],
      });
    }
  });

/**
 * The kind and actor ids of a valid entry (`direction` of an expectation is ignored).
 *
 * @example
 * followSpec({ tilt: 'X', between: ['A', 'B'] }); // { kind: 'tilt', args: ['X', 'A', 'B'], … }
 */
export function followSpec(entry: FollowEntry): FollowSpec {
  const { direction: _d, ...rest } = entry;
  const found = kindOf(rest);
  if (!('kind' in found)) throw new RangeError(found.message);
  return { kind: found.kind.id, ...found.kind.args(found.kind.schema.parse(rest) as never) };
}

/** Whether an `expect:` entry is about a measure (not a tie or a capability). */
export function isMeasureEntry(entry: object): boolean {
  return !('pair' in entry) && !('capability' in entry);
}
