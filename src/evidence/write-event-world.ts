/**
 * Writes a world from events (see world-from-events.ts) to `DIR/world.json` as its evidence
 * streams from the store: one array element per line, flushed in blocks with back-pressure, so a
 * world over every pair of a large store is written in bounded memory. The file appears under its
 * name only once complete and checked: it is written beside it (a dot file, which world loaders
 * skip), handed to `check` (the CLI loads it with the world loader, which runs the checker), then
 * renamed; a check that throws leaves the dot file for inspection and `world.json` untouched.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventWorld } from './world-from-events.js';

export interface WriteEventWorldOptions {
  /** Characters buffered before a write. */
  block: number;
  /** Validates the complete file (its path ends in `.json`) before it takes its name; throws if broken. */
  check: (file: string) => void;
}

export const WRITE_EVENT_WORLD_DEFAULTS: Readonly<WriteEventWorldOptions> = Object.freeze({
  block: 1 << 20,
  check: () => {},
});

/** What was written. */
export interface EventWorldSummary {
  out: string;
  actors: number;
  series: number;
  observations: number;
  evidence: number;
  period: { from: string; to: string };
}

/**
 * Streams the world into `dir` (created if needed) and counts what it holds.
 *
 * @example
 * const summary = await writeEventWorld(await eventWorld(store, { actors: ['IND', 'PAK'] }), 'out');
 * summary.series; // 1
 */
export async function writeEventWorld(
  world: EventWorld,
  dir: string,
  options: Partial<WriteEventWorldOptions> = {},
): Promise<EventWorldSummary> {
  const { block, check } = { ...WRITE_EVENT_WORLD_DEFAULTS, ...options };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'world.json');
  const partial = join(dir, '.world.partial.json');
  const out = createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length < block) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await Promise.race([once(out, 'drain'), failed]);
  };
  const array = async (key: string, items: AsyncIterable<unknown> | Iterable<unknown>, last = false) => {
    let n = 0;
    await write(` ${JSON.stringify(key)}: [`);
    for await (const item of items) await write(`${n++ === 0 ? '' : ','}\n  ${JSON.stringify(item)}`);
    await write(`${n === 0 ? '' : '\n '}]${last ? '' : ','}\n`);
    return n;
  };
  const { head } = world;
  await write(`{\n "meta": ${JSON.stringify(head.meta)},\n`);
  await array('sources', head.sources);
  const evidence = await array('evidence', world.evidence());
  await array('actors', head.actors);
  await array('ties', head.ties, true);
  out.end(`${buffer}}\n`);
  await Promise.race([once(out, 'finish'), failed]);
  check(partial);
  renameSync(partial, file);
  return {
    out: dir,
    actors: head.actors.length,
    series: head.ties.length,
    observations: head.ties.reduce((n, s) => n + s.observations.length, 0),
    evidence,
    period: { from: head.meta.period.from, to: head.meta.period.to },
  };
}
