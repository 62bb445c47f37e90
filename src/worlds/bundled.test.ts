import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledWorldsDir, resolveWorldRef } from './bundled.js';

describe('world references', () => {
  const start = process.cwd();
  afterEach(() => process.chdir(start));

  it('take a bare id as the bundled world even beside a folder of that name', () => {
    const here = mkdtempSync(join(tmpdir(), 'cb-ref-'));
    try {
      mkdirSync(join(here, 'eurasia'));
      mkdirSync(join(here, 'mine'));
      process.chdir(here);
      expect(resolveWorldRef('eurasia')).toBe(join(bundledWorldsDir(), 'eurasia'));
      expect(resolveWorldRef('./eurasia')).toBe(join(here, 'eurasia'));
      expect(resolveWorldRef('mine')).toBe(join(here, 'mine'));
      expect(() => resolveWorldRef('nowhere')).toThrow(/no bundled world 'nowhere'.*bundled: .*eurasia/);
    } finally {
      process.chdir(start);
      rmSync(here, { recursive: true, force: true });
    }
  });
});
