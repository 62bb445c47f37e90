import { describe, expect, it } from 'vitest';
import { tieValue } from '../src/analysis/from-snapshot.js';
import { runTour } from '../src/tour/tour.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';

describe('the guided tour', () => {
  it('computes every table from the world it tours', async () => {
    const sections = await runTour('eurasia');
    expect(sections.length).toBeGreaterThanOrEqual(6);
    const snap = snapshot(loadWorld('eurasia'), '2021-12');
    const matrix = sections.find((s) => s.table?.header[0] === '' && s.table.header.includes('RUS'))!.table!;
    for (const row of matrix.rows) {
      row.slice(1).forEach((cell, k) => {
        const other = matrix.header[k + 1]!;
        if (other !== row[0])
          expect(Math.abs(Number(cell) - tieValue(snap, row[0]!, other))).toBeLessThanOrEqual(0.0051);
      });
    }
    const triangles = sections.find((s) => s.table?.header[1] === 'type')!.table!;
    expect(
      triangles.rows.every((r) =>
        ['romantic', 'stable-marriage', 'menage-a-trois', 'unit-veto', 'incomplete'].includes(r[1]!),
      ),
    ).toBe(true);
  });

  it('rejects a world without a tour', async () => {
    await expect(runTour('atlantis')).rejects.toThrow(/no tour for world 'atlantis'/);
  });
});
