/**
 * Builds the `global` world from the COW family of datasets in data/datasets/: every COW state
 * since 1946, yearly ties on five dimensions (transforms.ts), NMC capabilities, and one
 * evidence record per dataset and dyad whose rows give the dataset's row keys (COW codes and the
 * years, dispute or rivalry numbers). A dimension's ties stop where its source stops.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { InvalidInputError, type Problem } from '../../domain/errors.js';
import { existsAt, type Lifetime } from '../../domain/lifetime.js';
import type {
  Actor,
  Capability,
  Dimension,
  Evidence,
  Observation,
  TieSeries,
  WorldFile,
} from '../../domain/schema.js';
import { readAtop } from '../../evidence/readers/atop.js';
import { readCapitals } from '../../evidence/readers/capitals.js';
import { readContiguity } from '../../evidence/readers/contiguity.js';
import { readCowAlliance } from '../../evidence/readers/cow-alliance.js';
import { readCowMajors } from '../../evidence/readers/cow-majors.js';
import { readCowMid } from '../../evidence/readers/cow-mid.js';
import { readCowStates, type StateSpell } from '../../evidence/readers/cow-states.js';
import { readCowTradeDyadic, readCowTradeNational } from '../../evidence/readers/cow-trade.js';
import { readCrosswalk } from '../../evidence/readers/crosswalk.js';
import { readCshapesMinDist } from '../../evidence/readers/cshapes.js';
import { readNmc } from '../../evidence/readers/nmc.js';
import { readRivalries } from '../../evidence/readers/rivalries.js';
import { readSipri } from '../../evidence/readers/sipri.js';
import { readUnga, sessionYear } from '../../evidence/readers/unga.js';
import { CODE_HISTORIES } from './ids.js';
import { DATASETS, type DatasetKey } from './sources.js';
import {
  armsScore,
  diplomaticValue,
  economicValue,
  GLOBAL_DEFAULTS,
  type GlobalOptions,
  hostility,
  militaryValue,
  proximityValue,
} from './transforms.js';

export type BuildProgress = (done: number, total: number, label: string) => void;

/** How many progress steps `buildGlobal` reports. */
export const BUILD_STEPS = 10;

export interface BuiltGlobal {
  world: WorldFile;
  warnings: Problem[];
  /** Last year each dimension's ties cover. */
  ends: Record<string, number>;
}

/** Reads a dataset file (plain or gzip) from `dir`; a missing or broken file is an input error. */
export function readDatasetText(dir: string, file: string): string {
  const plain = join(dir, file);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  const gz = `${plain}.gz`;
  if (!existsSync(gz)) {
    throw new InvalidInputError({
      file,
      message: `dataset file missing (looked for ${file} and ${file}.gz in the datasets folder)`,
      hint: 'copy it into data/datasets/ (see data/worlds/global/README.md for the list)',
    });
  }
  const bytes = readFileSync(gz);
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch (e) {
    throw new InvalidInputError({
      file: `${file}.gz`,
      line: linesBeforeBreak(bytes),
      message: `cannot decompress (${(e as Error).message})`,
      hint: 'the file is truncated or not gzip; copy it again',
    });
  }
}

