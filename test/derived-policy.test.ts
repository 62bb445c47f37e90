/**
 * The policy for derived against curated observations (docs/design.md §3, "Derived beside
 * curated"), one test per rule: a derived series of a curated dyad and dimension is accepted and
 * kept visible; two curated series of one dyad and dimension are refused with file, field and
 * hint; the snapshot uses the curated value, reports the derived one beside it, and averages
 * neither into the other.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorldValidationError } from '../src/domain/errors.js';
import type { TieSeries } from '../src/domain/schema.js';
import type { World } from '../src/domain/world.js';
import type { WorldSource } from '../src/domain/world-source.js';
import { loadWorld } from '../src/worlds/load.js';
import { openWorld } from '../src/worlds/open-world.js';
import { composeWorld } from '../src/worlds/overlay.js';
import { snapshot } from '../src/worlds/snapshot.js';
import { brokenWorld } from './helpers/temp-world.js';

const MINI = 'test/fixtures/mini-world';

/** A source deriving one AAA–BBB series (mini curates the diplomatic and military ones). */
function source(
  origin: string,
  value: number,
  dimension: TieSeries['dimension'] = 'diplomatic',
): WorldSource {
  const series: TieSeries = {
    a: 'AAA',
    b: 'BBB',
    dimension,
    directed: false,
    origin,
    observations: [{ at: '2012', value, confidence: 0.6, evidence: [`${origin}-1`] }],
  };
  return {
    origin,
    facts: () => ({
      ties: [series],
      evidence: [{ id: `${origin}-1`, source: `${origin}-doc`, quote: `${origin} rows 1–40` }],
      sources: [{ id: `${origin}-doc`, kind: 'document', title: `${origin} store`, grade: 'B' }],
    }),
  } as WorldSource;
}

const aaaBbb = (w: World, at: string, layer: 'diplomatic' | 'composite') =>
  snapshot(w, at, { layer }).ties.find((t) => t.a === 'AAA' && t.b === 'BBB')!;

describe('derived beside curated', () => {
  it('accepts a derived series for a dyad and dimension the curated files cover, and keeps it visible', () => {
    const w = openWorld(MINI, { sources: [source('events', -0.9)] });
    expect(w.meta.id).toBe('mini+events');
    const both = w.ties.filter((t) => t.a === 'AAA' && t.b === 'BBB' && t.dimension === 'diplomatic');
    expect(both.map((t) => t.origin)).toEqual([undefined, 'events']);
    const alt = aaaBbb(w, '2013', 'diplomatic').alternatives;
    expect(alt).toEqual([expect.objectContaining({ origin: 'events', value: -0.9, evidence: ['events-1'] })]);
    expect(w.evidenceById.get('events-1')?.source).toBe('events-doc');
  });

  it('refuses a second curated series of one dyad and dimension in another file, with file, field and hint', () => {
    const dir = brokenWorld((t) =>
      t.replace('name: A three-state test world', 'name: A two-file test world'),
    );
    writeFileSync(
      join(dir, 'x-ties.yaml'),
      'ties:\n  - a: BBB\n    b: AAA\n    dimension: diplomatic\n    observations:\n      - { at: "2012", value: 0.1, evidence: [e1] }\n',
    );
    let error: unknown;
    try {
      loadWorld(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorldValidationError);
    const p = (error as WorldValidationError).problems.find((q) =>
      /a second diplomatic series/.test(q.message),
    )!;
    expect(p.message).toMatch(/for BBB–AAA \(first in .*world\.yaml line \d+\)/);
    expect(p.message).not.toMatch(/from '/);
    expect(p.file).toMatch(/x-ties\.yaml$/);
    expect(p.line).toBe(2);
    expect(p.field).toBe('ties[0]');
    expect(p.hint).toMatch(/one series/);
  });

  it('refuses a derived series that calls itself curated, and a source that hands over series of another origin', () => {
    const dir = brokenWorld((t) =>
      t.replace('    dimension: military\n', '    dimension: military\n    origin: curated\n'),
    );
    expect(() => loadWorld(dir)).toThrow(/origin 'curated' is reserved/);
    const mini = loadWorld(MINI);
    expect(() => composeWorld(mini, [source('curated', 0.1)])).toThrow(/may not call itself 'curated'/);
    const liar = { ...source('events', 0.1), origin: 'global' } as WorldSource;
    expect(() => composeWorld(mini, [liar])).toThrow(
      /source 'global' hands over a diplomatic series AAA–BBB with origin 'events'/,
    );
  });

  it('uses the curated value in the layer and the composite, and reports the derived one beside it, unaveraged', () => {
    const curated = loadWorld(MINI);
    const w = composeWorld(curated, [source('events', -0.9), source('dataset', 0.05)]);
    for (const layer of ['diplomatic', 'composite'] as const) {
      const plain = aaaBbb(curated, '2013', layer);
      const got = aaaBbb(w, '2013', layer);
      expect(got.value).toBe(plain.value);
      expect(got.confidence).toBe(plain.confidence);
      expect(got.origin).toBeUndefined();
    }
    const diplomatic = aaaBbb(w, '2013', 'diplomatic');
    expect(diplomatic.value).toBe(0.7);
    expect(diplomatic.alternatives?.map((a) => [a.origin, a.value])).toEqual([
      ['events', -0.9],
      ['dataset', 0.05],
    ]);
    // Where the curated files are silent the derived value is used, and says so.
    const economic = snapshot(composeWorld(curated, [source('events', -0.4, 'economic')]), '2013', {
      layer: 'economic',
    }).ties.find((t) => t.a === 'AAA' && t.b === 'BBB');
    expect(economic).toMatchObject({ value: -0.4, origin: 'events' });
  });
});
