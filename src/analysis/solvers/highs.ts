/**
 * One shared HiGHS runtime (WebAssembly, loaded once on first use). HiGHS is the open-source
 * LP/MIP solver of Huangfu & Hall (2018), "Parallelizing the dual revised simplex method",
 * Mathematical Programming Computation 10.
 */
import { createRequire } from 'node:module';
import type { Highs } from 'highs';

let runtime: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime, or returns the one already loaded.
 *
 * @example
 * const highs = await loadHighs();
 * highs.solve('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd').ObjectiveValue; // 1
 */
export function loadHighs(): Promise<Highs> {
  // The package's CommonJS loader, required from this file at run time rather than bundled: it
  // finds highs.wasm beside itself, which a bundled copy (the simulation worker script, where the
  // ES loader has no `import.meta.url`) cannot.
  runtime ??= Promise.resolve().then(() =>
    (createRequire(import.meta.url)('highs') as () => Promise<Highs>)(),
  );
  return runtime;
}
