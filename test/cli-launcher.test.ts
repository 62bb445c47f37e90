/**
 * The launcher (`bin/counterbalance.js`) of a source checkout runs a cached bundle of the source:
 * after a source file is edited the next run must show the edit (never stale code), and the run
 * after that must too, from the rebuilt bundle. Works on a copy of the checkout (its own cache).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';

function copyOfCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'cb-launcher-'));
  for (const part of ['bin', 'src', 'package.json'])
    cpSync(join(projectRoot, part), join(root, part), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const pkg of readdirSync(join(projectRoot, 'node_modules')).filter((p) => p !== '.cache')) {
    symlinkSync(join(projectRoot, 'node_modules', pkg), join(root, 'node_modules', pkg));
  }
  return root;
}

const version = (root: string) =>
  spawnSync(process.execPath, [join(root, 'bin', 'counterbalance.js'), '--version'], {
    cwd: root,
    encoding: 'utf8',
  });

describe('the CLI launcher of a source checkout', () => {
  it('runs an edited source file at once and from then on, never the stale bundle', () => {
    const root = copyOfCheckout();
    expect(version(root).stdout.trim()).toBe('0.1.0');
    const entry = join(root, 'node_modules', '.cache', 'counterbalance', 'cli', 'entry.mjs');
    expect(existsSync(entry)).toBe(true);
    expect(version(root).stdout.trim()).toBe('0.1.0');

    const source = join(root, 'src', 'cli', 'version.ts');
    const text = readFileSync(source, 'utf8');
    expect(text).toContain("'0.1.0'");
    writeFileSync(source, text.replace("'0.1.0'", "'0.1.0-edited'"));
    const afterEdit = version(root);
    expect(afterEdit.stderr).toBe('');
    expect(afterEdit.stdout.trim()).toBe('0.1.0-edited');
    expect(version(root).stdout.trim()).toBe('0.1.0-edited');
  });
});
