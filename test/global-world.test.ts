/**
 * The bundled `global` world: sanity checks from the data (issue #13's acceptance), and the
 * build's handling of bad input (missing, truncated or renamed files, unknown codes): a clear
 * error, and nothing written.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/domain/errors.js';
import type { Layer, World } from '../src/domain/world.js';
import { readSipri } from '../src/evidence/readers/sipri.js';
import { readDatasetText } from '../src/worlds/global/build.js';
import { BUILT_FILE } from '../src/worlds/global/built-format.js';
import { rebuildGlobal } from '../src/worlds/global/rebuild.js';
import { DATASETS } from '../src/worlds/global/sources.js';
import { loadWorld } from '../src/worlds/load.js';
import { snapshot } from '../src/worlds/snapshot.js';

const DATASETS_DIR = new URL('../data/datasets', import.meta.url).pathname;
const GLOBAL_DIR = new URL('../data/worlds/global', import.meta.url).pathname;
const BIN = new URL('../bin/counterbalance.js', import.meta.url).pathname;
let world: World;
beforeAll(() => {
  world = loadWorld('global');
});

const snaps = new Map<string, ReturnType<typeof snapshot>>();
function tie(year: number, a: string, b: string, layer: Layer = 'composite'): number | undefined {
  const key = String(year);
  const s = snaps.get(key) ?? snapshot(world, key);
  snaps.set(key, s);
  const [x, y] = a < b ? [a, b] : [b, a];
  const list = layer === 'composite' ? s.ties : s.byDimension[layer];
  return list.find((t) => t.a === x && t.b === y)?.value;
}
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('global world from the data', () => {
  it('has every COW state since 1946 with its COW code, and cites a dataset row for every tie', () => {
    expect(world.actors.length).toBeGreaterThan(190);
    expect(world.actors.every((a) => a.cow !== undefined)).toBe(true);
    expect(world.actorById.get('RUS')!.cow).toBe(365);
    expect(world.actorById.get('DEU')!.aliases).toContain('German Federal Republic');
    const s = snapshot(world, '1980');
    for (const t of s.byDimension.military.slice(0, 50)) {
      for (const id of t.evidence) expect(world.evidenceById.get(id)?.rows?.length).toBeGreaterThan(0);
    }
  });

  it('India–Pakistan is negative in every year both exist while the dispute data run (1947–2014)', () => {
    for (const y of years(1948, 2014)) {
      expect(tie(y, 'IND', 'PAK', 'security'), `security ${y}`).toBeLessThan(0);
      expect(tie(y, 'IND', 'PAK'), `composite ${y}`).toBeLessThan(0);
    }
  });

  it('China–Pakistan is positive whenever the data tie them, and every year from 1963 on', () => {
    for (const y of years(1948, 2018)) {
      const v = tie(y, 'CHN', 'PAK');
      if (y >= 1963) expect(v, String(y)).toBeDefined();
      if (v !== undefined) expect(v, String(y)).toBeGreaterThan(0);
    }
  });

  it('US–USSR is negative from the 1950s to the 1980s', () => {
    for (const y of years(1950, 1989)) expect(tie(y, 'RUS', 'USA'), String(y)).toBeLessThan(0);
  });

  it('the Sino–Soviet split shows in the 1960s: the tie falls from the 1950s and the 1969 clashes are hostile', () => {
    expect(mean(years(1960, 1969).map((y) => tie(y, 'CHN', 'RUS')!))).toBeLessThan(
      mean(years(1950, 1959).map((y) => tie(y, 'CHN', 'RUS')!)) - 0.2,
    );
    expect(tie(1969, 'CHN', 'RUS', 'security')).toBeLessThan(-0.5);
  });

  it('Russia–Pakistan rises after 2010', () => {
    const before = mean(years(2006, 2010).map((y) => tie(y, 'PAK', 'RUS') ?? 0));
    const after = mean(years(2015, 2018).map((y) => tie(y, 'PAK', 'RUS') ?? 0));
    expect(after).toBeGreaterThan(before + 0.1);
  });

  it("Russia's arms transfers to India are far above those to Pakistan", () => {
    const { transfers } = readSipri(readDatasetText(DATASETS_DIR, DATASETS.sipri.file));
    const to = (r: number) =>
      transfers.filter((t) => t.supplier === 365 && t.recipient === r).reduce((s, t) => s + t.tiv, 0);
    expect(to(750)).toBeGreaterThan(10 * to(770));
    for (const y of years(1975, 2018)) {
      expect(tie(y, 'IND', 'RUS', 'military')!, String(y)).toBeGreaterThan(
        tie(y, 'PAK', 'RUS', 'military') ?? 0,
      );
    }
  });

  it('NATO founding members are positive with each other, 1950–2018', () => {
    const nato = ['USA', 'CAN', 'GBR', 'FRA', 'BEL', 'NLD', 'LUX', 'NOR', 'DNK', 'ISL', 'ITA', 'PRT'];
    for (const y of years(1950, 2018).filter((y) => y % 4 === 0)) {
      for (const a of nato)
        for (const b of nato)
          if (a < b) {
            expect(tie(y, a, b, 'military'), `${a}-${b} ${y}`).toBeGreaterThan(0.5);
            expect(tie(y, a, b), `${a}-${b} ${y}`).toBeGreaterThan(0);
          }
    }
  });

  it('says where a source ends and invents nothing after it', () => {
    expect(tie(2015, 'IND', 'PAK', 'security')).toBeUndefined();
    expect(tie(2019, 'FRA', 'GBR', 'military')).toBeUndefined();
    const last = world.ties
      .find((t) => t.dimension === 'security' && t.a === 'IND' && t.b === 'PAK')!
      .observations.at(-1)!;
    expect(last.until).toBe('2014');
    expect(last.note).toMatch(/MID 5\.0 ends in 2014/);
  });

  it('a dissolved state is in the snapshot during its COW lifetime only, and has no tie after it', () => {
    const ids = (at: string) => new Set(snapshot(world, at).actors.map((a) => a.id));
    expect(ids('1980').has('DDR')).toBe(true);
    expect(ids('2000').has('DDR')).toBe(false);
    expect(ids('2000').has('CSK')).toBe(false);
    expect(ids('2000').has('DEU')).toBe(true);
    const ddr = world.ties.filter((t) => t.a === 'DDR' || t.b === 'DDR').flatMap((t) => t.observations);
    expect(ddr.length).toBeGreaterThan(0);
    expect(ddr.every((o) => Number(o.until ?? o.at) <= 1990)).toBe(true);
  });
});

describe('global proximity from contiguity and border distances', () => {
  const series = (a: string, b: string) =>
    world.ties.find((t) => t.dimension === 'proximity' && t.a === a && t.b === b);

  it('India–Pakistan and the US–Canada share land borders: proximity 1 in every year both exist to 2019', () => {
    for (const y of years(1948, 2019)) expect(tie(y, 'IND', 'PAK', 'proximity'), String(y)).toBe(1);
    for (const y of years(1946, 2019)) expect(tie(y, 'CAN', 'USA', 'proximity'), String(y)).toBe(1);
  });

  it('the US and China are not land-contiguous', () => {
    for (const y of years(1946, 2019))
      expect(tie(y, 'CHN', 'USA', 'proximity') ?? 0, String(y)).toBeLessThan(1);
    const rows = (series('CHN', 'USA')?.observations ?? [])
      .flatMap((o) => o.evidence)
      .flatMap((id) => world.evidenceById.get(id)?.rows ?? []);
    expect(rows.some((r) => r.conttype === 1)).toBe(false);
  });

  it('every observation lies in (0, 1] and cites contiguity or CShapes rows', () => {
    const prox = world.ties.filter((t) => t.dimension === 'proximity');
    expect(prox.length).toBeGreaterThan(500);
    for (const t of prox)
      for (const o of t.observations) {
        expect(o.value).toBeGreaterThan(0);
        expect(o.value).toBeLessThanOrEqual(1);
        expect(o.evidence.length).toBeGreaterThan(0);
        for (const id of o.evidence) {
          const ev = world.evidenceById.get(id)!;
          expect(['cow-contdir-3.2', 'cshapes-2.0']).toContain(ev.source);
          expect(ev.rows!.every((r) => typeof r.ccode1 === 'number' && typeof r.from === 'number')).toBe(
            true,
          );
        }
      }
    const ind = series('IND', 'PAK')!.observations.flatMap((o) => o.evidence);
    expect(new Set(ind.map((id) => world.evidenceById.get(id)!.source))).toEqual(
      new Set(['cow-contdir-3.2', 'cshapes-2.0']),
    );
  });

  it('ends with CShapes in 2019 and says so; nothing after it', () => {
    expect(tie(2020, 'IND', 'PAK', 'proximity')).toBeUndefined();
    const last = series('IND', 'PAK')!.observations.at(-1)!;
    expect(last.until).toBe('2019');
    expect(last.note).toBe('CShapes 2.0 distances (1990–2019) end in 2019; COW contiguity 3.2 ends in 2016');
  });

  it('stays out of the composite: its weight is 0 and the composite is the same without it', () => {
    expect(world.meta.dimensionWeights?.proximity).toBe(0);
    const without: World = { ...world, ties: world.ties.filter((t) => t.dimension !== 'proximity') };
    for (const at of ['1965', '1995', '2016']) {
      const got = snapshot(world, at);
      expect(got.byDimension.proximity.length).toBeGreaterThan(100);
      expect(got.ties).toEqual(snapshot(without, at).ties);
    }
  });
});

describe('building global from bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cb-global-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh copy of the datasets with one file changed, and an empty output folder. */
  function spoiled(file: string, change: (text: string) => string | undefined) {
    const src = join(dir, `in-${Math.random().toString(36).slice(2)}`);
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    cpSync(DATASETS_DIR, src, { recursive: true });
    cpSync(DATASETS_DIR, out, { recursive: true, filter: () => false });
    const text = readDatasetText(src, file);
    rmSync(join(src, file), { force: true });
    rmSync(join(src, `${file}.gz`), { force: true });
    const changed = change(text);
    if (changed !== undefined) writeFileSync(join(src, file), changed);
    return { src, out };
  }
  function buildError(src: string, out: string): InvalidInputError {
    try {
      rebuildGlobal({ datasets: src, out });
    } catch (e) {
      expect(existsSync(join(out, BUILT_FILE))).toBe(false);
      expect(e).toBeInstanceOf(InvalidInputError);
      return e as InvalidInputError;
    }
    throw new Error('the build did not fail');
  }

  it('a missing file names the file', () => {
    const { src, out } = spoiled(DATASETS.atop.file, () => undefined);
    expect(buildError(src, out).problems[0]).toMatchObject({ file: DATASETS.atop.file });
  });

  it('a truncated file names the file, line and field', () => {
    const { src, out } = spoiled(DATASETS.states.file, (t) => t.slice(0, t.indexOf('\n', 2000) + 12));
    const p = buildError(src, out).problems[0]!;
    expect(p.file).toBe(DATASETS.states.file);
    expect(p.line).toBeGreaterThan(1);
    expect(p.field).toBeTruthy();
  });

  it('a renamed column names the file, line 1 and the column', () => {
    const { src, out } = spoiled(DATASETS.atop.file, (t) => t.replace('"atop_defense"', '"defense"'));
    expect(buildError(src, out).problems[0]).toMatchObject({
      file: DATASETS.atop.file,
      line: 1,
      field: 'atop_defense',
    });
  });

  it('an unknown country code names the file, line and field', () => {
    const { src, out } = spoiled(DATASETS.atop.file, (t) => `${t.trimEnd()}\n2,999,1990,1,0,0,0,0\n`);
    const p = buildError(src, out).problems[0]!;
    expect(p).toMatchObject({ file: DATASETS.atop.file, field: 'ccode2' });
    expect(p.line).toBe(t_lines(readDatasetText(src, DATASETS.atop.file)));
    expect(p.message).toMatch(/999/);
  });

  it('a truncated gzip file names the file and the line it breaks off in', () => {
    const { src, out } = spoiled(DATASETS.atop.file, () => undefined);
    const gz = readFileSync(join(DATASETS_DIR, `${DATASETS.atop.file}.gz`));
    writeFileSync(join(src, `${DATASETS.atop.file}.gz`), gz.subarray(0, gz.length >> 1));
    const p = buildError(src, out).problems[0]!;
    expect(p.file).toBe(`${DATASETS.atop.file}.gz`);
    expect(p.line).toBeGreaterThan(1);
    expect(p.message).toMatch(/decompress/);
  });

  describe.each([
    ['missing', () => undefined, {}],
    ['truncated', (t: string) => t.slice(0, t.indexOf('\n', 5000) + 6), {}],
    ['renamed column', (t: string) => t.replace('"mindist"', '"distance"'), { line: 1, field: 'mindist' }],
    ['unknown code', (t: string) => `${t.trimEnd()}\n2,999,2000,10\n`, { field: 'ccode2' }],
  ] as const)('CShapes distances, %s', (name, change, want) => {
    it('names the file (and the line and field)', () => {
      const { src, out } = spoiled(DATASETS.cshapes.file, change);
      const p = buildError(src, out).problems[0]!;
      expect(p).toMatchObject({ file: DATASETS.cshapes.file, ...want });
      if (name === 'missing') return;
      expect(p.field).toBeTruthy();
      const lines = t_lines(readDatasetText(src, DATASETS.cshapes.file));
      expect(p.line).toBe(name === 'renamed column' ? 1 : lines);
    });
  });

  it('an unknown contiguity type names the file, line and field', () => {
    const { src, out } = spoiled(
      DATASETS.contiguity.file,
      (t) => `${t.trimEnd()}\n2,20,9,"1990-01-01","2016-12-01"\n`,
    );
    const p = buildError(src, out).problems[0]!;
    expect(p).toMatchObject({ file: DATASETS.contiguity.file, field: 'conttype' });
    expect(p.line).toBe(t_lines(readDatasetText(src, DATASETS.contiguity.file)));
  });

  it('a failed build leaves the world already in the output folder byte for byte as it was', () => {
    const { src, out } = spoiled(DATASETS.atop.file, (t) => t.replace('"atop_defense"', '"defense"'));
    const before = readFileSync(join(GLOBAL_DIR, BUILT_FILE));
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, BUILT_FILE), before);
    expect(() => rebuildGlobal({ datasets: src, out })).toThrow(InvalidInputError);
    expect(readFileSync(join(out, BUILT_FILE)).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([BUILT_FILE]);
  });

  it('the CLI exits 1 and names the file, line and field', () => {
    const { src, out } = spoiled(DATASETS.atop.file, (t) => `${t.trimEnd()}\n2,999,1990,1,0,0,0,0\n`);
    const r = spawnSync(
      process.execPath,
      [BIN, 'world', 'build', 'global', '--datasets', src, '--out', out],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(DATASETS.atop.file);
    expect(r.stderr).toContain('ccode2');
    expect(r.stderr).toContain(String(t_lines(readDatasetText(src, DATASETS.atop.file))));
    expect(existsSync(join(out, BUILT_FILE))).toBe(false);
  }, 120_000);

  it('a damaged built file is refused, not half-read', () => {
    const out = join(dir, 'damaged');
    cpSync(new URL('../data/worlds/global', import.meta.url).pathname, out, { recursive: true });
    const gz = readFileSync(join(out, BUILT_FILE));
    writeFileSync(join(out, BUILT_FILE), gz.subarray(0, gz.length >> 1));
    expect(() => loadWorld(out)).toThrow(InvalidInputError);
  });
});

function t_lines(text: string): number {
  return text.trimEnd().split('\n').length;
}
