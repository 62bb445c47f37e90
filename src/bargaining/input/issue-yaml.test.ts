import { describe, expect, it } from 'vitest';
import { BargainingInputError, type Problem } from '../../domain/errors.js';
import { parseIssueYaml } from './issue-yaml.js';
import { bundledIssueNames, loadBargainingInput } from './load.js';
import { worldCapabilities } from './world-capability.js';

function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(BargainingInputError);
    return (err as BargainingInputError).problems;
  }
  return expect.fail('expected a BargainingInputError');
}

const ISSUE = `title: Test issue
date: '2017'
dimensions:
  - name: support
actors:
  - id: RUS
    position: 20
    salience: 40
  - id: TALIBAN
    position: 90
    salience: 95
    capability: 0.0016
`;

describe('parseIssueYaml', () => {
  it('fills missing capabilities from the linked world (CINC at the date)', () => {
    const issue = parseIssueYaml(ISSUE, 'test.yaml', { world: 'eurasia', capabilities: worldCapabilities });
    const rus = issue.actors.find((a) => a.id === 'RUS')!;
    expect(rus.capability).toBeCloseTo(0.0358, 4); // COW NMC v7 CINC 2017
    expect(rus.position).toEqual([20]);
    expect(issue.actors.find((a) => a.id === 'TALIBAN')!.capability).toBe(0.0016);
    expect(issue.scale).toEqual({ min: 0, max: 100 });
  });

  it('takes the date override: CINC of another year', () => {
    const a = parseIssueYaml(ISSUE, 't.yaml', {
      world: 'eurasia',
      at: '2021',
      capabilities: worldCapabilities,
    });
    const b = parseIssueYaml(ISSUE, 't.yaml', { world: 'eurasia', capabilities: worldCapabilities });
    expect(a.actors[0]!.capability).not.toBe(b.actors[0]!.capability);
  });

  it('asks for a capability when no world is linked', () => {
    const [p] = problemsOf(() => parseIssueYaml(ISSUE, 'test.yaml'));
    expect(p).toMatchObject({ file: 'test.yaml', line: 6, field: 'actors[0].id' });
    expect(p!.message).toMatch(/RUS has no capability/);
    expect(p!.hint).toMatch(/--world/);
  });

  it('requires an explicit capability for actors without CINC', () => {
    const text = ISSUE.replace('    capability: 0.0016\n', '');
    const [p] = problemsOf(() =>
      parseIssueYaml(text, 'test.yaml', { world: 'eurasia', capabilities: worldCapabilities }),
    );
    expect(p).toMatchObject({ line: 9, field: 'actors[1].id' });
    expect(p!.message).toMatch(/no capability \(CINC\) for TALIBAN/);
    expect(p!.hint).toMatch(/give `capability:` explicitly/);
  });

  it('locates schema and consistency problems by line and field', () => {
    const typo = problemsOf(() =>
      parseIssueYaml(ISSUE.replace('    salience: 40', '    salince: 40'), 'x.yaml'),
    );
    expect(typo.some((p) => p.line === 6 && /salince/.test(p.message))).toBe(true);
    const over = problemsOf(() =>
      parseIssueYaml(ISSUE.replace('    salience: 95', '    salience: 120'), 'x.yaml', {
        world: 'eurasia',
        capabilities: worldCapabilities,
      }),
    );
    expect(over[0]).toMatchObject({ line: 11, field: 'actors[1].salience[0]' });
  });

  const WITH_BASIS = `${ISSUE}    basis:
      position: { kind: judgement, note: the author's reading }
    uncertainty: { position: 15, salience: 10, capability: 0.5 }
`;

  it('reads what each number rests on and its declared uncertainty', () => {
    const issue = parseIssueYaml(WITH_BASIS, 't.yaml', { world: 'eurasia', capabilities: worldCapabilities });
    const taliban = issue.actors[1]!;
    expect(taliban.basis).toEqual({ position: { kind: 'judgement', note: "the author's reading" } });
    expect(taliban.uncertainty).toEqual({ position: [15], salience: [10], capability: 0.5 });
    expect(issue.actors[0]!.uncertainty).toBeUndefined();
  });

  it.each([
    ['kind: judgement', 'kind: hunch', 14, 'actors[1].basis.position.kind', /seed-quote/],
    ['salience: 10,', 'salience: -3,', 15, 'actors[1].uncertainty.salience', /≥ 0/],
    ['position: 15,', 'position: 150,', 15, 'actors[1].uncertainty.position', /wider than the scale \(100\)/],
    ['capability: 0.5', 'capability: 1.5', 15, 'actors[1].uncertainty.capability', /fraction below 1/],
    ['position: 15,', 'position: [5, 5],', 15, 'actors[1].uncertainty.position', /2 values for 1 dimension/],
  ])('rejects a bad basis or uncertainty (%s → %s) by line and field', (from, to, line, field, message) => {
    const ps = problemsOf(() =>
      parseIssueYaml(WITH_BASIS.replace(from, to), 'x.yaml', {
        world: 'eurasia',
        capabilities: worldCapabilities,
      }),
    );
    expect(ps[0]).toMatchObject({ file: 'x.yaml', line, field });
    expect(ps[0]!.message).toMatch(message);
  });
});

describe('bundled issues', () => {
  it('includes the three seed questions and the KTAB examples', () => {
    expect(bundledIssueNames()).toEqual(
      expect.arrayContaining([
        'russia-joins-cpec',
        'afghan-settlement-taliban',
        'pakistan-nsg-bid',
        'dummyData_3Dim',
      ]),
    );
  });

  it('justifies every position, salience and capability with a quote from a seed file', () => {
    for (const name of ['russia-joins-cpec', 'afghan-settlement-taliban', 'pakistan-nsg-bid']) {
      const issue = loadBargainingInput(name);
      expect(issue.actors.length, name).toBeGreaterThanOrEqual(5);
      for (const a of issue.actors) {
        for (const field of ['position', 'salience', 'capability'] as const) {
          const e = a.evidence?.[field];
          expect(e?.source, `${name} ${a.id} ${field}`).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
          expect(e!.quote.length, `${name} ${a.id} ${field}`).toBeGreaterThan(15);
        }
      }
    }
  });

  it('say what every number rests on and how uncertain it is', () => {
    for (const name of ['russia-joins-cpec', 'afghan-settlement-taliban', 'pakistan-nsg-bid']) {
      for (const a of loadBargainingInput(name).actors) {
        for (const field of ['position', 'salience', 'capability'] as const) {
          expect(a.basis?.[field]?.note.length, `${name} ${a.id} ${field}`).toBeGreaterThan(15);
        }
        expect(a.uncertainty?.position, `${name} ${a.id}`).toHaveLength(1);
        expect(a.uncertainty?.salience, `${name} ${a.id}`).toHaveLength(1);
        expect(a.uncertainty?.capability, `${name} ${a.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('use ISO3 ids for states and TALIBAN for the Taliban', () => {
    const ids = loadBargainingInput('afghan-settlement-taliban').actors.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['TALIBAN', 'AFG', 'PAK', 'RUS', 'CHN', 'USA']));
  });
});
