import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../src/domain/schema.js';
import { loadWorld } from '../src/worlds/load.js';
import { openWorld } from '../src/worlds/open-world.js';
import { composeWorld, worldSource } from '../src/worlds/overlay.js';
import { snapshot } from '../src/worlds/snapshot.js';

const eurasia = loadWorld('eurasia');
const global = loadWorld('global');
const both = openWorld('eurasia+global');

describe('eurasia overlaid with global', () => {
  it('keeps the actors, capabilities and curated facts of eurasia', () => {
    expect(both.meta.id).toBe('eurasia+global');
    expect(both.actors).toEqual(eurasia.actors);
    expect(both.capabilities).toEqual(eurasia.capabilities);
    expect(both.ties.filter((t) => t.origin === undefined)).toEqual(eurasia.ties);
  });

  it('uses curated values where eurasia has them and shows the dataset value beside them', () => {
    let compared = 0;
    for (const at of ['2012', '2014']) {
      for (const d of DIMENSIONS) {
        const own = new Map(snapshot(eurasia, at, { layer: d }).ties.map((t) => [`${t.a}-${t.b}`, t]));
        const data = new Map(snapshot(global, at, { layer: d }).ties.map((t) => [`${t.a}-${t.b}`, t]));
        for (const t of snapshot(both, at, { layer: d }).ties) {
          const key = `${t.a}-${t.b}`;
          const curated = own.get(key);
          const derived = data.get(key);
          if (curated) {
            expect(t.value).toBe(curated.value);
            expect(t.origin).toBeUndefined();
            if (derived) {
              expect(t.alternatives).toEqual([
                expect.objectContaining({ origin: 'global', value: derived.value }),
              ]);
              compared += 1;
            }
          } else {
            expect(derived).toBeDefined();
            expect(t.value).toBe(derived!.value);
            expect(t.origin).toBe('global');
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('fills years eurasia is silent on from the datasets, citing evidence that resolves', () => {
    const tie = snapshot(both, '1985', { layer: 'security' }).ties.find(
      (t) => t.a === 'IND' && t.b === 'PAK',
    );
    expect(tie?.origin).toBe('global');
    expect(tie!.value).toBeLessThan(0);
    for (const t of both.ties)
      for (const o of t.observations) for (const e of o.evidence) expect(both.evidenceById.has(e)).toBe(true);
  });

  it("keeps global's proximity out of the composite: eurasia has no proximity, so global's weight 0 holds", () => {
    expect(eurasia.ties.some((t) => t.dimension === 'proximity')).toBe(false);
    expect(both.meta.dimensionWeights?.proximity).toBe(0);
    const without = { ...both, ties: both.ties.filter((t) => t.dimension !== 'proximity') };
    for (const at of ['1995', '2016']) {
      const got = snapshot(both, at);
      expect(snapshot(both, at, { layer: 'proximity' }).ties.length).toBeGreaterThan(10);
      expect(got.ties).toEqual(snapshot(without, at).ties);
    }
  });

  it('refuses to overlay a world of curated ties', () => {
    expect(() => composeWorld(global, [worldSource(eurasia)])).toThrow(/has curated ties/);
  });
});
