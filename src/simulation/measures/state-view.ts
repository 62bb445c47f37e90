/**
 * Snapshot views of a simulated state: the engine's tie matrix and capabilities dressed as the
 * `Snapshot` the analysis layer reads, so every followed measure is the analysis function itself.
 * A view (all actors, or a few named ones and the ties among them) is made once and refilled for
 * each state — a run takes its measures on hundreds of states, and allocating a snapshot for each
 * would cost more than the measures. A view is valid until the viewer moves to the next state.
 * The simulation is composite-only, so `byDimension` is empty. Ties and CINC shares move with the
 * state; every other capability (military expenditure, arms imports) is the world's at the start
 * date.
 */
import { type Actor, DIMENSIONS, type Dimension } from '../../domain/schema.js';
import type { CapabilityAt, Snapshot, TieAt } from '../../domain/world.js';

/** The actors of a view and which dyads the world observed (those always count as ties). */
export interface ViewModel {
  world: string;
  at: string;
  actors: readonly Actor[];
  n: number;
  observed: Uint8Array;
  /** Capability records at the start date (undefined without one): only the CINC share moves. */
  records: readonly (CapabilityAt | undefined)[];
}

/** One view: its snapshot object, the dyads it holds and their sign codes. */
export interface Frame {
  readonly snapshot: Snapshot;
  /** Model index of each of the frame's actors, in the world's order. */
  readonly members: readonly number[];
  /** Linear index i·n + j of each dyad (i < j) and the tie object that shows it. */
  readonly cells: Int32Array;
  readonly tieOf: readonly TieAt[];
  readonly caps: readonly CapabilityAt[];
  /** Per dyad: 0 neutral, 1 positive, 2 negative beyond the neutral band (see `StateViewer.signs`). */
  readonly codes: Uint8Array;
  /** Whether `fill` writes the CINC shares (false: the view's capabilities keep the start's zeros). */
  capabilities: boolean;
}

function emptyLayers(): Record<Dimension, TieAt[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as Record<Dimension, TieAt[]>;
}

/**
 * Views of one state after another.
 *
 * @example
 * const viewer = new StateViewer(model, 0.1);
 * const abc = viewer.frame([i, j, k]);
 * viewer.view(engine.s.W, engine.s.c);
 * triangleInSnapshot(viewer.fill(abc), ['A', 'B', 'C']).type;
 */
export class StateViewer {
  private W: Float64Array = new Float64Array(0);
  private c: Float64Array = new Float64Array(0);

  constructor(
    private readonly model: ViewModel,
    private readonly neutral: number,
  ) {}

  /** A view of these actors (model indices), or of all of them; `capabilities: false` when no measure on it reads them. */
  frame(actors?: readonly number[], capabilities = true): Frame {
    const { model } = this;
    const { n } = model;
    const members = [...new Set(actors ?? Array.from({ length: n }, (_, i) => i))].sort((x, y) => x - y);
    const cells: number[] = [];
    const tieOf: TieAt[] = [];
    for (let u = 0; u < members.length; u++) {
      for (let v = u + 1; v < members.length; v++) {
        const [i, j] = [members[u]!, members[v]!];
        const [a, b] = [model.actors[i]!.id, model.actors[j]!.id].sort() as [string, string];
        cells.push(i * n + j);
        tieOf.push({
          a,
          b,
          dimension: 'composite',
          value: 0,
          confidence: 1,
          observed: model.at,
          evidence: [],
        });
      }
    }
    const caps = members.map((i) => ({
      ...model.records[i],
      actor: model.actors[i]!.id,
      year: 0,
      cinc: 0,
      evidence: [],
    }));
    return {
      snapshot: {
        world: model.world,
        at: model.at,
        layer: 'composite',
        actors: members.map((i) => model.actors[i]!),
        ties: [],
        byDimension: emptyLayers(),
        capabilities: Object.fromEntries(caps.map((c) => [c.actor, c])),
      },
      members,
      cells: Int32Array.from(cells),
      tieOf,
      caps,
      codes: new Uint8Array(cells.length),
      capabilities,
    };
  }

  /** Moves every view to a new state (ties n×n, capabilities n). */
  view(W: Float64Array, c: Float64Array): this {
    this.W = W;
    this.c = c;
    return this;
  }

  /** The frame's snapshot filled from the current state: a dyad is a tie when observed or non-zero. */
  fill(f: Frame): Snapshot {
    const { W, c, model } = this;
    const { observed } = model;
    const ties = f.snapshot.ties;
    let k = 0;
    for (let d = 0; d < f.cells.length; d++) {
      const x = f.cells[d]!;
      const w = W[x]!;
      if (w === 0 && !observed[x]) continue;
      const tie = f.tieOf[d]!;
      tie.value = w;
      ties[k++] = tie;
    }
    // Most states hold the same ties as the last one: set the length only when it changes.
    if (ties.length !== k) ties.length = k;
    if (f.capabilities) for (let k = 0; k < f.members.length; k++) f.caps[k]!.cinc = c[f.members[k]!]!;
    return f.snapshot;
  }

  /** Fills the frame's sign codes from the current state and returns a hash of them. */
  signs(f: Frame): number {
    this.signsMoved(f);
    return signHash(f.codes);
  }

  /**
   * Fills the frame's sign codes from the current state and tells whether any differs from what
   * the codes held before (the previous state this frame was filled from). Most steps move no sign,
   * and a caller that remembers its last value per frame can then skip hashing and lookups.
   */
  signsMoved(f: Frame): boolean {
    const { W, neutral } = this;
    const { cells, codes } = f;
    // Branch-free: signs of most dyads hold from step to step, and every state scans them all.
    let moved = 0;
    for (let d = 0; d < cells.length; d++) {
      const w = W[cells[d]!]!;
      const code = +(w >= neutral) | (+(w <= -neutral) << 1);
      moved |= codes[d]! ^ code;
      codes[d] = code;
    }
    return moved !== 0;
  }
}

/** A 30-bit FNV-1a hash of sign codes: a small integer, the cheapest key of the collector's maps. */
export function signHash(codes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let d = 0; d < codes.length; d++) h = Math.imul(h ^ codes[d]!, 0x01000193);
  return h & 0x3fffffff;
}
