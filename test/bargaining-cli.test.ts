/**
 * `counterbalance bargain`: the command registered on a program in-process, and end to end through
 * the real CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../src/cli/commands/bargain.js';
import { exitCodeFor } from '../src/domain/error-codes.js';
import { BargainingInputError } from '../src/domain/errors.js';
import { cli } from './helpers/cli.js';
import { runCommand } from './helpers/run-command.js';

const run = (args: string[]) => runCommand(register, ['bargain', ...args]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bargain command', () => {
  it('prints the documented JSON: model, actors, dimensions, turns, final, forecast, converged, steps', async () => {
    const json = JSON.parse(await run(['dummyData_3Dim', '--json']));
    expect(json).toMatchObject({
      model: 'smp',
      dimensions: ['Pstn1', 'Pstn2', 'Pstn3'],
      converged: true,
      steps: 10,
    });
    expect(json.actors).toHaveLength(7);
    expect(json.turns).toHaveLength(11);
    expect(json.turns[0].positions['SActor-00']).toEqual([75.79, 6.37, 70.45]);
    expect(json.turns[0].risk['SActor-00']).toBeCloseTo(-0.5, 3);
    expect(json.final['SActor-02']).toEqual(json.turns[10].positions['SActor-02']);
    expect(json.forecast.mean).toHaveLength(3);
    expect(json.forecast.median).toHaveLength(3);
  });

  it('runs BDM on a bundled YAML issue and explains one actor', async () => {
    const out = await run(['afghan-settlement-taliban', '--model', 'bdm', '--explain', 'TALIBAN']);
    expect(out).toMatch(/BDM: \d+ steps, converged/);
    expect(out).toMatch(/turn\s+TALIBAN\s+AFG\s+PAK/);
    expect(out).toMatch(/forecast path/);
    expect(out).toMatch(/TALIBAN, turn by turn\nturn 0: position \(90\.00\)/);
    expect(out).toMatch(/acts on the confrontation with CHN: .* → moves to 55\.00/);
  });

  it('explains an SMP actor: target, expected gain, proposal, choice', async () => {
    const out = await run(['dummyData_3Dim', '--explain', 'SActor-04']);
    expect(out).toMatch(/challenges SActor-00: P = 0\.5836, expected gain \+0\.0116/);
    expect(out).toMatch(/proposes: itself → \(79\.54, 44\.72, 72\.05\)/);
  });

  it('shows a seeded sensitivity band and the largest swings beside every forecast', async () => {
    const out = await run(['russia-joins-cpec']);
    expect(out).toMatch(/sensitivity \(200 draws, seed 1;/);
    expect(out).toMatch(
      /median 64\.3, 5–95% band \d+\.\d to \d+\.\d; \d+% of draws on the same side of 50\.0/,
    );
    expect(out).toMatch(/IND salience 85\.0 → 75\.0 \/ 95\.0: median 22\.9 \/ 64\.3/);
    const a = JSON.parse(await run(['russia-joins-cpec', '--json', '--draws', '30', '--seed', '4']));
    const b = JSON.parse(await run(['russia-joins-cpec', '--json', '--draws', '30', '--seed', '4']));
    expect(a.sensitivity).toMatchObject({ seed: 4, draws: 30, band: [0.05, 0.95] });
    expect(a.sensitivity.dimensions[0].median.point).toBeCloseTo(64.32, 2);
    expect(b.sensitivity).toEqual(a.sensitivity);
    const none = JSON.parse(await run(['russia-joins-cpec', '--json', '--draws', '0']));
    expect(none.sensitivity).toBeUndefined();
  });

  it('explains in plain words, with what each input rests on, when --explain names no actor', async () => {
    const out = await run(['russia-joins-cpec', '--explain', '--draws', '20']);
    expect(out).toMatch(/How to read this forecast/);
    for (const term of ['position', 'salience', 'capability', 'median', 'band', 'swings']) {
      expect(out).toMatch(new RegExp(`^  ${term} +\\w`, 'm'));
    }
    expect(out).toMatch(/^IND \(India\)\n {2}position 0 ±5 \(seed quote\): read off the "red line" quote/m);
    expect(out).toMatch(/^ {2}salience 85 ±10 \(author's judgement\)/m);
    expect(out).not.toMatch(/, turn by turn\n/);
  });

  it('throws BargainingInputError (exit code 1) on bad input, naming file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-bargain-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'Bad,"x",2,1,\nActor,Description,Power,P,S,\nA,a,abc,50,50,\nB,b,1,50,60,\n');
    const err = await run([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BargainingInputError);
    expect(exitCodeFor(err)).toBe(1);
    expect((err as Error).message).toMatch(/bad\.csv:3 Power: 'abc' is not a number/);
  });

  it('is wired into the counterbalance CLI (exit 0 on success, 1 on bad input)', () => {
    const ok = cli(['bargain', 'pakistan-nsg-bid', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).actors).toContain('PAK');
    const bad = cli(['bargain', 'no-such-issue']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no bargaining issue 'no-such-issue'/);
  });
});
