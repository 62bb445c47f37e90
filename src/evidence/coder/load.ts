/**
 * Loading dictionaries: the bundled Phoenix set from data/dictionaries (plus the project's own
 * current-leaders file), or any PETRARCH-format files. Unreadable lines are counted warnings;
 * a dictionary with no usable entry, or a missing file, is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, NotFoundError, type Problem } from '../../domain/errors.js';
import { type ActorEntry, readActorDictionary } from './actors.js';
import { type AgentEntry, readAgentDictionary } from './agents.js';
import { readCameoScale } from './cameo-scale.js';
import type { CoderDictionaries } from './coder.js';
import { type DiscardScope, readDiscardDictionary } from './discards.js';
import { PhraseTrie } from './phrase-trie.js';
import { readVerbDictionary } from './verbs.js';

/** Which files make a dictionary set (paths). */
export interface DictionaryFiles {
  readonly verbs: string;
  readonly actors: readonly string[];
  readonly agents: readonly string[];
  readonly discards: readonly string[];
  readonly scale: string;
}

/** The package's data folder (works from src/ under tsx and from dist/src/). */
export function dataDir(): string {
  for (const rel of ['../../../data', '../../../../data']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'dictionaries'))) return dir;
  }
  throw new NotFoundError('the dictionaries folder data/dictionaries is missing from this installation');
}

/** The bundled Phoenix dictionaries, with the project's current leaders read first. */
export function bundledDictionaryFiles(): DictionaryFiles {
  const d = join(dataDir(), 'dictionaries');
  return {
    verbs: join(d, 'CAMEO.2.0.txt'),
    actors: [
      'counterbalance.leaders.actors.txt',
      'Phoenix.Countries.actors.txt',
      'Phoenix.International.actors.txt',
      'Phoenix.MilNonState.actors.txt',
    ].map((f) => join(d, f)),
    agents: [join(d, 'Phoenix.agents.txt')],
    discards: [join(d, 'Phoenix.discards.txt')],
    scale: join(dataDir(), 'lookups', 'cameo_eventcodes_goldstein_quad.tsv'),
  };
}

/** The PETRARCH validation dictionaries used by the unit-test records. */
export function validationDictionaryFiles(): DictionaryFiles {
  const d = join(dataDir(), 'dictionaries');
  return {
    verbs: join(d, 'PETR.Validate.verbs.txt'),
    actors: [join(d, 'PETR.Validate.actors.txt')],
    agents: [join(d, 'PETR.Validate.agents.txt')],
    discards: [join(d, 'PETR.Validate.discards.txt')],
    scale: join(dataDir(), 'lookups', 'cameo_eventcodes_goldstein_quad.tsv'),
  };
}

function read(path: string): string {
  if (!existsSync(path)) throw new NotFoundError(`dictionary ${path} does not exist`);
  return readFileSync(path, 'utf8');
}

/** Dictionaries built from text: `sources` maps a file name to its contents. */
export function buildDictionaries(sources: {
  verbs: [string, string];
  actors: [string, string][];
  agents: [string, string][];
  discards: [string, string][];
  scale: string;
}): { dictionaries: CoderDictionaries; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const actors = new PhraseTrie<ActorEntry>();
  const agents = new PhraseTrie<AgentEntry>();
  const discards = new PhraseTrie<DiscardScope>();
  for (const [file, text] of sources.actors) readActorDictionary(text, file, actors, warnings);
  for (const [file, text] of sources.agents) readAgentDictionary(text, file, agents, warnings);
  for (const [file, text] of sources.discards) readDiscardDictionary(text, file, discards, warnings);
  const verbs = readVerbDictionary(sources.verbs[1], sources.verbs[0], warnings);
  const empty: Problem[] = [];
  if (actors.size === 0)
    empty.push({
      file: sources.actors.map((a) => a[0]).join(', '),
      message: 'no actor entries',
      hint: 'check the file is a PETRARCH actor dictionary',
    });
  if (verbs.verbs.size === 0)
    empty.push({
      file: sources.verbs[0],
      message: 'no verbs',
      hint: 'check the file is a PETRARCH verb dictionary',
    });
  if (empty.length > 0) throw new InvalidInputError([...empty, ...warnings.slice(0, 5)]);
  return {
    dictionaries: { actors, agents, discards, verbs, scale: readCameoScale(sources.scale) },
    warnings,
  };
}

/** Loads a dictionary set from files. */
export function loadDictionaries(files: DictionaryFiles = bundledDictionaryFiles()): {
  dictionaries: CoderDictionaries;
  warnings: Problem[];
} {
  const pair = (p: string): [string, string] => [basename(p), read(p)];
  return buildDictionaries({
    verbs: pair(files.verbs),
    actors: files.actors.map(pair),
    agents: files.agents.map(pair),
    discards: files.discards.map(pair),
    scale: read(files.scale),
  });
}
