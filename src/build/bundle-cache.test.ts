import { cpSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BundleSpec, buildBundle, freshBundle } from './bundle-cache.js';

/** A checkout of two modules: the entry re-exports what its import says. */
function checkout(): { spec: BundleSpec; write: (text: string) => void; dep: string } {
  const root = mkdtempSync(join(tmpdir(), 'cb-bundle-'));
  writeFileSync(
    join(root, 'entry.ts'),
    "export { said } from './dep.js';\nexport const where: string = import.meta.url;\n",
  );
  const dep = join(root, 'dep.ts');
  const write = (text: string) =>
    writeFileSync(dep, `export const said: string = ${JSON.stringify(text)};\n`);
  write('first');
  return { spec: { name: 'probe', entry: 'entry.ts', format: 'esm', root }, write, dep };
}

let version = 0;
const load = async (entry: string) =>
  (await import(`${pathToFileURL(entry).href}?v=${++version}`)) as { said: string; where: string };

describe('cached bundles', () => {
  it('serve the bundle while its sources are unchanged, and never after one changed', async () => {
    const { spec, write } = checkout();
    expect(freshBundle(spec)).toBeUndefined();
    const { entry } = await buildBundle(spec);
    expect(freshBundle(spec)).toBe(entry);
    expect((await load(entry)).said).toBe('first');

    write('second, longer');
    expect(freshBundle(spec)).toBeUndefined();
    await buildBundle(spec);
    expect((await load(freshBundle(spec)!)).said).toBe('second, longer');
  });

  it('notices an edit that keeps the size (the modification time moves)', async () => {
    const { spec, write, dep } = checkout();
    await buildBundle(spec);
    write('fiRst');
    const later = new Date(Date.now() + 5_000);
    utimesSync(dep, later, later);
    expect(freshBundle(spec)).toBeUndefined();
  });

  it('never serves a cache copied, times and all, from another checkout', async () => {
    const { spec, dep } = checkout();
    // Whole seconds survive a copy exactly, so only the checkout's place tells the two apart.
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    for (const file of [dep, join(spec.root!, 'entry.ts')]) utimesSync(file, past, past);
    await buildBundle(spec);
    const copy = mkdtempSync(join(tmpdir(), 'cb-bundle-copy-'));
    cpSync(spec.root!, copy, { recursive: true, preserveTimestamps: true });
    expect(freshBundle({ ...spec, root: copy })).toBeUndefined();
    expect(freshBundle(spec)).toBeDefined();
  });

  it("keeps each module's own import.meta.url, so paths relative to a source file still resolve", async () => {
    const { spec } = checkout();
    const { entry } = await buildBundle(spec);
    expect((await load(entry)).where).toBe(pathToFileURL(join(spec.root!, 'entry.ts')).href);
  });
});
