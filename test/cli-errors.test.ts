/**
 * Errors that used to escape as "internal error" with a stack trace and exit 3: each is now one
 * line naming the file or option, with exit 1. Runs the real CLI entry in-process (runCli) and, for
 * the broken pipe, as a child process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';
import { runCliCaptured } from './helpers/run-command.js';

const temp = () => mkdtempSync(join(tmpdir(), 'cb-cli-errors-'));

const run = runCliCaptured;

/** One line, `error: …`, naming `what`, exit 1: no stack trace, no "internal error". */
function expectOneLineError(r: { code: number; stderr: string }, what: string): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toContain(what);
  expect(r.code).toBe(1);
}

describe('errors that escaped become one clear line with exit 1', () => {
  it('balance --edges on a missing file', async () => {
    const file = join(temp(), 'my-network.csv');
    expectOneLineError(await run('balance', '--edges', file), `${file}: no such file`);
  });

  it('balance --edges on a folder', async () => {
    const dir = temp();
    expectOneLineError(await run('balance', '--edges', dir), `${dir}: is a folder`);
  });

  it('bargain on a folder', async () => {
    const dir = join(temp(), 'issue.yaml');
    mkdirSync(dir);
    expectOneLineError(await run('bargain', dir), 'is a folder');
  });

  it('scenario run and scenario validate on a folder', async () => {
    const dir = temp();
    expectOneLineError(await run('scenario', 'run', dir, '--runs', '2'), `${dir}: is a folder`);
    const v = await run('scenario', 'validate', dir);
    expect(v.stderr).toContain('is a folder');
    expect(v.stderr).not.toContain('internal error');
    expect(v.code).toBe(1);
  });

  it('world validate on a folder holding a subfolder names the subfolder', async () => {
    const dir = temp();
    cpSync(join(projectRoot, 'test/fixtures/mini-world'), dir, { recursive: true });
    mkdirSync(join(dir, 'more.yaml'));
    const r = await run('world', 'validate', dir);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toMatch(/more\.yaml: is a folder/);
    expect(r.code).toBe(1);
  });

  it('export -o into a folder or a missing folder', async () => {
    const dir = temp();
    const world = join(projectRoot, 'test/fixtures/mini-world');
    expectOneLineError(
      await run('export', 'gexf', '--world', world, '-o', dir),
      `${dir} --output: is a folder`,
    );
    const missing = join(dir, 'no-such-folder', 'x.gexf');
    expectOneLineError(
      await run('export', 'gexf', '--world', world, '-o', missing),
      'its folder does not exist',
    );
  });

  it('serve on a port in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const r = await run('serve', '--port', String(port), '--world', 'test/fixtures/mini-world');
      expectOneLineError(r, `--port: port ${port} on 127.0.0.1 is in use`);
      expect(r.stderr).toContain('npm start -- --port');
    } finally {
      holder.close();
    }
  });

  it('serve --host with a name that does not resolve', async () => {
    // a token, so that the bind itself is tried (beyond loopback a server needs one)
    const r = await run(
      'serve',
      '--port',
      '0',
      '--token',
      'a-test-token',
      '--host',
      'no-such-host.invalid',
      '--world',
      'test/fixtures/mini-world',
    );
    expectOneLineError(r, "--host: cannot bind to 'no-such-host.invalid'");
  });

  it('piping into a reader that closes early (| head) ends quietly, not with EPIPE', () => {
    // A shell pipe (a child's stdio is a socket pair with room for the whole output).
    const node = JSON.stringify(process.execPath);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `${node} --import tsx src/cli/main.ts world evidence --json | head -c 10; echo "exit $\{PIPESTATUS[0]}" >&2`,
      ],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(r.stdout).toBe('[\n  {\n    ');
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr.trim()).toBe('exit 0');
  });
});
