import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ScenarioValidationError } from '../domain/errors.js';
import { loadWorld } from '../worlds/load.js';
import { compilePlan } from './plan.js';
import {
  bundledScenarioIds,
  checkScenario,
  loadScenario,
  parseScenario,
  scenarioFromObject,
  worldRef,
} from './scenario.js';
import { compileWorld } from './world-model.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
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

  it('validate objects from the API without lines', () => {
    expect(() => scenarioFromObject({ name: 'x', start: '2021-12', horizon: 'long' })).toThrow(
      ScenarioValidationError,
    );
    expect(scenarioFromObject({ name: 'x', start: '2021-12', horizon: 3 }).scenario.runs).toBe(200);
  });

  it('find bundled scenarios by id and suggest near misses', () => {
    expect(bundledScenarioIds()).toContain('seed-russia-pakistan-bait');
    expect(loadScenario('seed-russia-pakistan-bait').scenario.expect).toHaveLength(2);
    expect(() => loadScenario('seed-russia-pakistan-bai')).toThrow(NotFoundError);
    expect(() => loadScenario('seed-russia-pakistan-bai')).toThrow(
      /did you mean the bundled scenario 'seed-russia-pakistan-bait'/,
    );
  });
});
