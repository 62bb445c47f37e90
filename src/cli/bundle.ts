/**
 * The CLI as one cached bundle (src/build/bundle-cache.ts), so a checkout starts in tens of
 * milliseconds instead of compiling every module through tsx, and never runs code older than its
 * sources. `bin/counterbalance.js` imports the cached bundle of this very module, asks it whether
 * it is still fresh, and otherwise runs the source under tsx and rebuilds the bundle meanwhile.
 */
import { type BundleSpec, buildBundle, freshBundle } from '../build/bundle-cache.js';

const CLI: BundleSpec = Object.freeze({
  name: 'cli',
  entry: 'src/cli/bundle.ts',
  format: 'esm',
  packages: 'external',
});

/** Whether the cached CLI bundle matches every source file that went into it. */
export function isFresh(): boolean {
  return freshBundle(CLI) !== undefined;
}

/** Rebuilds the cached CLI bundle; a failure only means the next start compiles again. */
export async function rebuild(): Promise<void> {
  await buildBundle(CLI).catch(() => undefined);
}

/** Runs the CLI (see main.ts), loaded only once the caller knows the bundle is fresh. */
export async function main(argv: string[]): Promise<void> {
  const cli = await import('./main.js');
  await cli.main(argv);
}
