/**
 * The built `global` world stores each series' set of source grades (built format v4), and a
 * snapshot of the world it was read as takes them instead of looking every observation's evidence
 * up. Checked against the general path, which a copy of the world (not bound to the stored grades)
 * takes: byte for byte, on several dates, every layer, default and custom grade factors.
 */
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../src/domain/schema.js';
import type { World } from '../src/domain/world.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { columnSlice, sliceGradeSet } from '../src/worlds/tie-columns.js';

const DATES = ['1950', '1985', '2001-09', '2023'];
const LAYERS = ['composite', ...DIMENSIONS] as const;

describe('global: snapshot from stored grade sets against the general path', () => {
  const world = loadWorld('global');
  // A spread copy has the same series but is another world: its grades come from its evidence.
  const general: World = { ...world };

  it('the loaded world takes the stored grade sets, a copy of it does not', () => {
    const slice = columnSlice(world.ties[0]!)!;
    expect(sliceGradeSet(slice, 0, world)).toBeTypeOf('number');
    expect(sliceGradeSet(slice, 0, general)).toBeUndefined();
  });

  it('gives byte-identical snapshots on every layer, with default and custom grade factors', () => {
    const custom = { grades: { A: 1, B: 0.3, C: 0.2, D: 0.1, E: 0.05, F: 0.7 } };
    for (const at of DATES) {
      for (const layer of LAYERS) {
        for (const options of [{ layer }, { layer, ...custom }]) {
          const fast = JSON.stringify(snapshot(world, at, options));
          expect(fast, `${at} ${layer}`).toBe(JSON.stringify(snapshot(general, at, options)));
        }
      }
      // The factors do reach the result (else the comparison above would prove nothing of them).
      expect(JSON.stringify(snapshot(world, at, custom).ties)).not.toBe(
        JSON.stringify(snapshot(world, at).ties),
      );
    }
    // Still column-backed: the snapshots read the columns, not observation objects.
    expect(world.ties.every((s) => columnSlice(s) !== undefined)).toBe(true);
  });
});
