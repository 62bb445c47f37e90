import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCostGraph } from '../../analysis/balance/cost-graph.js';
import { frustrationIndex } from '../../analysis/balance/frustration-exact.js';
import { frustrationHeuristic } from '../../analysis/balance/frustration-heuristic.js';
import { graphFromSnapshot } from '../../analysis/from-snapshot.js';
import { balanceOfThreat } from '../../analysis/power/balance-of-threat.js';
import { dependence } from '../../analysis/power/dependence.js';
import { militaryBalances } from '../../analysis/power/military-balance.js';
import { parseMeasure } from '../../analysis/series/measures.js';
import { indexGraph } from '../../analysis/signed-graph.js';
import { triangleInSnapshot } from '../../analysis/triangles/strategic-triangle.js';
import type { Snapshot, TieAt } from '../../domain/world.js';
import { loadWorld } from '../../worlds/load.js';
import { snapshot } from '../../worlds/snapshot.js';
import { compileWorld, type WorldModel } from '../model/world-model.js';
import { measureRng, Runner } from '../runs/montecarlo.js';
import { compilePlan } from '../runs/plan.js';
import { parseScenario } from '../scenarios/scenario.js';
import { ExactAtHorizon, FOLLOW_DEFAULTS, measureFloats } from './collector.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const loaded = loadWorld(`${fixtures}sim-world`);
// Military expenditure for all but EST (balance of threat's offense) and ARD's arms imports
// (dependence): records the engine does not move, which the views carry from the start date.
const world = {
  ...loaded,
  capabilities: loaded.capabilities.map((c, k) => ({
    ...c,
    ...(c.actor !== 'EST' && { milex: 1000 * (k + 1) }),
    ...(c.actor === 'ARD' && { armsImports: { BEL: 0.6, COR: 0.1 } }),
  })),
};
const FOLLOW = `follow:
  - { triangle: [ARD, BEL, COR] }
  - { tilt: DUN, between: [BEL, COR] }
  - { alignment: EST, poles: [BEL, COR] }
  - { balance: [BEL, COR] }
  - { measure: frustration }
  - { dependence: [ARD, BEL] }
  - { threat: [COR, BEL] }
`;

/** A plan of `steps` steps following every kind, on a scenario with or without a shock. */
function planOf(steps: number, shocks = '') {
  const text = `name: t\nworld: ./sim-world\nstart: 2021-12\nhorizon: ${steps}\nruns: 3\nseed: 5\n${shocks}${FOLLOW}`;
  const sc = parseScenario(text, 't.yaml', fixtures).scenario;
  const model = compileWorld(world, sc.start);
  return { model, plan: compilePlan(sc, model) };
}

/** The snapshot of a simulated state, built here from the horizon ties, not by the collector. */
function snapshotOf(model: WorldModel, ties: Float64Array, caps: Float64Array): Snapshot {
  const atStart = snapshot(world, model.at).capabilities;
  const list: TieAt[] = [];
  let p = 0;
  for (let i = 0; i < model.n; i++) {
    for (let j = i + 1; j < model.n; j++, p++) {
      if (ties[p] === 0 && !model.observed[i * model.n + j]) continue;
      const [a, b] = [model.ids[i]!, model.ids[j]!].sort() as [string, string];
      list.push({ a, b, dimension: 'composite', value: ties[p]!, confidence: 1, observed: '', evidence: [] });
    }
  }
  return {
    world: model.world,
    at: model.at,
    layer: 'composite',
    actors: model.actors,
    ties: list,
    byDimension: {
      diplomatic: [],
      military: [],
      economic: [],
      energy: [],
      connectivity: [],
      security: [],
      proximity: [],
    },
    capabilities: Object.fromEntries(
      model.ids.map((id, i) => [id, { ...atStart[id], actor: id, year: 0, cinc: caps[i]!, evidence: [] }]),
    ),
  };
}

/** Every measure by the analysis functions themselves; the triangle as its outcome label. */
async function byAnalysis(s: Snapshot, seed: number, exact: boolean) {
  const tri = triangleInSnapshot(s, ['ARD', 'BEL', 'COR']);
  const value = async (spec: string) => (await parseMeasure(spec).fn(s)) ?? Number.NaN;
  const m = militaryBalances(s, { measure: 'cinc' }).find((x) => x.a === 'BEL' && x.b === 'COR');
  const g = indexGraph(graphFromSnapshot(s));
  const frustration = exact
    ? (await frustrationIndex(g, { rng: measureRng(seed)() })).L
    : frustrationHeuristic(toCostGraph(g, false), measureRng(seed)(), {
        restarts: FOLLOW_DEFAULTS.heuristicRestarts,
      }).cost;
  const d = dependence(s).find((x) => [x.junior, x.senior].sort().join() === 'ARD,BEL');
  const threat = balanceOfThreat(s).threats.find((x) => x.source === 'COR' && x.target === 'BEL');
  return [
    tri.pivot
      ? `romantic, pivot ${tri.pivot}`
      : tri.outcast
        ? `stable-marriage, outcast ${tri.outcast}`
        : tri.type,
    await value('tilt:DUN:BEL:COR'),
    await value('alignment:EST:BEL:COR'),
    m?.share ?? Number.NaN,
    frustration,
    d?.asymmetry ?? Number.NaN,
    threat?.threat ?? Number.NaN,
  ];
}

