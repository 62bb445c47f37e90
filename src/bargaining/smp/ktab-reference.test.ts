/**
 * Reproduces KTAB's own reference run of its Spatial Model of Politics
 * (`20170530_ref-dummyData_3Dim.txt`, smpc with default options on `dummyData_3Dim.csv`) at the
 * precision KTAB prints. The log is parsed, not hand-copied: every risk attitude, challenge
 * (target, worth, the four estimates of P and ΔEU), proposed bargain, option probability, choice,
 * position per turn, stop ratio and the number of steps are compared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecast } from '../forecast.js';
import { parseKtabCsv } from '../input/ktab-csv.js';
import type { ForecastResult } from '../types.js';

const DATA = new URL('../../../data/bargaining/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

interface RefEstimate {
  h: number;
  k: number;
  p: number;
  gain: number;
}
interface RefChallenge {
  turn: number;
  i: number;
  j: number;
  worth: number;
  exact?: { gain: number; p: number };
  estimates: RefEstimate[];
  forI?: number[];
  forJ?: number[];
}
interface RefChoice {
  turn: number;
  actor: number;
  options: { id: number; i: number; j: number }[];
  probabilities: number[];
  chosenId: number;
}
interface RefLog {
  risks: number[][];
  challenges: RefChallenge[];
  idle: { turn: number; actor: number }[];
  choices: RefChoice[];
  positions: number[][][];
  ratios: number[];
  history: Map<string, number[][]>;
  states: number;
  steps: number;
}

const numbers = (line: string) => (line.match(/[-+]?\d+\.\d+(?:[eE][-+]?\d+)?/g) ?? []).map(Number);

/** Parses the smpc log: each block is recognised by the line KTAB prints before it. */
function parseLog(text: string, n: number): RefLog {
  const lines = text.split('\n');
  const log: RefLog = {
    risks: [],
    challenges: [],
    idle: [],
    choices: [],
    positions: [],
    ratios: [],
    history: new Map(),
    states: 0,
    steps: 0,
  };
  let turn = -1;
  let involving = new Map<number, { id: number; i: number; j: number }[]>();
  let current: RefChoice | undefined;
  let positions: number[][] = [];
  const find = (t: number, i: number) => log.challenges.find((c) => c.turn === t && c.i === i)!;
  const below = (l: number, count: number) => lines.slice(l + 1, l + 1 + count).map((x) => numbers(x)[0]!);
  const rules: [RegExp, (m: RegExpMatchArray, l: number) => void][] = [
    [
      /Starting Model::run iteration (\d+)/,
      (m) => {
        turn = Number(m[1]) - 1;
        involving = new Map();
      },
    ],
    [/^Inferred risk attitudes/, (_, l) => log.risks.push(below(l, n))],
    [
      /In turn (\d+) actor (\d+) has most advantageous target (\d+) worth ([\d.]+)/,
      (m) =>
        log.challenges.push({
          turn: Number(m[1]),
          i: Number(m[2]),
          j: Number(m[3]),
          worth: Number(m[4]),
          estimates: [],
        }),
    ],
    [
      /^turn (\d+) , i (\d+) , j (\d+) , bestEU worth (\S+) , piiJ\s+(\S+)/,
      (m) => {
        find(Number(m[1]), Number(m[2])).exact = { gain: Number(m[4]), p: Number(m[5]) };
      },
    ],
    [
      /Est by\s+(\d+) of prob ([\d.]+) that \[\s*(\d+)>\s*\d+\], with expected gain to\s+(\d+) of (\S+)/,
      (m) =>
        find(turn, Number(m[3])).estimates.push({
          h: Number(m[1]),
          p: Number(m[2]),
          k: Number(m[4]),
          gain: Number(m[5]),
        }),
    ],
    [
      /^Bargain \[\d+, (\d+):(\d+)\] from\s+(\d+)'s perspective/,
      (m, l) => {
        if (m[1] !== m[3]) return;
        // Threads interleave KTAB's output: take the initiator's next two proposal lines.
        const proposal = (who: string) => {
          const re = new RegExp(`^\\s+${m[1]} proposes ${who} adopt:`);
          return numbers(
            lines
              .slice(l + 1)
              .find((x) => re.test(x))!
              .split('adopt:')[1]!,
          );
        };
        const c = find(turn, Number(m[1]));
        c.forI = proposal(m[1]!);
        c.forJ = proposal(m[2]!);
      },
    ],
    [
      /In turn (\d+) Actor (\d+) has no advantageous targets/,
      (m) => log.idle.push({ turn: Number(m[1]), actor: Number(m[2]) }),
    ],
    [
      /Bargains involving actor\s+(\d+): (.*)/,
      (m) => {
        const list = [...m[2]!.matchAll(/\[(\d+), (\d+):(\d+)\]/g)];
        involving.set(
          Number(m[1]),
          list.map((b) => ({ id: Number(b[1]), i: Number(b[2]), j: Number(b[3]) })),
        );
      },
    ],
    [
      /Doing scalarPCE for the (\d+) bargains of actor (\d+)/,
      (m) => {
        const actor = Number(m[2]);
        current = { turn, actor, options: involving.get(actor)!, probabilities: [], chosenId: -1 };
      },
    ],
    [
      /^Probability Opt_i\s*$/,
      (_, l) => {
        if (current) current.probabilities = below(l, current.options.length);
      },
    ],
    [
      /Chosen bargain \( Deterministic \): (\d+)/,
      (m) => {
        current!.chosenId = Number(m[1]);
        log.choices.push(current!);
        current = undefined;
      },
    ],
    [
      /^postn\s+\d+\s*,/,
      (_, l) => {
        positions.push(numbers(lines[l + 1]!));
        if (positions.length < n) return;
        log.positions.push(positions);
        positions = [];
      },
    ],
    [/Fractional change compared to first step: ([\d.]+)/, (m) => log.ratios.push(Number(m[1]))],
    [
      /There were (\d+) states, with (\d+) steps/,
      (m) => {
        log.states = Number(m[1]);
        log.steps = Number(m[2]);
      },
    ],
    [
      /^(\S+), (Pstn\d+):\s+(.*)$/,
      (m) => log.history.set(m[1]!, [...(log.history.get(m[1]!) ?? []), numbers(m[3]!)]),
    ],
  ];
  lines.forEach((line, l) => {
    for (const [re, handle] of rules) {
      const m = line.match(re);
      if (m) {
        handle(m, l);
        return;
      }
    }
  });
  return log;
}

