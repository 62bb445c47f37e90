import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenWorld } from './temp-world.js';

/** A copy of the mini world with many problems, and the lines its first problems must point at. */
export interface ManyProblemsWorld {
  dir: string;
  /** Problems in the world: one per added tie and one duplicate actor. */
  total: number;
  bytes: number;
  firstTieLine: number;
  firstAaaLine: number;
  secondAaaLine: number;
}

/**
 * Adds `ties` ties to an unknown actor (one problem each) and moves the actors to the end of the
 * file with one id repeated, so the first problem reported points at two lines at the end.
 *
 * @example
 * const w = manyProblemsWorld(30_000); // ~3.2 MB, w.total === 30_001
 */
export function manyProblemsWorld(ties: number): ManyProblemsWorld {
  const added = Array.from(
    { length: ties },
    (_, i) =>
      `  - { a: AAA, b: X${i}, dimension: military, observations: [{ at: "2001", value: 0.1, evidence: [e1] }] }`,
  ).join('\n');
  const dir = brokenWorld((t) => {
    const actors = /\nactors:\n(?: {2}- .*\n)+/.exec(t)![0];
    const again = '  - { id: AAA, kind: state, name: Alpha again, evidence: [e1] }\n';
    return `${t.replace(actors, '\n').replace('\nties:\n', `\nties:\n${added}\n`)}${actors.slice(1)}${again}`;
  });
  const text = readFileSync(join(dir, 'world.yaml'), 'utf8');
  const lines = text.split('\n');
  return {
    dir,
    total: ties + 1,
    bytes: Buffer.byteLength(text),
    firstTieLine: lines.indexOf('ties:') + 2,
    firstAaaLine: lines.findIndex((l) => l.startsWith('  - { id: AAA')) + 1,
    secondAaaLine: lines.findLastIndex((l) => l.startsWith('  - { id: AAA')) + 1,
  };
}
