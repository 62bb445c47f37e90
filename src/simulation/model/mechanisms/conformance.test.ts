/**
 * The conformance suite every mechanism must pass (property-based, fast-check): finite, bounded,
 * symmetric output; zero effect on an empty world; invariance under relabelling actors; and, where a
 * mechanism splits its effect by third actor, parts that add up to the whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stream } from '../../../kernels/random.js';
import { draw } from '../priors.js';
import { type StepState, stepStateFrom } from '../step-state.js';
import { MECHANISMS } from './index.js';
import { allocateContribution, type Contribution, type Mechanism, type Params, pairIndex } from './types.js';

interface Case {
  n: number;
  W: number[];
  memory: number[];
  anchor: number[];
  prox: number[];
  c: number[];
  c0: number[];
  capabilityMemory: number[];
  dt: number;
  seed: number;
  order: number[];
}

function symmetric(n: number, upper: number[]): number[] {
  const m = new Array<number>(n * n).fill(0);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      m[i * n + j] = upper[p]!;
      m[j * n + i] = upper[p++]!;
    }
  }
  return m;
}

const unit = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const cases: fc.Arbitrary<Case> = fc.integer({ min: 0, max: 7 }).chain((n) => {
  const P = (n * (n - 1)) / 2;
  const upper = (min: number, max: number) => fc.array(unit(min, max), { minLength: P, maxLength: P });
  const vector = (min: number, max: number) => fc.array(unit(min, max), { minLength: n, maxLength: n });
  return fc
    .record({
      W: upper(-1, 1),
      change: upper(-0.3, 0.3),
      drift: upper(-0.3, 0.3),
      prox: upper(0, 1),
      c: vector(1e-4, 0.3),
      ratio: vector(0.5, 2),
      growth: vector(-0.2, 0.3),
      dt: fc.constantFrom(1 / 12, 1),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      keys: fc.array(unit(0, 1), { minLength: n, maxLength: n }),
    })
    .map((r) => ({
      n,
      W: symmetric(n, r.W),
      memory: symmetric(
        n,
        r.W.map((w, p) => w - r.change[p]!),
      ),
      anchor: symmetric(
        n,
        r.W.map((w, p) => Math.max(-1, Math.min(1, w - r.drift[p]!))),
      ),
      prox: symmetric(n, r.prox),
      c: r.c,
      c0: r.c.map((c, i) => c / r.ratio[i]!),
      capabilityMemory: r.c.map((c, i) => c / (1 + r.growth[i]!)),
      dt: r.dt,
      seed: r.seed,
      order: r.keys
        .map((k, i) => [k, i] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map(([, i]) => i),
    }));
});

function paramsFor(m: Mechanism<Params>, seed: number): Params {
  const rng = stream(seed, 99);
  return Object.fromEntries(
    Object.entries(m.params).map(([k, spec]) => [
      k,
      typeof spec.default === 'boolean'
        ? rng.next() < 0.5
        : spec.prior
          ? draw(spec.prior, rng, spec.min, spec.max)
          : spec.default,
    ]),
  );
}

function stateOf(c: Case): StepState {
  return stepStateFrom({
    n: c.n,
    W: c.W,
    memory: c.memory,
    anchor: c.anchor,
    prox: c.prox,
    c: c.c,
    c0: c.c0,
    capabilityMemory: c.capabilityMemory,
    dt: c.dt,
    tau: 1,
    attention: 0.05,
  });
}

function run(m: Mechanism<Params>, s: StepState, p: Params): Contribution {
  const out = allocateContribution(s.n);
  out.work.fill(Number.NaN); // scratch contents are undefined on entry: a mechanism must not read them first
  m.apply(s, p, out);
  return out;
}

/** ΔW of the pair (i, j) from a packed output (zero on the diagonal). */
function at(out: Contribution, n: number, i: number, j: number): number {
  return i === j ? 0 : out.dW[i < j ? pairIndex(n, i, j) : pairIndex(n, j, i)]!;
}