describe('collector', () => {
  it('takes each measure, step by step, as the analysis function does on the snapshot of the same state', async () => {
    const H = 8;
    const { model, plan } = planOf(H);
    const full = new Runner(plan).runChunk(0, plan.runs);
    const per = measureFloats(plan);
    const stride = (H + 1) * 2;
    const P = (model.n * (model.n - 1)) / 2;
    const outcomes = [
      'menage-a-trois',
      ...['ARD', 'BEL', 'COR'].map((x) => `romantic, pivot ${x}`),
      ...['ARD', 'BEL', 'COR'].map((x) => `stable-marriage, outcast ${x}`),
      'unit-veto',
      'incomplete',
    ];
    const defined = plan.follow.map(() => 0);
    for (let t = 0; t <= H; t++) {
      // The same runs stopped at step t end in the state the full runs had at step t (step 0:
      // the start ties every run records, and the world's capabilities).
      const part = new Runner(planOf(Math.max(1, t)).plan).runChunk(0, plan.runs);
      for (let r = 0; r < plan.runs; r++) {
        for (let side = 0; side < 2; side++) {
          const at = t === 0 ? 0 : 1 + side;
          const ties = part.horizon.subarray(r * 3 * P + at * P, r * 3 * P + (at + 1) * P);
          const caps =
            t === 0
              ? model.capabilities
              : part.capabilities.subarray((2 * r + side) * model.n, (2 * r + side + 1) * model.n);
          const want = await byAnalysis(snapshotOf(model, ties, caps), plan.seed, false);
          const got = plan.follow.map((_, f) => full.measures[r * per + f * stride + 2 * t + side]!);
          expect([outcomes[got[0]!], ...got.slice(1)]).toEqual(want);
          for (const [f, x] of got.entries()) if (!Number.isNaN(x)) defined[f]!++;
        }
      }
    }
    // Every kind is defined at most steps, so the comparison is not of NaNs alone.
    for (const d of defined) expect(d).toBeGreaterThan(plan.runs * (H + 1));
  });

  it('takes the exact frustration index at the horizon, and the twin equals the scenario without shocks', async () => {
    const { model, plan } = planOf(6);
    const chunk = new Runner(plan).runChunk(0, plan.runs);
    const per = measureFloats(plan);
    const stride = 7 * 2;
    await new ExactAtHorizon(plan, measureRng(plan.seed)).apply(chunk);
    const P = (model.n * (model.n - 1)) / 2;
    for (let r = 0; r < plan.runs; r++) {
      const ties = chunk.horizon.subarray(r * 3 * P + P, r * 3 * P + 2 * P);
      const caps = chunk.capabilities.subarray(2 * r * model.n, (2 * r + 1) * model.n);
      const [, , , , exact] = await byAnalysis(snapshotOf(model, ties, caps), plan.seed, true);
      expect(chunk.measures[r * per + 4 * stride + 2 * 6]).toBe(exact);
      for (let f = 0; f < plan.follow.length; f++)
        for (let t = 0; t <= 6; t++) {
          const o = r * per + f * stride + 2 * t;
          expect(Object.is(chunk.measures[o], chunk.measures[o + 1])).toBe(true);
        }
    }
  });

  it('tells the twin from the scenario once a shock parts them', () => {
    const { plan } = planOf(6, 'shocks:\n  - { at: 0, tie: [BEL, COR], shift: 0.8 }\n');
    const chunk = new Runner(plan).runChunk(0, plan.runs);
    const per = measureFloats(plan);
    const stride = 7 * 2;
    // Tilt of DUN between BEL and COR moves when BEL–COR warms: scenario ≠ twin somewhere.
    let differ = 0;
    for (let r = 0; r < plan.runs; r++)
      for (let t = 1; t <= 6; t++) {
        const o = r * per + 3 * stride + 2 * t;
        if (chunk.measures[o] !== chunk.measures[o + 1]) differ++;
      }
    expect(differ).toBeGreaterThan(0);
  });
});