/** Agreement at a printed precision: |ours − printed| ≤ half a unit of the last printed digit. */
function expectPrinted(ours: number, printed: number, decimals: number, what: string): void {
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  if (Math.abs(ours - printed) > tolerance) {
    expect.fail(`${what}: ours ${ours} vs KTAB ${printed} (±${tolerance})`);
  }
}

describe('SMP against KTAB reference log 20170530_ref-dummyData_3Dim', () => {
  const input = parseKtabCsv(read('dummyData_3Dim.csv'), 'dummyData_3Dim.csv');
  const n = input.actors.length;
  const ids = input.actors.map((a) => a.id);
  const log = parseLog(read('20170530_ref-dummyData_3Dim.txt'), n);
  const result: ForecastResult = forecast(input, { model: 'smp' });

  it('parses a complete log (guards the parser itself)', () => {
    expect(log.states).toBe(11);
    expect(log.risks).toHaveLength(log.states);
    expect(log.positions).toHaveLength(log.steps);
    expect(log.ratios).toHaveLength(log.steps);
    expect(log.challenges.length + log.idle.length).toBe(n * log.steps);
    expect(log.choices).toHaveLength(n * log.steps);
    expect(log.history.size).toBe(n);
  });

  it('stops at the same turn with the same ratio', () => {
    expect(result.steps).toBe(log.steps);
    expect(result.turns).toHaveLength(log.states);
    expect(result.converged).toBe(true);
    expectPrinted(result.stopRatio!, log.ratios.at(-1)!, 4, 'stop ratio');
  });

  it('infers the same risk attitudes in every state (turn 0 first)', () => {
    log.risks.forEach((risk, t) => {
      risk.forEach((r, i) => {
        expectPrinted(result.turns[t]!.risk[ids[i]!]!, r, 3, `R of ${ids[i]} in state ${t}`);
      });
    });
  });

  it('makes the same challenges: target, worth, and all four estimates of P and ΔEU', () => {
    for (const ref of log.challenges) {
      const c = result.turns[ref.turn]!.challenges!.find((x) => x.initiator === ids[ref.i]);
      expect(c?.target, `target of ${ids[ref.i]} in turn ${ref.turn}`).toBe(ids[ref.j]);
      expectPrinted(c!.gain, ref.worth, 3, `worth, turn ${ref.turn} ${ref.i}>${ref.j}`);
      if (ref.exact) {
        expect(c!.gain).toBeCloseTo(ref.exact.gain, 7);
        expect(c!.probability).toBeCloseTo(ref.exact.p, 6);
      }
      expect(ref.estimates).toHaveLength(4);
      for (const e of ref.estimates) {
        const ours =
          e.h === ref.i
            ? { p: c!.probability, gain: e.k === ref.i ? c!.gain : c!.targetGain }
            : {
                p: c!.targetView.probability,
                gain: e.k === ref.i ? c!.targetView.initiatorGain : c!.targetView.targetGain,
              };
        const what = `turn ${ref.turn} [${ref.i}>${ref.j}] by ${e.h} for ${e.k}`;
        expectPrinted(ours.p, e.p, 4, `P ${what}`);
        expectPrinted(ours.gain, e.gain, 4, `ΔEU ${what}`);
      }
    }
    for (const idle of log.idle) {
      const made = result.turns[idle.turn]!.challenges!.some((x) => x.initiator === ids[idle.actor]);
      expect(made, `${ids[idle.actor]} idle in turn ${idle.turn}`).toBe(false);
    }
  });

  it('proposes the same bargains', () => {
    for (const ref of log.challenges) {
      const c = result.turns[ref.turn]!.challenges!.find((x) => x.initiator === ids[ref.i])!;
      ref.forI!.forEach((x, d) => {
        expectPrinted(c.proposal.initiator[d]!, x, 3, `bargain ${ref.i}:${ref.j} for ${ref.i}`);
      });
      ref.forJ!.forEach((x, d) => {
        expectPrinted(c.proposal.target[d]!, x, 3, `bargain ${ref.i}:${ref.j} for ${ref.j}`);
      });
    }
  });

  it('gives every option the same probability and makes the same choice', () => {
    for (const ref of log.choices) {
      const ours = result.turns[ref.turn]!.choices![ref.actor]!;
      expect(ours.options).toHaveLength(ref.options.length);
      ref.options.forEach((o, oi) => {
        const k = ours.options.findIndex((x) => x.initiator === ids[o.i] && x.target === ids[o.j]);
        expect(k, `option ${o.i}:${o.j} of ${ref.actor}`).toBeGreaterThanOrEqual(0);
        expectPrinted(
          ours.probabilities[k]!,
          ref.probabilities[oi]!,
          4,
          `P(option ${o.i}:${o.j}) for ${ref.actor}`,
        );
        if (o.id === ref.chosenId) expect(ours.chosen, `choice of ${ref.actor} in turn ${ref.turn}`).toBe(k);
      });
    }
  });

  it('holds the same positions after every turn (4 decimals) and in the history (1 decimal)', () => {
    log.positions.forEach((state, s) => {
      state.forEach((pos, i) => {
        pos.forEach((x, d) => {
          expectPrinted(result.turns[s + 1]!.positions[ids[i]!]![d]!, x, 4, `x[${i},${d}] state ${s + 1}`);
        });
      });
    });
    for (const [name, rows] of log.history) {
      rows.forEach((series, d) => {
        series.forEach((x, t) => {
          expectPrinted(result.turns[t]!.positions[name]![d]!, x, 1, `${name} dim ${d} state ${t}`);
        });
      });
    }
  });
});
