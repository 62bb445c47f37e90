/**
 * `npm start` while another counterbalance server runs on the machine: the second must start. It
 * used to fail opening the default DuckDB event store the first one held; now the events live in
 * memory unless `--db` asks for a file, and a held `--db` file is a clear one-line error.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';

const running: ChildProcess[] = [];
// A home of its own, so the default user data directory is never the real one.
const home = mkdtempSync(join(tmpdir(), 'cb-serve-home-'));

/** Starts `serve` and resolves with its first stderr line once it serves, or its exit and output. */
function serve(...args: string[]): Promise<{ serving: boolean; stderr: string; code: number | null }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--world',
      'test/fixtures/mini-world',
      ...args,
    ],
    { cwd: projectRoot, env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data') } },
  );
  running.push(child);
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr!.on('data', (d) => {
      stderr += String(d);
      if (stderr.includes('counterbalance serving')) resolve({ serving: true, stderr, code: null });
    });
    child.on('exit', (code) => resolve({ serving: false, stderr, code }));
  });
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

describe('a second server on the same machine', () => {
  it('starts with the default options while the first one runs', async () => {
    const first = await serve();
    expect(first.serving).toBe(true);
    expect(first.stderr).toContain('events in memory');
    const second = await serve();
    expect(second.stderr).not.toContain('lock');
    expect(second.serving).toBe(true);
  });

  it('starts while the first one holds an event store file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'cb-serve-db-')), 'events.duckdb');
    const first = await serve('--db', db);
    expect(first.serving).toBe(true);
    expect(first.stderr).toContain(`events in ${db}`);
    expect((await serve()).serving).toBe(true);
    // Asking for the held file is the user's choice: one clear line, exit 1.
    const third = await serve('--db', db);
    expect(third.serving).toBe(false);
    expect(third.code).toBe(1);
    expect(third.stderr).toMatch(/^error: --db: cannot open the event store/);
    expect(third.stderr).not.toContain('internal error');
  });
});
