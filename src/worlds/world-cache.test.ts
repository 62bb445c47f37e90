import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledWorldsDir } from './bundled.js';
import { loadWorld } from './load.js';
import { worldFiles } from './read-world-files.js';
import { readCachedWorld } from './world-cache.js';

const dir = join(bundledWorldsDir(), 'eurasia');

describe('the validated-world cache', () => {
  it('gives the same world as a full load', () => {
    const full = loadWorld('eurasia', { cache: false });
    loadWorld('eurasia'); // fills the cache
    expect(readCachedWorld('eurasia', worldFiles(dir))).toBeDefined();
    const cached = loadWorld('eurasia');
    expect(JSON.stringify(cached)).toBe(JSON.stringify(full));
    expect([...cached.actorById.keys()]).toEqual([...full.actorById.keys()]);
    expect([...cached.evidenceById.keys()]).toEqual([...full.evidenceById.keys()]);
    expect(cached.origin).toBe(full.origin);
  });

  it('goes stale when any world file changes, and a load refreshes it', () => {
    loadWorld('eurasia');
    const file = worldFiles(dir)[0]!;
    const { atime, mtime } = statSync(file);
    try {
      utimesSync(file, atime, new Date(mtime.getTime() + 1000));
      expect(readCachedWorld('eurasia', worldFiles(dir))).toBeUndefined();
      loadWorld('eurasia');
      expect(readCachedWorld('eurasia', worldFiles(dir))).toBeDefined();
    } finally {
      utimesSync(file, atime, mtime);
    }
  });
});
