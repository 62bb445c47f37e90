import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../src/domain/schema.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { evidenceIndex, worldStats } from '../src/worlds/stats.js';
import { cli } from './helpers/cli.js';

const world = loadWorld('eurasia');
const seeds = new URL('../../shared/seeds/', import.meta.url);
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const CORE = ['CHN', 'IND', 'PAK', 'RUS', 'USA'];

describe('the bundled eurasia world', () => {
  it('covers the system the seeds describe, not a sample', () => {
    const s = worldStats(world);
    expect(s.actors).toBeGreaterThanOrEqual(25);
    expect(s.observations).toBeGreaterThanOrEqual(80);
    expect(s.events).toBeGreaterThanOrEqual(30);
    expect(s.claims).toBeGreaterThanOrEqual(20);
    const kinds = new Set(world.actors.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['nonstate', 'organization', 'state']));
    for (const org of ['SCO', 'BRICS', 'CSTO', 'EAEU', 'SAARC', 'NSG', 'TALIBAN', 'ISKP']) {
      expect(world.actorById.has(org), org).toBe(true);
    }
    const corridorText = world.corridors.map((c) => `${c.id} ${c.name}`).join(' | ');
    for (const name of [
      /CPEC/,
      /PSGP|Pakistan Stream/,
      /PAKAFUZ/,
      /N-CPEC\+/,
      /NSTC|North.South Transport/,
      /Vladivostok/,
      /Siberian/,
    ]) {
      expect(corridorText).toMatch(name);
    }
    // every dimension the seeds argue in; proximity (contiguity, border distance) comes from the
    // datasets of `global`, never from a curated world
    const dims = new Set(world.ties.map((t) => t.dimension));
    expect([...dims].sort()).toEqual(DIMENSIONS.filter((d) => d !== 'proximity').sort());
  });

  it('has several time points for the core dyads, 2014-2021, with background to 1971', () => {
    for (let i = 0; i < CORE.length; i++) {
      for (let j = i + 1; j < CORE.length; j++) {
        const dates = world.ties
          .filter((t) => [t.a, t.b].sort().join() === [CORE[i], CORE[j]].sort().join())
          .flatMap((t) => t.observations.map((o) => o.at));
        expect(dates.length, `${CORE[i]}-${CORE[j]}`).toBeGreaterThanOrEqual(3);
      }
    }
    const years = world.ties.flatMap((t) => t.observations.map((o) => Number(o.at.slice(0, 4))));
    expect(Math.min(...years)).toBeLessThanOrEqual(1971);
    expect(years.filter((y) => y >= 2014 && y <= 2021).length).toBeGreaterThanOrEqual(60);
  });

  it('cites evidence for every fact, and every evidence record is used', () => {
    const unused = evidenceIndex(world).filter((e) => e.usedBy.length === 0);
    expect(unused.map((e) => e.id)).toEqual([]);
    expect(world.capabilities.length).toBeGreaterThan(0);
    const snap = snapshot(world, '2021-12');
    for (const t of snap.ties) expect(t.evidence.length).toBeGreaterThan(0);
    expect(snap.capabilities.RUS?.cinc).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(seeds))('quotes every seed verbatim (whitespace-normalised)', () => {
    const files = new Map(world.sources.filter((s) => s.kind === 'document').map((s) => [s.id, s.file]));
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const e of world.evidence) {
      const file = files.get(e.source);
      if (!file) continue;
      if (!texts.has(file)) texts.set(file, normalise(readFileSync(new URL(file, seeds), 'utf8')));
      if (!texts.get(file)!.includes(normalise(e.quote ?? ''))) missing.push(`${e.id}: ${e.quote}`);
    }
    expect(texts.size).toBe(5);
    expect(missing).toEqual([]);
  });

  it('world stats and evidence over the CLI', () => {
    const stats = cli(['world', 'stats', '--world', 'eurasia', '--json']);
    expect(stats.code).toBe(0);
    const counts = JSON.parse(stats.stdout);
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining(['actors', 'ties', 'events', 'corridors', 'memberships', 'claims', 'evidence']),
    );
    expect(counts.actors).toBe(world.actors.length);
    const ev = JSON.parse(cli(['world', 'evidence', '--world', 'eurasia', '--json']).stdout);
    expect(ev.length).toBe(world.evidence.length);
    expect(ev[0]).toHaveProperty('usedBy');
    const ties = JSON.parse(
      cli(['ties', '--world', 'eurasia', '--at', '2021-12', '--dimension', 'military', '--json']).stdout,
    );
    for (const t of ties) {
      expect(t.a < t.b).toBe(true);
      expect(t.dimension).toBe('military');
    }
  });
});

describe('the eurasia composite when a dyad is coded on more dimensions later', () => {
  const indRus = (at: string, carryBackMonths?: number) =>
    snapshot(world, at, carryBackMonths === undefined ? {} : { missing: { carryBackMonths } }).ties.find(
      (t) => t.a === 'IND' && t.b === 'RUS',
    )!;

  it('moves IND–RUS between 2014 and 2021 as diplomacy and arms rose, not with the coding', () => {
    const dip = (at: string) =>
      snapshot(world, at, { layer: 'diplomatic' }).ties.find((t) => t.a === 'IND' && t.b === 'RUS')!;
    expect(dip('2021-12').value - dip('2014').value).toBeGreaterThanOrEqual(0.3);
    // the mean over whichever dimensions were coded hides most of it: trade and energy enter in
    // 2017-07 (connectivity is dated to the 2000 corridor agreement) and pull the mean back
    const raw = indRus('2021-12', 0).value - indRus('2014', 0).value;
    expect(raw).toBeLessThan(0.1);
    expect(indRus('2014', 0).missing).toEqual(['economic', 'energy']);
    const before = indRus('2014');
    const after = indRus('2021-12');
    expect(before.carried?.map((c) => c.dimension)).toEqual(['economic', 'energy']);
    expect(before.carried?.every((c) => c.observed === '2017-07')).toBe(true);
    expect(before.observed).toBe('2014');
    expect(after.carried).toBeUndefined();
    expect(after.value - before.value).toBeGreaterThanOrEqual(0.1);
    expect(after.value - before.value).toBeGreaterThan(raw);
  });
});
