#!/usr/bin/env node
// In a source checkout (src/ and tsx present) runs the TypeScript source, so the CLI is never a
// stale build; an installed package runs its compiled dist/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/src/cli/main.js', import.meta.url);

function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

let cli;
if (existsSync(source) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import(built.href);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
