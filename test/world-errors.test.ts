import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorldValidationError } from '../src/domain/errors.js';
import { loadWorld } from '../src/worlds/load.js';
import { cli } from './helpers/cli.js';
import { brokenWorld } from './helpers/temp-world.js';

interface Case {
  name: string;
  edit: (t: string) => string;
  /** Text found on the line the problem must point at (in the edited file). */
  line: string;
  field: RegExp;
  message: RegExp;
  hint?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'unknown actor id in a tie',
    edit: (t) => t.replace('  - a: BBB\n    b: CCC', '  - a: BBB\n    b: CCD'),
    line: 'b: CCD',
    field: /^ties\[2\]\.b$/,
    message: /unknown actor 'CCD'/,
    hint: /did you mean 'CCC'/,
  },
  {
    name: 'unknown supplier in arms imports',
    edit: (t) =>
      t.replace(
        '  - { actor: AAA, year: 2010, cinc: 0.03, evidence: [e1] }',
        '  - { actor: AAA, year: 2010, cinc: 0.03, armsImports: { CCD: 0.4 }, evidence: [e1] }',
      ),
    line: 'armsImports: { CCD',
    field: /^capabilities\[1\]\.armsImports\.CCD$/,
    message: /unknown actor 'CCD'/,
    hint: /did you mean 'CCC'/,
  },
  {
    name: 'value out of range',
    edit: (t) => t.replace('value: 0.7', 'value: 1.7'),
    line: 'value: 1.7',
    field: /ties\[0\]\.observations\[1\]\.value/,
    message: /\[-1, 1\]/,
  },
  {
    name: 'overlapping membership intervals',
    edit: (t) =>
      t.replace(
        '  - { actor: AAA, org: ORG, from: "2001", evidence: [e1] }',
        '  - { actor: AAA, org: ORG, from: "2001", to: "2012", evidence: [e1] }\n  - { actor: AAA, org: ORG, from: "2010", evidence: [e1] }',
      ),
    line: 'ORG, from: "2010"',
    field: /memberships\[1\]\.from/,
    message: /overlaps another AAA membership of ORG/,
  },
  {
    name: 'reversed corridor status interval',
    edit: (t) =>
      t.replace(
        '{ from: "2005", to: "2009", status: proposed',
        '{ from: "2005", to: "2003", status: proposed',
      ),
    line: 'to: "2003"',
    field: /corridors\[0\]\.statuses\[0\]\.to/,
    message: /ends \(2003\) before it starts \(2005\)/,
  },
  {
    name: 'fact without evidence',
    edit: (t) => t.replace('title: Summit, evidence: [e1]', 'title: Summit, evidence: []'),
    line: 'title: Summit',
    field: /events\[0\]\.evidence/,
    message: /at least one evidence id/,
  },
  {
    name: 'duplicate actor id',
    edit: (t) => t.replace('id: CCC, kind: state, name: Gamma', 'id: BBB, kind: state, name: Gamma'),
    line: 'name: Gamma',
    field: /actors\[2\]\.id/,
    message: /duplicate actor id 'BBB'/,
  },
  {
    name: 'evidence citing a document that does not exist',
    edit: (t) => t.replace('{ id: e2, source: doc,', '{ id: e2, source: doc2,'),
    line: 'source: doc2',
    field: /evidence\[1\]\.source/,
    message: /unknown source 'doc2'/,
    hint: /did you mean 'doc'/,
  },
  {
    name: 'evidence id that is not declared',
    edit: (t) =>
      t.replace(
        '{ id: c1, author: Tester, date: "2020", thesis: Alpha leans to Beta, about: [AAA, BBB], evidence: [e1] }',
        '{ id: c1, author: Tester, date: "2020", thesis: Alpha leans to Beta, about: [AAA, BBB], evidence: [e9] }',
      ),
    line: 'evidence: [e9]',
    field: /claims\[0\]\.evidence\[0\]/,
    message: /unknown evidence 'e9'/,
  },
  {
    name: 'YAML syntax error',
    edit: (t) => t.replace('  name: A three-state test world', '  name: A three-state: test world'),
    line: 'three-state: test',
    field: /^$/,
    message: /YAML syntax/,
  },
  {
    name: 'misspelt field',
    edit: (t) => t.replace('value: -0.5', 'vaule: -0.5'),
    line: 'vaule',
    field: /ties\[2\]\.observations\[0\]/,
    message: /vaule|value/,
  },
  {
    name: 'impossible date',
    edit: (t) => t.replace('date: 2010-06-15', 'date: 2010-13-15'),
    line: '2010-13-15',
    field: /events\[0\]\.date/,
    message: /not a calendar date/,
  },
  {
    name: 'observations out of order',
    edit: (t) => t.replace('at: 2010-06, value: 0.7', 'at: "1999", value: 0.7'),
    line: 'at: "1999"',
    field: /ties\[0\]\.observations\[1\]\.at/,
    message: /out of order/,
  },
  {
    name: 'membership in a state',
    edit: (t) => t.replace('{ actor: AAA, org: ORG,', '{ actor: AAA, org: CCC,'),
    line: 'org: CCC',
    field: /memberships\[0\]\.org/,
    message: /not an organization or bloc/,
  },
  {
    name: 'an actor that ends before it begins',
    edit: (t) =>
      t.replace(
        '{ id: ORG, kind: organization, name: The Organisation,',
        '{ id: ORG, kind: organization, name: The Organisation, since: "2005", until: "2001",',
      ),
    line: 'until: "2001"',
    field: /^actors\[\d\]\.until$/,
    message: /ends \(2001\) before it begins \(2005\)/,
  },
  {
    name: 'a membership dated before the organisation existed',
    edit: (t) =>
      t.replace(
        '{ id: ORG, kind: organization, name: The Organisation,',
        '{ id: ORG, kind: organization, name: The Organisation, since: "2005-03",',
      ),
    line: 'org: ORG, from: "2001"',
    field: /^memberships\[0\]\.from$/,
    message: /'ORG' exists since 2005-03, but this is dated 2001/,
    hint: /lifetime/,
  },
  {
    name: 'an event after an actor ended',
    edit: (t) =>
      t.replace(
        '{ id: AAA, kind: state, name: Alpha,',
        '{ id: AAA, kind: state, name: Alpha, until: "2009-12",',
      ),
    line: 'id: ev1',
    field: /^events\[0\]\.date$/,
    message: /'AAA' exists until 2009-12, but this is dated 2010-06-15/,
  },
  {
    name: 'a claim test with an unknown direction',
    edit: (t) =>
      t.replace(
        'about: [AAA, BBB], evidence: [e1] }',
        'about: [AAA, BBB],\n      test: { trend: [AAA, BBB], over: ["2010", "2020"], direction: upwards }, evidence: [e1] }',
      ),
    line: 'direction: upwards',
    field: /^claims\[0\]\.test\.direction$/,
    message: /rising|falling|steady/,
  },
  {
    name: 'a claim test naming an unknown actor',
    edit: (t) =>
      t.replace(
        'about: [AAA, BBB], evidence: [e1] }',
        'about: [AAA, BBB],\n      test: { tilt: AAA, between: [BBB, CCD], direction: towards-first }, evidence: [e1] }',
      ),
    line: 'between: [BBB, CCD]',
    field: /^claims\[0\]\.test\.between\[1\]$/,
    message: /unknown actor 'CCD'/,
    hint: /did you mean 'CCC'/,
  },
];