function permuted(c: Case): Case {
  const { n, order } = c;
  const mat = (m: number[]) => {
    const out = new Array<number>(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = m[order[i]! * n + order[j]!]!;
    return out;
  };
  const vec = (v: number[]) => order.map((k) => v[k]!);
  return {
    ...c,
    W: mat(c.W),
    memory: mat(c.memory),
    anchor: mat(c.anchor),
    prox: mat(c.prox),
    c: vec(c.c),
    c0: vec(c.c0),
    capabilityMemory: vec(c.capabilityMemory),
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * (1 + Math.abs(a) + Math.abs(b));

describe.each(MECHANISMS.map((m) => [m.id, m] as const))('mechanism %s', (_id, m) => {
  it('documents itself: theory, parameters with units and docs, frozen defaults, priors inside the ranges', () => {
    expect(m.theory.length).toBeGreaterThan(10);
    expect(Object.isFrozen(m.defaults)).toBe(true);
    for (const [k, spec] of Object.entries(m.params)) {
      expect(spec.doc.length, k).toBeGreaterThan(10);
      expect(m.defaults[k]).toBe(spec.default);
      if (typeof spec.default === 'number') {
        expect(spec.default).toBeGreaterThanOrEqual(spec.min ?? -Infinity);
        expect(spec.default).toBeLessThanOrEqual(spec.max ?? Infinity);
      }
    }
  });

  it('writes finite output (one value per pair, symmetric by construction); bounded for monthly steps', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const out = run(m, stateOf(c), paramsFor(m, c.seed));
        expect(out.dW.length === (c.n * (c.n - 1)) / 2).toBe(true);
        for (let i = 0; i < c.n; i++) {
          expect(Number.isFinite(out.dC[i])).toBe(true);
          if (c.dt < 1) expect(out.dC[i]!).toBeGreaterThan(-c.c[i]!);
        }
        for (const v of out.dW) {
          expect(Number.isFinite(v)).toBe(true);
          if (c.dt < 1) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does nothing in an empty world (no ties, nothing changing)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const zero = new Array<number>(c.n * c.n).fill(0);
        const empty = { ...c, W: zero, memory: zero, anchor: zero, c0: c.c, capabilityMemory: c.c };
        const out = run(m, stateOf(empty), paramsFor(m, c.seed));
        expect(out.dW.every((x) => x === 0)).toBe(true);
        expect(out.dC.every((x) => x === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('is invariant under relabelling: permuting actors permutes the output', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const p = paramsFor(m, c.seed);
        const a = run(m, stateOf(c), p);
        const b = run(m, stateOf(permuted(c)), p);
        const { n, order } = c;
        for (let i = 0; i < n; i++) {
          expect(close(b.dC[i]!, a.dC[order[i]!]!)).toBe(true);
          for (let j = 0; j < n; j++)
            expect(close(at(b, n, i, j), at(a, n, order[i]!, order[j]!))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.runIf(m.via !== undefined)('splits a pair’s ΔW over third actors so that the parts add up', () => {
    fc.assert(
      fc.property(cases, (c) => {
        // Hedging's dependence part acts on the pair directly (no third actor): switch it off here.
        const p = { ...paramsFor(m, c.seed), ...(m.id === 'hedging' && { lambda: 0 }) };
        const s = stateOf(c);
        const out = run(m, s, p);
        const parts = new Float64Array(c.n);
        const work = new Float64Array(2 * c.n * c.n + 4 * c.n);
        for (let i = 0; i < c.n; i++) {
          for (let j = i + 1; j < c.n; j++) {
            parts.fill(0);
            m.via!(s, p, i, j, parts, work);
            expect(parts[i]).toBe(0);
            expect(parts[j]).toBe(0);
            const sum = parts.reduce((x, y) => x + y, 0);
            expect(Math.abs(sum - at(out, c.n, i, j))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(sum)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

it('every mechanism id is unique and camelCase', () => {
  const ids = MECHANISMS.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
});
