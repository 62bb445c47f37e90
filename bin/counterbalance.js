#!/usr/bin/env node
// An installed package runs its compiled dist/. A source checkout (src/ and tsx present) runs the
// cached bundle of the source when it is fresh (src/cli/bundle.ts checks every input's stamp);
// otherwise it runs the TypeScript source through tsx and rebuilds the bundle meanwhile, so the
// CLI is never older than its source.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = new URL('../src/cli/bundle.ts', import.meta.url);
const bundled = new URL('../node_modules/.cache/counterbalance/cli/entry.mjs', import.meta.url);
const built = new URL('../dist/src/cli/main.js', import.meta.url);
const argv = process.argv.slice(2);

function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && hasTsx()) {
  const cached = existsSync(bundled) ? await import(bundled.href).catch(() => undefined) : undefined;
  if (cached?.isFresh()) {
    await cached.main(argv);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    const fromSource = await import(source.href);
    await Promise.all([fromSource.rebuild(), fromSource.main(argv)]);
  }
} else {
  const cli = await import(built.href);
  await cli.main(argv);
}
