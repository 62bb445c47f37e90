/**
 * `counterbalance world build global`: build from the datasets, validate the result as any world
 * file is validated (schema, then cross-references), and only then write it (all-or-nothing).
 */

import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblem, type Problem, WorldValidationError } from '../../domain/errors.js';
import { WorldFile } from '../../domain/schema.js';
import { bundledWorldsDir } from '../bundled.js';
import { checkWorld } from '../check-world.js';
import type { MergedSections } from '../read-world-files.js';
import { BUILD_STEPS, type BuildProgress, buildGlobal } from './build.js';
import { writeBuiltWorld } from './built-format.js';
import type { GlobalOptions } from './transforms.js';

/** The datasets folder shipped with the package (data/datasets). */
export function bundledDatasetsDir(): string {
  for (const rel of ['../../../data/datasets', '../../../../data/datasets']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return fileURLToPath(new URL('../../../data/datasets', import.meta.url));
}

export interface RebuildOptions {
  datasets: string;
  /** Folder the built world is written into. */
  out: string;
  transform: Partial<GlobalOptions>;
  progress: BuildProgress;
}

/** Problems of a built world, found the way world files are checked. */
export function validateBuilt(world: WorldFile): Problem[] {
  const parsed = WorldFile.safeParse(world);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 50)
      .map((i) => ({ file: 'global (built)', field: i.path.join('.'), message: i.message }));
  }
  const located = <T>(items: T[], section: string) =>
    items.map((value, i) => ({ value, file: 'global (built)', path: [section, i], line: () => undefined }));
  const d = parsed.data;
  const sections = {
    meta: d.meta ? located([d.meta], 'meta') : [],
    sources: located(d.sources, 'sources'),
    evidence: located(d.evidence, 'evidence'),
    actors: located(d.actors, 'actors'),
    capabilities: located(d.capabilities, 'capabilities'),
    ties: located(d.ties, 'ties'),
    events: located(d.events, 'events'),
    corridors: located(d.corridors, 'corridors'),
    memberships: located(d.memberships, 'memberships'),
    claims: located(d.claims, 'claims'),
  } as unknown as MergedSections;
  return checkWorld(sections).problems;
}

/**
 * Builds, validates and writes the global world; returns counts for the report.
 *
 * @example
 * rebuildGlobal({ progress: (d, t, label) => console.error(d, t, label) });
 */
export function rebuildGlobal(options: Partial<RebuildOptions> = {}) {
  const datasets = options.datasets ?? bundledDatasetsDir();
  const out = options.out ?? `${bundledWorldsDir()}/global`;
  // two steps after the build's own: validating and writing
  const total = BUILD_STEPS + 2;
  const progress: BuildProgress = (done, _total, label) => options.progress?.(done, total, label);
  const { world, warnings, ends } = buildGlobal(datasets, options.transform, progress);
  progress(BUILD_STEPS + 1, total, 'validating');
  const problems = validateBuilt(world);
  if (problems.length > 0) {
    throw new WorldValidationError(
      problems,
      `the built world is invalid:\n${problems
        .slice(0, 20)
        .map((p) => `  ${formatProblem(p)}`)
        .join('\n')}`,
    );
  }
  progress(total, total, 'writing');
  // a new --out folder is made only now, so a failed build leaves nothing behind
  mkdirSync(out, { recursive: true });
  const written = writeBuiltWorld(out, world);
  return {
    out,
    actors: world.actors?.length ?? 0,
    series: world.ties?.length ?? 0,
    observations: (world.ties ?? []).reduce((n, t) => n + t.observations.length, 0),
    evidence: world.evidence?.length ?? 0,
    warnings,
    ends,
    ...written,
  };
}