/** The line a damaged gzip file breaks off in: one past the complete lines that still decompress. */
function linesBeforeBreak(bytes: Buffer): number {
  let text = '';
  try {
    text = gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    // not gzip at all: it breaks in line 1
  }
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

const dyadKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Row keys of one dataset for one dyad: per COW code pair (or dispute …), the years it covers.
 * One dataset's row keys all have the same columns in the same order, so their values alone tell
 * two apart.
 */
class Provenance {
  private readonly byDyad = new Map<string, Map<string, Record<string, string | number>>>();
  add(key: string, rowKey: Record<string, string | number>, year: number): void {
    let groups = this.byDyad.get(key);
    if (!groups) {
      groups = new Map<string, Record<string, string | number>>();
      this.byDyad.set(key, groups);
    }
    let id = '';
    for (const k in rowKey) id += `${rowKey[k]}|`;
    const g = groups.get(id);
    if (!g) groups.set(id, { ...rowKey, from: year, to: year });
    else {
      if (year < (g.from as number)) g.from = year;
      if (year > (g.to as number)) g.to = year;
    }
  }
  has(key: string): boolean {
    return this.byDyad.has(key);
  }
  rows(key: string): Record<string, string | number>[] {
    return [...(this.byDyad.get(key)?.values() ?? [])];
  }
}

type YearMap = Map<string, Map<number, number>>;

function keepMax(m: YearMap, key: string, year: number, v: number, abs = false): void {
  const years = m.get(key) ?? new Map<number, number>();
  m.set(key, years);
  const old = years.get(year);
  if (old === undefined || (abs ? Math.abs(v) > Math.abs(old) : v > old)) years.set(year, v);
}

function addTo(m: YearMap, key: string, year: number, v: number): void {
  const years = m.get(key) ?? new Map<number, number>();
  m.set(key, years);
  years.set(year, (years.get(year) ?? 0) + v);
}

/** The actors: every COW state in the system in or after `fromYear`, ids per ids.ts. */
function buildActors(text: (k: DatasetKey) => string, fromYear: number) {
  const spells = readCowStates(text('states'), DATASETS.states.file).filter((s) => s.to >= fromYear);
  const crosswalk = readCrosswalk(text('crosswalk'), DATASETS.crosswalk.file);
  const capitals = readCapitals(text('capitals'), DATASETS.capitals.file);
  const idOf = new Map<number, string>();
  const actors = new Map<string, Actor>();
  const evidence = new Map<string, Evidence>();
  for (const s of spells) {
    const known = CODE_HISTORIES[s.ccode];
    const cw = crosswalk.get(s.ccode);
    const id = known?.id ?? cw?.iso3;
    if (!id) {
      throw new InvalidInputError({
        file: DATASETS.states.file,
        line: s.line,
        field: 'ccode',
        message: `COW state ${s.ccode} (${s.name}) has no ISO3 code in the crosswalk and no entry in the code histories`,
        hint: 'add the state to CODE_HISTORIES in src/worlds/global/ids.ts',
      });
    }
    idOf.set(s.ccode, id);
    const evId = `cow-states.${id}`;
    const ev = evidence.get(evId) ?? { id: evId, source: DATASETS.states.id, rows: [] };
    ev.rows!.push({ ccode: s.ccode, styear: s.from, endyear: s.to });
    evidence.set(evId, ev);
    const capital = capitals.filter((c) => c.ccode === s.ccode).sort((a, b) => b.to - a.to)[0];
    const prev = actors.get(id);
    if (prev && (prev.cow ?? 0) !== s.ccode && s.to <= (spells.find((x) => x.ccode === prev.cow)?.to ?? 0))
      continue;
    actors.set(id, {
      id,
      kind: 'state',
      name: known?.name ?? cw?.name ?? s.name,
      aliases: [
        ...new Set([...(known?.aliases ?? []), ...(s.name !== (known?.name ?? cw?.name) ? [s.name] : [])]),
      ],
      cow: s.ccode,
      region: crosswalk.get(s.ccode)?.region ?? prev?.region,
      ...(known?.note ? { note: known.note } : {}),
      ...(capital
        ? { capital: { name: capital.name, lat: capital.lat, lon: capital.lon } }
        : prev?.capital
          ? { capital: prev.capital }
          : {}),
      evidence: [evId],
    });
  }
  for (const a of actors.values())
    if (evidence.has(`capitals.${a.id}`) === false && a.capital) {
      const ccodes = [...idOf].filter(([, id]) => id === a.id).map(([c]) => c);
      evidence.set(`capitals.${a.id}`, {
        id: `capitals.${a.id}`,
        source: DATASETS.capitals.id,
        rows: ccodes.map((ccode) => ({ ccode })),
      });
      a.evidence.push(`capitals.${a.id}`);
    }
  setLifetimes(actors, idOf, spells, Math.max(...spells.map((s) => s.to)));
  return {
    idOf,
    actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    evidence: [...evidence.values()],
  };
}

/**
 * Each actor exists from the first year of its earliest spell to the last year of its latest (the
 * spells of every COW code it carries, gaps between them not kept); a state still in the system
 * when the dataset ends (`coverageEnd`) gets no `until`, since its end is not in the source.
 */
function setLifetimes(
  actors: Map<string, Actor>,
  idOf: ReadonlyMap<number, string>,
  spells: readonly StateSpell[],
  coverageEnd: number,
): void {
  for (const a of actors.values()) {
    const own = spells.filter((s) => idOf.get(s.ccode) === a.id);
    if (own.length === 0) continue;
    a.since = String(Math.min(...own.map((s) => s.from)));
    const last = Math.max(...own.map((s) => s.to));
    if (last < coverageEnd) a.until = String(last);
  }
}

/**
 * Builds the global world in memory from the dataset files in `dir`.
 *
 * @example
 * const { world } = buildGlobal('data/datasets');
 * world.actors!.length; // ≈ 190
 */
export function buildGlobal(
  dir: string,
  options: Partial<GlobalOptions> = {},
  progress: BuildProgress = () => {},
): BuiltGlobal {
  const o: GlobalOptions = { ...GLOBAL_DEFAULTS, ...options };
  let step = 0;
  const tick = (label: string) => progress(++step, BUILD_STEPS, label);
  const text = (k: DatasetKey) => readDatasetText(dir, DATASETS[k].file);
  const warnings: Problem[] = [];

  tick('states, ids, capitals');
  const { idOf, actors, evidence: actorEvidence } = buildActors(text, o.fromYear);
  // before fromYear (a dispute's lingering hostility, the arms window) states that ended before it are left out
  const actorOf = (ccode: number, file: string, line: number, field: string, year = o.fromYear): string => {
    const id = idOf.get(ccode);
    if (id) return id;
    if (year < o.fromYear) return '';
    throw new InvalidInputError({
      file,
      line,
      field,
      message: `unknown country code ${ccode} (not a COW state in the system since ${o.fromYear})`,
      hint: `COW codes are listed in ${DATASETS.states.file}`,
    });
  };
  const provenance = Object.fromEntries(
    (Object.keys(DATASETS) as DatasetKey[]).map((k) => [k, new Provenance()]),
  ) as Record<DatasetKey, Provenance>;

  // military: alliances (strongest obligation either way) and arms transfers both ways
  tick('alliances (ATOP, COW)');
  const alliance: YearMap = new Map();
  let atopEnd = 0;
  const allianceRows = [
    {
      key: 'atop' as const,
      rows: readAtop(text('atop'), DATASETS.atop.file),
      cols: ['atop_defense', 'atop_offense', 'atop_neutral', 'atop_nonagg', 'atop_consul'],
    },
    {
      key: 'cowAlliance' as const,
      rows: readCowAlliance(text('cowAlliance'), DATASETS.cowAlliance.file),
      cols: ['cow_defense', 'cow_neutral', 'cow_nonagg', 'cow_entente'],
    },
  ];
  for (const { key, rows, cols } of allianceRows) {
    const file = DATASETS[key].file;
    for (const r of rows) {
      if (key === 'atop') atopEnd = Math.max(atopEnd, r.year);
      if (r.year < o.fromYear) continue;
      const rec = r as unknown as Record<string, number>;
      let v = 0;
      for (const c of cols) if (rec[c]) v = Math.max(v, o.alliance[c] ?? 0);
      if (v === 0) continue;
      const a = actorOf(r.ccode1, file, r.line, 'ccode1');
      const b = actorOf(r.ccode2, file, r.line, 'ccode2');
      if (a === b) continue;
      const k = dyadKey(a, b);
      keepMax(alliance, k, r.year, v);
      provenance[key].add(
        k,
        r.ccode1 < r.ccode2 ? { ccode1: r.ccode1, ccode2: r.ccode2 } : { ccode1: r.ccode2, ccode2: r.ccode1 },
        r.year,
      );
    }
  }

  tick('arms transfers (SIPRI)');
  const sipri = readSipri(text('sipri'), DATASETS.sipri.file);
  warnings.push(...sipri.warnings);
  const tiv: YearMap = new Map();
  let sipriStart = Number.POSITIVE_INFINITY;
  for (const t of sipri.transfers) {
    sipriStart = Math.min(sipriStart, t.year);
    if (t.year < o.fromYear - o.armsWindow) continue;
    const a = actorOf(t.supplier, DATASETS.sipri.file, t.line, 'supplier_cown', t.year);
    const b = actorOf(t.recipient, DATASETS.sipri.file, t.line, 'recipient_cown', t.year);
    if (a === b || !a || !b) continue;
    const k = dyadKey(a, b);
    addTo(tiv, k, t.year, t.tiv);
    provenance.sipri.add(k, { supplier_cown: t.supplier, recipient_cown: t.recipient }, t.year);
  }
  const military: YearMap = new Map();
  for (const k of new Set([...alliance.keys(), ...tiv.keys()])) {
    const arms = tiv.get(k);
    const pact = alliance.get(k);
    for (let y = o.fromYear; y <= atopEnd; y++) {
      let sum = 0;
      if (arms) for (let w = y - o.armsWindow + 1; w <= y; w++) sum += arms.get(w) ?? 0;
      const v = militaryValue(pact?.get(y) ?? 0, armsScore(sum, o), o);
      if (v >= o.minAbs) keepMax(military, k, y, v);
    }
  }

  // security: disputes (decaying hostility) and strategic rivalries, negative
  tick('disputes and rivalries (MID, Thompson & Dreyer)');
  const mids = new Map<string, Map<number, number>>();
  let midEnd = 0;
  for (const r of readCowMid(text('mid'), DATASETS.mid.file)) {
    midEnd = Math.max(midEnd, r.year);
    if (r.year < o.fromYear - 20) continue;
    const a = actorOf(r.ccode1, DATASETS.mid.file, r.line, 'ccode1', r.year);
    const b = actorOf(r.ccode2, DATASETS.mid.file, r.line, 'ccode2', r.year);
    if (a === b || !a || !b) continue;
    const k = dyadKey(a, b);
    keepMax(mids, k, r.year, r.hostlev);
    provenance.mid.add(
      k,
      { dispnum: r.dispnum, ccode1: Math.min(r.ccode1, r.ccode2), ccode2: Math.max(r.ccode1, r.ccode2) },
      r.year,
    );
  }
  const rivalries = new Map<string, { from: number; to: number }[]>();
  let rivalryEnd = 0;
  for (const r of readRivalries(text('rivalries'), DATASETS.rivalries.file)) {
    rivalryEnd = Math.max(rivalryEnd, r.to);
    if (r.to < o.fromYear) continue;
    const a = actorOf(r.ccode1, DATASETS.rivalries.file, r.line, 'ccode1');
    const b = actorOf(r.ccode2, DATASETS.rivalries.file, r.line, 'ccode2');
    if (a === b) continue;
    const k = dyadKey(a, b);
    rivalries.set(k, [...(rivalries.get(k) ?? []), { from: r.from, to: r.to }]);
    provenance.rivalries.add(
      k,
      { rivalryno: r.rivalryno, ccode1: r.ccode1, ccode2: r.ccode2 },
      Math.max(r.from, o.fromYear),
    );
    provenance.rivalries.add(k, { rivalryno: r.rivalryno, ccode1: r.ccode1, ccode2: r.ccode2 }, r.to);
  }
  const security: YearMap = new Map();
  for (const k of new Set([...mids.keys(), ...rivalries.keys()])) {
    const disputes = [...(mids.get(k) ?? [])];
    for (let y = o.fromYear; y <= midEnd; y++) {
      let h = 0;
      for (const [year, lev] of disputes) if (year <= y) h = Math.max(h, hostility(lev, y - year, o));
      const rival =
        y <= rivalryEnd && (rivalries.get(k) ?? []).some((r) => r.from <= y && y <= r.to)
          ? o.rivalryValue
          : 0;
      const v = Math.max(h, rival);
      if (v >= o.minAbs) keepMax(security, k, y, -v, true);
    }
  }

  // economic: trade share of the more dependent partner
  tick('trade (COW trade)');
  // keyed by a number, not a string: the lookup runs twice for each of ~640,000 dyad-years
  const stateYear = (ccode: number, year: number) => ccode * 10_000 + year;
  const totals = new Map<number, number>();
  for (const r of readCowTradeNational(text('tradeNational'), DATASETS.tradeNational.file)) {
    if (r.year < o.fromYear) continue;
    totals.set(stateYear(r.ccode, r.year), (r.imports ?? 0) + (r.exports ?? 0));
  }
  const economic: YearMap = new Map();
  let tradeEnd = 0;
  for (const r of readCowTradeDyadic(text('tradeDyadic'), DATASETS.tradeDyadic.file)) {
    tradeEnd = Math.max(tradeEnd, r.year);
    if (r.year < o.fromYear || (r.flow1 === undefined && r.flow2 === undefined)) continue;
    const flow = (r.flow1 ?? 0) + (r.flow2 ?? 0);
    if (flow <= 0) continue;
    const a = actorOf(r.ccode1, DATASETS.tradeDyadic.file, r.line, 'ccode1');
    const b = actorOf(r.ccode2, DATASETS.tradeDyadic.file, r.line, 'ccode2');
    if (a === b) continue;
    const v = economicValue(
      flow,
      totals.get(stateYear(r.ccode1, r.year)) ?? 0,
      totals.get(stateYear(r.ccode2, r.year)) ?? 0,
      o,
    );
    if (v < o.minAbs) continue;
    const k = dyadKey(a, b);
    keepMax(economic, k, r.year, v);
    provenance.tradeDyadic.add(k, { ccode1: r.ccode1, ccode2: r.ccode2 }, r.year);
  }

  // diplomatic: UNGA ideal-point distance for politically relevant dyads and every tied dyad
  tick('UN votes (ideal points), contiguity, major powers');
  const relevant = new Set<string>([...military.keys(), ...security.keys()]);
  const contiguity = readContiguity(text('contiguity'), DATASETS.contiguity.file);
  for (const c of contiguity) {
    if (c.to < o.fromYear) continue;
    const a = actorOf(c.ccode1, DATASETS.contiguity.file, c.line, 'ccode1');
    const b = actorOf(c.ccode2, DATASETS.contiguity.file, c.line, 'ccode2');
    if (a !== b) relevant.add(dyadKey(a, b));
  }
  const majors = readCowMajors(text('majors'), DATASETS.majors.file).filter((m) => m.endyear >= o.fromYear);
  for (const m of majors) {
    const a = actorOf(m.ccode, DATASETS.majors.file, m.line, 'ccode');
    for (const b of actors) if (b.id !== a) relevant.add(dyadKey(a, b.id));
  }
  const ideal = new Map<string, Map<number, { v: number; ccode: number }>>();
  let ungaEnd = 0;
  for (const r of readUnga(text('unga'), DATASETS.unga.file)) {
    if (r.IdealPointAll === undefined) continue;
    const year = sessionYear(r.session);
    ungaEnd = Math.max(ungaEnd, year);
    const a = actorOf(r.ccode, DATASETS.unga.file, r.line, 'ccode');
    const m = ideal.get(a) ?? new Map<number, { v: number; ccode: number }>();
    ideal.set(a, m);
    // of two codes of one actor in one session (1990), the later code speaks for it
    if ((m.get(year)?.ccode ?? -1) < r.ccode) m.set(year, { v: r.IdealPointAll, ccode: r.ccode });
  }
  const diplomatic: YearMap = new Map();
  for (const k of relevant) {
    const [a, b] = k.split('|') as [string, string];
    const ia = ideal.get(a);
    const ib = ideal.get(b);
    if (!ia || !ib) continue;
    const years = new Map<number, number>();
    for (const [year, pa] of ia) {
      const pb = ib.get(year);
      if (!pb || year < o.fromYear) continue;
      const v = diplomaticValue(pa.v, pb.v, o);
      if (Math.abs(v) < o.minAbs) continue;
      years.set(year, v);
      provenance.unga.add(k, { ccode: pa.ccode }, year);
      provenance.unga.add(k, { ccode: pb.ccode }, year);
    }
    if (years.size > 0) diplomatic.set(k, years);
  }

  // proximity: the closer of the contiguity class and the CShapes border distance, never signed
  tick('proximity (contiguity, CShapes)');
  const proximity: YearMap = new Map();
  let contiguityEnd = 0;
  for (const c of contiguity) {
    contiguityEnd = Math.max(contiguityEnd, c.to);
    // type 0 spells are the gaps in which the pair is not contiguous
    if (c.to < o.fromYear || c.type === 0) continue;
    if (o.contiguityKm[c.type] === undefined) {
      throw new InvalidInputError({
        file: DATASETS.contiguity.file,
        line: c.line,
        field: 'conttype',
        message: `unknown contiguity type ${c.type}`,
        hint: `COW contiguity types are 0 (none) and ${Object.keys(o.contiguityKm).join(', ')}`,
      });
    }
    const a = actorOf(c.ccode1, DATASETS.contiguity.file, c.line, 'ccode1');
    const b = actorOf(c.ccode2, DATASETS.contiguity.file, c.line, 'ccode2');
    if (a === b) continue;
    const k = dyadKey(a, b);
    const from = Math.max(c.from, o.fromYear);
    const v = proximityValue(c.type, undefined, o);
    for (let y = from; y <= c.to; y++) keepMax(proximity, k, y, v);
    const row = {
      ccode1: Math.min(c.ccode1, c.ccode2),
      ccode2: Math.max(c.ccode1, c.ccode2),
      conttype: c.type,
    };
    provenance.contiguity.add(k, row, from);
    provenance.contiguity.add(k, row, c.to);
  }
  let cshapesStart = Number.POSITIVE_INFINITY;
  let cshapesEnd = 0;
  for (const r of readCshapesMinDist(text('cshapes'), DATASETS.cshapes.file)) {
    cshapesStart = Math.min(cshapesStart, r.year);
    cshapesEnd = Math.max(cshapesEnd, r.year);
    const a = actorOf(r.ccode1, DATASETS.cshapes.file, r.line, 'ccode1', r.year);
    const b = actorOf(r.ccode2, DATASETS.cshapes.file, r.line, 'ccode2', r.year);
    if (a === b || !a || !b) continue;
    const k = dyadKey(a, b);
    keepMax(proximity, k, r.year, proximityValue(undefined, r.mindist, o));
    provenance.cshapes.add(k, { ccode1: r.ccode1, ccode2: r.ccode2 }, r.year);
  }

  tick('capabilities (NMC)');
  const nmcActors = new Map(idOf);
  const caps = readNmc(text('nmc'), DATASETS.nmc.file, {
    actors: nmcActors,
    fromYear: o.fromYear,
    toYear: 9999,
    evidenceId: (a) => `nmc.${a}`,
  });
  warnings.push(...caps.warnings);
  const capabilities = new Map<string, Capability>();
  for (const c of caps.capabilities) {
    const k = `${c.actor}|${c.year}`;
    const prev = capabilities.get(k);
    if (!prev || (c.cinc ?? 0) > (prev.cinc ?? 0)) capabilities.set(k, c);
  }
  const capActors = new Set([...capabilities.values()].map((c) => c.actor));
  const nmcEvidence: Evidence[] = [...capActors].sort().map((a) => ({
    id: `nmc.${a}`,
    source: DATASETS.nmc.id,
    rows: [...idOf].filter(([, id]) => id === a).map(([ccode]) => ({ ccode })),
    note: 'one row per year from 1946 for each COW code of the actor; of two codes in one year the larger CINC is kept',
  }));

  tick('series and evidence');
  const ends = {
    military: atopEnd,
    security: midEnd,
    economic: tradeEnd,
    diplomatic: ungaEnd,
    proximity: Math.max(contiguityEnd, cshapesEnd),
  };
  const dimSources: Record<string, { keys: DatasetKey[]; endNote: string }> = {
    military: {
      keys: ['atop', 'cowAlliance', 'sipri'],
      endNote: `ATOP 5.1 ends in ${atopEnd} (SIPRI from ${sipriStart})`,
    },
    security: {
      keys: ['mid', 'rivalries'],
      endNote: `COW MID 5.0 ends in ${midEnd} (rivalries coded to ${rivalryEnd})`,
    },
    economic: { keys: ['tradeDyadic'], endNote: `COW trade 4.0 ends in ${tradeEnd}` },
    diplomatic: { keys: ['unga'], endNote: `UNGA ideal points end with the session of ${ungaEnd}` },
    proximity: {
      keys: ['contiguity', 'cshapes'],
      endNote: `CShapes 2.0 distances (${cshapesStart}–${cshapesEnd}) end in ${cshapesEnd}; COW contiguity 3.2 ends in ${contiguityEnd}`,
    },
  };
  const tieEvidence = new Map<string, Evidence>();
  const ties: TieSeries[] = [];
  const series: [Dimension, YearMap][] = [
    ['military', military],
    ['security', security],
    ['economic', economic],
    ['diplomatic', diplomatic],
    ['proximity', proximity],
  ];
  const lives = new Map(actors.map((x) => [x.id, x]));
  for (const [dimension, values] of series) {
    const { keys, endNote } = dimSources[dimension]!;
    const end = ends[dimension as keyof typeof ends];
    for (const k of [...values.keys()].sort()) {
      const [a, b] = k.split('|') as [string, string];
      const evIds: string[] = [];
      for (const d of keys) {
        if (!provenance[d].has(k)) continue;
        const id = `${DATASETS[d].id}.${a}.${b}`;
        evIds.push(id);
        if (!tieEvidence.has(id))
          tieEvidence.set(id, { id, source: DATASETS[d].id, rows: provenance[d].rows(k) });
      }
      const step = dimension === 'diplomatic' ? o.diplomaticStep : o.step;
      const observations = runs(
        duringBoth(values.get(k)!, lives.get(a), lives.get(b)),
        { ...o, step },
        o.confidence[dimension as keyof GlobalOptions['confidence']],
        evIds,
        end,
        endNote,
      );
      if (observations.length > 0)
        ties.push({ a, b, dimension, directed: false, origin: 'global', observations });
    }
  }

  tick('assembling');
  const usedSources = new Map<string, (typeof DATASETS)[DatasetKey]>();
  for (const d of Object.values(DATASETS)) if (!usedSources.has(d.id)) usedSources.set(d.id, d);
  const world: WorldFile = {
    meta: {
      id: 'global',
      name: 'Global: every COW state since 1946',
      description:
        'Yearly signed ties among every state of the COW state system since 1946, built from ATOP and COW alliances, ' +
        'SIPRI arms transfers, COW MIDs, strategic rivalries, COW trade and UNGA ideal points; proximity (outside the ' +
        'composite) from COW contiguity and CShapes 2.0 border distances; capabilities from COW NMC. ' +
        'See data/worlds/global/README.md for every transform.',
      period: { from: String(o.fromYear), to: String(Math.max(...Object.values(ends))) },
      dimensionWeights: { ...o.weights },
    },
    sources: [...usedSources.values()].map(({ endYear: _e, file, ...s }) => ({ ...s, file })),
    evidence: [...actorEvidence, ...nmcEvidence, ...tieEvidence.values()],
    actors,
    capabilities: [...capabilities.values()],
    ties,
    events: [],
    corridors: [],
    memberships: [],
    claims: [],
  };
  return { world, warnings, ends };
}

/** The years in which both actors exist: a dyad's value before a state entered or after it left is not kept. */
function duringBoth(years: Map<number, number>, a?: Lifetime, b?: Lifetime): Map<number, number> {
  const alive = (life: Lifetime | undefined, y: number) => !life || existsAt(life, String(y));
  return new Map([...years].filter(([y]) => alive(a, y) && alive(b, y)));
}

/** Yearly values → observations: rounded, consecutive equal years merged, each run closed by `until`. */
function runs(
  years: Map<number, number>,
  o: GlobalOptions,
  confidence: number,
  evidence: string[],
  end: number,
  endNote: string,
): Observation[] {
  const out: Observation[] = [];
  const sorted = [...years].sort((x, y) => x[0] - y[0]);
  let start = -1;
  let last = -1;
  let value = Number.NaN;
  const flush = () => {
    if (start < 0 || Math.abs(value) < o.minAbs) return;
    out.push({
      at: String(start),
      until: String(last),
      value,
      confidence,
      evidence: [...evidence],
      ...(last === end ? { note: endNote } : {}),
    });
  };
  for (const [y, raw] of sorted) {
    const q = Math.round(Math.round(raw / o.step) * o.step * 1000) / 1000;
    if (y === last + 1 && q === value) {
      last = y;
      continue;
    }
    flush();
    start = y;
    last = y;
    value = q;
  }
  flush();
  return out;
}
