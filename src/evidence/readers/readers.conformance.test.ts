/**
 * Conformance of every dataset reader on its real file: it reads rows; a renamed column, a
 * truncated file and a non-numeric cell are reported with file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, type Problem } from '../../domain/errors.js';
import { readDatasetText } from '../../worlds/global/build.js';
import { DATASETS } from '../../worlds/global/sources.js';
import { readAtop } from './atop.js';
import { readCapitals } from './capitals.js';
import { readContiguity } from './contiguity.js';
import { readCowAlliance } from './cow-alliance.js';
import { readCowMajors } from './cow-majors.js';
import { readCowMid } from './cow-mid.js';
import { readCowStates } from './cow-states.js';
import { readCowTradeDyadic, readCowTradeNational } from './cow-trade.js';
import { readCrosswalk } from './crosswalk.js';
import { readCshapesMinDist } from './cshapes.js';
import { readNmc } from './nmc.js';
import { readRivalries } from './rivalries.js';
import { readSipri } from './sipri.js';
import { readUnga } from './unga.js';

const DIR = new URL('../../../data/datasets', import.meta.url).pathname;
const nmcActors = new Map([
  [2, 'USA'],
  [365, 'RUS'],
  [750, 'IND'],
]);

interface Case {
  file: string;
  /** A numeric column to spoil. */
  numeric: string;
  /** Reads text; returns how many records came out and the warnings. */
  read: (text: string, file: string) => { n: number; warnings: Problem[] };
}
const plain = (n: unknown[] | Map<unknown, unknown>) => ({
  n: n instanceof Map ? n.size : n.length,
  warnings: [],
});

const CASES: Record<string, Case> = {
  'cow-states': { file: DATASETS.states.file, numeric: 'ccode', read: (t, f) => plain(readCowStates(t, f)) },
  'cow-majors': { file: DATASETS.majors.file, numeric: 'styear', read: (t, f) => plain(readCowMajors(t, f)) },
  crosswalk: { file: DATASETS.crosswalk.file, numeric: 'cown', read: (t, f) => plain(readCrosswalk(t, f)) },
  capitals: { file: DATASETS.capitals.file, numeric: 'lat', read: (t, f) => plain(readCapitals(t, f)) },
  atop: { file: DATASETS.atop.file, numeric: 'atop_defense', read: (t, f) => plain(readAtop(t, f)) },
  'cow-alliance': {
    file: DATASETS.cowAlliance.file,
    numeric: 'cow_defense',
    read: (t, f) => plain(readCowAlliance(t, f)),
  },
  'cow-mid': { file: DATASETS.mid.file, numeric: 'hostlev', read: (t, f) => plain(readCowMid(t, f)) },
  rivalries: { file: DATASETS.rivalries.file, numeric: 'styear', read: (t, f) => plain(readRivalries(t, f)) },
  sipri: {
    file: DATASETS.sipri.file,
    numeric: 'value',
    read: (t, f) => {
      const r = readSipri(t, f);
      return { n: r.transfers.length, warnings: r.warnings };
    },
  },
  unga: { file: DATASETS.unga.file, numeric: 'session', read: (t, f) => plain(readUnga(t, f)) },
  'cow-trade dyadic': {
    file: DATASETS.tradeDyadic.file,
    numeric: 'year',
    read: (t, f) => plain(readCowTradeDyadic(t, f)),
  },
  'cow-trade national': {
    file: DATASETS.tradeNational.file,
    numeric: 'year',
    read: (t, f) => plain(readCowTradeNational(t, f)),
  },
  contiguity: {
    file: DATASETS.contiguity.file,
    numeric: 'conttype',
    read: (t, f) => plain(readContiguity(t, f)),
  },
  cshapes: {
    file: DATASETS.cshapes.file,
    numeric: 'mindist',
    read: (t, f) => plain(readCshapesMinDist(t, f)),
  },
  nmc: {
    file: DATASETS.nmc.file,
    numeric: 'cinc',
    read: (t, f) => {
      const r = readNmc(t, f, {
        actors: nmcActors,
        fromYear: 1816,
        toYear: 2100,
        evidenceId: (a) => `nmc-${a}`,
      });
      return { n: r.capabilities.length, warnings: r.warnings };
    },
  },
};

/** The first `n` data lines of a dataset and its header, as the reader sees them. */
function head(file: string, n: number): { header: string[]; lines: string[] } {
  const lines = readDatasetText(DIR, file).split('\n');
  const header = lines[0]!.split(',').map((c) => c.replace(/"/g, ''));
  // rows of the three COW codes NMC is asked about, so it yields records too
  const body = lines.slice(1).filter((l) => file !== DATASETS.nmc.file || /^(2|365|750),/.test(l));
  return { header, lines: [lines[0]!, ...body.slice(0, n)] };
}

/** The error a reader throws, or its warnings when it skips the row instead. */
function problemsOf(run: () => { warnings: Problem[] }): Problem[] {
  try {
    return run().warnings;
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).problems;
  }
}

describe.each(Object.entries(CASES))('dataset reader %s', (_name, c) => {
  it('reads the real file', () => {
    const r = c.read(readDatasetText(DIR, c.file), c.file);
    expect(r.n).toBeGreaterThan(c.file === DATASETS.majors.file ? 5 : 50);
  });

  it('names the file, line 1 and the column when a column is renamed', () => {
    const { lines } = head(c.file, 5);
    const renamed = lines[0]!.replace(
      new RegExp(`\\b${c.numeric.replace('.', '\\.')}\\b`),
      `${c.numeric}_renamed`,
    );
    expect(renamed).not.toBe(lines[0]);
    expect(() => c.read([renamed, ...lines.slice(1)].join('\n'), c.file)).toThrow(InvalidInputError);
    const [p] = problemsOf(() => c.read([renamed, ...lines.slice(1)].join('\n'), c.file));
    expect(p).toMatchObject({ file: c.file, line: 1 });
    expect(p!.field).toContain(c.numeric);
  });

  it('names the line of a truncated last row', () => {
    const { lines } = head(c.file, 5);
    const last = lines.at(-1)!;
    const cut = [...lines.slice(0, -1), last.slice(0, last.indexOf(',') + 1)].join('\n');
    const problems = problemsOf(() => c.read(cut, c.file));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: c.file, line: lines.length });
    expect(problems[0]!.field).toBeTruthy();
  });

  it('names line and field of a non-numeric cell', () => {
    const { header, lines } = head(c.file, 5);
    const col = header.indexOf(c.numeric);
    const fields = lines[2]!.split(',');
    fields[col] = 'abc';
    const spoiled = [lines[0], lines[1], fields.join(','), ...lines.slice(3)].join('\n');
    const problems = problemsOf(() => c.read(spoiled, c.file));
    expect(problems[0]).toMatchObject({ file: c.file, line: 3, field: c.numeric });
  });

  it('says an empty file is empty', () => {
    expect(() => c.read('', c.file)).toThrow(c.file);
  });
});
