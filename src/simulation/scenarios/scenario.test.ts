import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ScenarioValidationError } from '../../domain/errors.js';
import { loadWorld } from '../../worlds/load.js';
import { compileWorld } from '../model/world-model.js';
import { compilePlan } from '../runs/plan.js';
import {
  bundledScenarioIds,
  checkScenario,
  loadScenario,
  parseScenario,
  scenarioFromObject,
  worldRef,
} from './scenario.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const world = loadWorld(`${fixtures}sim-world`);

const BASE = `name: test
world: ./sim-world
start: 2021-12
horizon: 12
runs: 10
shocks:
  - { at: 0, tie: [BEL, COR], shift: 0.5 }
`;

/** The problems of a scenario text, or [] when it is valid. */
function problems(text: string, limits = {}) {
  try {
    checkScenario(parseScenario(text, 'case.yaml', fixtures), world, limits);
    return [];
  } catch (err) {
    if (!(err instanceof ScenarioValidationError)) throw err;
    return err.problems;
  }
}

describe('scenario files', () => {
  it('accept a valid scenario and fill in defaults', () => {
    const doc = parseScenario(BASE, 'case.yaml', fixtures);
    expect(problems(BASE)).toEqual([]);
    expect(doc.scenario.step).toBe('month');
    expect(doc.scenario.seed).toBe(1);
    // `persist` is left as written; a tie shock without it is lasting once compiled.
    expect(doc.scenario.shocks[0]?.persist).toBeUndefined();
    const plan = compilePlan(doc.scenario, compileWorld(world, '2021-12', { keep: ['BEL', 'COR'] }), {
      runs: 1,
      chunk: 1,
    });
    expect(plan.shocks[0]).toMatchObject({ kind: 'tie', persist: true });
    expect(worldRef(doc)).toBe(`${fixtures}sim-world`);
  });

  it('name an unknown actor with file, line, field and the closest id', () => {
    const [p] = problems(BASE.replace('[BEL, COR]', '[BEL, CORR]'));
    expect(p).toMatchObject({ file: 'case.yaml', line: 7, field: 'shocks[0].tie[1]' });
    expect(p?.message).toContain("unknown actor 'CORR'");
    expect(p?.hint).toContain("did you mean 'COR'");
  });

  it('reject a shock outside the horizon', () => {
    const [p] = problems(BASE.replace('at: 0', 'at: 12'));
    expect(p).toMatchObject({ field: 'shocks[0].at', line: 7 });
    expect(p?.hint).toContain('0 ≤ at < 12');
  });

  it('reject unknown mechanisms and parameters with suggestions, and out-of-range values', () => {
    const found = problems(
      `${BASE}mechanisms:\n  baitAndBites: { veto: true }\n  hedging: { etaa: 1 }\n  inertia: { kappa: -1 }\n  securityDilemma: { sigma: true }\n`,
    );
    expect(found.map((p) => p.field)).toEqual([
      'mechanisms.baitAndBites',
      'mechanisms.hedging.etaa',
      'mechanisms.inertia.kappa',
      'mechanisms.securityDilemma.sigma',
    ]);
    expect(found[0]?.hint).toContain("did you mean 'baitAndBite'");
    expect(found[1]?.hint).toContain("did you mean 'eta'");
    expect(found[2]?.message).toContain('outside');
    expect(found[3]?.message).toContain('is a number');
    expect(found[0]?.line).toBe(9);
  });

  it('reject bad dates, a start before the world and runs or horizon beyond the limits', () => {
    expect(problems(BASE.replace('2021-12', '2021-13'))[0]).toMatchObject({ field: 'start', line: 3 });
    expect(problems(BASE.replace('2021-12', '1990-01'))[0]?.message).toContain('before world');
    const limited = problems(BASE, { maxRuns: 5, maxHorizon: 6 });
    expect(limited.map((p) => p.field)).toEqual(['runs', 'horizon']);
  });

  it('reject malformed shocks and unknown keys at schema level, with lines', () => {
    const both = () => parseScenario(BASE.replace('shift: 0.5', 'shift: 0.5, set: 0.2'), 'case.yaml');
    expect(both).toThrow(ScenarioValidationError);
    expect(both).toThrow(/exactly one of `shift:` or `set:`/);
    try {
      parseScenario(`${BASE}horizn: 3\n`, 'case.yaml');
      expect.unreachable();
    } catch (err) {
      expect((err as ScenarioValidationError).problems[0]).toMatchObject({ line: 8, field: 'horizn' });
    }
    expect(() => parseScenario('name: x\nstart: [\n', 'bad.yaml')).toThrow(/YAML syntax/);
  });

  it('check followed measures and measure expectations: unknown measures, actors and keys with lines', () => {
    const schemaProblems = (text: string) => {
      try {
        parseScenario(text, 'case.yaml', fixtures);
        return [];
      } catch (err) {
        return (err as ScenarioValidationError).problems;
      }
    };
    const shape = schemaProblems(
      `${BASE}follow:\n  - { triangle: [ARD, BEL] }\n  - { tilt: DUN, betwen: [BEL, COR] }\n` +
        `  - { measure: frustrashun }\n  - { trangle: [ARD, BEL, COR] }\n` +
        `expect:\n  - { triangle: [ARD, BEL, COR], direction: positive }\n` +
        `  - { tilt: DUN, between: [BEL, COR], direction: up }\n`,
    );
    expect(shape.map((p) => [p.line, p.field])).toEqual([
      [9, 'follow[0].triangle'],
      [10, 'follow[1].between'],
      [10, 'follow[1].betwen'],
      [11, 'follow[2].measure'],
      [12, 'follow[3]'],
      [14, 'expect[0].triangle'],
      [15, 'expect[1].direction'],
    ]);
    expect(shape[2]?.hint).toContain('{ tilt: X, between: [A, B] }');
    expect(shape[3]?.message).toContain("did you mean 'frustration'");
    expect(shape[4]?.message).toContain("did you mean 'triangle'");
    expect(shape[5]?.message).toContain('numeric measures only');

    const actors = problems(
      `${BASE}follow:\n  - { triangle: [ARD, BEL, CORR] }\n  - { measure: frustration }\n` +
        `expect:\n  - { tilt: DUNN, between: [BEL, COR], direction: negative }\n`,
    );
    expect(actors.map((p) => [p.line, p.field])).toEqual([
      [12, 'expect[0].tilt'],
      [9, 'follow[0].triangle[2]'],
    ]);
    expect(actors[1]?.hint).toContain("did you mean 'COR'");
    const valid = `${BASE}follow:\n  - { alignment: EST, poles: [BEL, COR] }\nexpect:\n  - { balance: [BEL, COR], direction: positive }\n`;
    expect(problems(valid)).toEqual([]);
    // Measure expectations are followed too, each measure once, and entries stay as written.
    const doc = parseScenario(valid, 'case.yaml', fixtures);
    const plan = compilePlan(doc.scenario, compileWorld(world, '2021-12'), { runs: 1, chunk: 1 });
    expect(plan.follow.map((f) => f.kind)).toEqual(['alignment', 'militaryBalance']);
    expect(scenarioFromObject(doc.scenario).scenario).toEqual(doc.scenario);
  });

  it('validate objects from the API without lines', () => {
    expect(() => scenarioFromObject({ name: 'x', start: '2021-12', horizon: 'long' })).toThrow(
      ScenarioValidationError,
    );
    expect(scenarioFromObject({ name: 'x', start: '2021-12', horizon: 3 }).scenario.runs).toBe(200);
  });

  it('find bundled scenarios by id and suggest near misses', () => {
    expect(bundledScenarioIds()).toContain('seed-russia-pakistan-bait');
    const expectations = loadScenario('seed-russia-pakistan-bait').scenario.expect;
    // two tie expectations (IND–RUS, PAK–USA) beside two measure ones (the tilts the seed states)
    expect(expectations.filter((e) => 'pair' in e)).toHaveLength(2);
    expect(expectations).toHaveLength(4);
    expect(() => loadScenario('seed-russia-pakistan-bai')).toThrow(NotFoundError);
    expect(() => loadScenario('seed-russia-pakistan-bai')).toThrow(
      /did you mean the bundled scenario 'seed-russia-pakistan-bait'/,
    );
  });
});