function problemsOf(dir: string) {
  try {
    loadWorld(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(WorldValidationError);
    return (err as WorldValidationError).problems;
  }
  throw new Error('the broken world loaded without error');
}

describe('broken world files are rejected with file, line, field and a hint', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = brokenWorld(c.edit);
      const lines = readFileSync(join(dir, 'world.yaml'), 'utf8').split('\n');
      const expectedLine = lines.findIndex((l) => l.includes(c.line)) + 1;
      expect(expectedLine).toBeGreaterThan(0);
      const problems = problemsOf(dir);
      const match = problems.find((p) => c.message.test(p.message));
      expect(match, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(match!.file).toBe('world.yaml');
      expect(match!.line).toBe(expectedLine);
      expect(match!.field ?? '').toMatch(c.field);
      if (c.hint) expect(match!.hint).toMatch(c.hint);
    });
  }

  it('the CLI prints the location and exits 1; a valid world exits 0', () => {
    const dir = brokenWorld(CASES[0]!.edit);
    const bad = cli(['world', 'validate', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/world\.yaml:31 ties\[2\]\.b: unknown actor 'CCD' \(hint: did you mean 'CCC'/);
    const good = cli(['world', 'validate', 'test/fixtures/mini-world']);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/valid/);
  });

  it('the CLI rejects an unknown world id and a bad date with exit 1', () => {
    expect(cli(['ties', '--world', 'atlantis']).code).toBe(1);
    const r = cli(['ties', '--world', 'test/fixtures/mini-world', '--at', '2021-02-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no day 30/);
  });
});
