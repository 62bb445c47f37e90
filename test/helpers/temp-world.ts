import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixture = new URL('../fixtures/mini-world/', import.meta.url);

/** Copies the mini fixture world to a temp folder and applies a text edit to world.yaml. */
export function brokenWorld(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-world-'));
  cpSync(fixture, dir, { recursive: true });
  const file = join(dir, 'world.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing: the fixture moved, fix the test');
  writeFileSync(file, after);
  return dir;
}
