/**
 * One shared HiGHS runtime (WebAssembly, loaded once on first use). HiGHS is the open-source
 * LP/MIP solver of Huangfu & Hall (2018), "Parallelizing the dual revised simplex method",
 * Mathematical Programming Computation 10.
 */
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
  // The package ships ESM at runtime but one CommonJS-flavoured declaration file, so TypeScript
  // would see the loader one `default` too deep.
  runtime ??= import('highs').then((m) => (m as unknown as { default: () => Promise<Highs> }).default());
  return runtime;
}
