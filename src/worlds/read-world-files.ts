/**
 * Reads the files of a world (one file, or every .yaml/.yml/.json file in a folder, sorted by
 * name), validates each against the schema and merges their sections, keeping where each item
 * came from so later checks can point at file and line.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import { InvalidInputError, type Problem } from '../domain/errors.js';
import { WorldFile } from '../domain/schema.js';
import { type Found, keep } from './check-world.js';
import { readTextFile } from './read-text-file.js';
import { type DataPath, fieldName, type ParsedSource, parseYamlSource } from './yaml-source.js';

const SECTIONS = [
  'sources',
  'evidence',
  'actors',
  'capabilities',
  'ties',
  'events',
  'corridors',
  'memberships',
  'claims',
] as const;
export type Section = (typeof SECTIONS)[number];
type WorldFileData = z.infer<typeof WorldFile>;

/** An item of a section with the place it was read from. */
export interface Located<T> {
  value: T;
  file: string;
  path: DataPath;
  line: (sub?: DataPath) => number | undefined;
}

export type MergedSections = { [S in Section]: Located<WorldFileData[S][number]>[] } & {
  meta: Located<NonNullable<WorldFileData['meta']>>[];
};

const WORLD_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Lists the files that make up a world at `path` (a file or a folder). */
export function worldFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => WORLD_EXTENSIONS.has(extname(f)) && !f.startsWith('.'))
    .sort()
    .map((f) => join(path, f));
}

/**
 * A union (a claim's `test`) fails as one "invalid input"; the branch with the fewest issues is the
 * one the curator meant, so its first issue is reported instead, at its full path.
 */
function closestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branch = issue.errors.reduce((best, e) => (e.length > 0 && e.length < best.length ? e : best));
  const first = branch[0];
  return first ? closestIssue({ ...first, path: [...issue.path, ...first.path] }) : issue;
}

function schemaProblem(src: ParsedSource, raw: z.core.$ZodIssue, display: string): Problem {
  const issue = closestIssue(raw);
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  return {
    file: display,
    line: src.locate(unknownKeys.length > 0 ? [...path, unknownKeys[0]!] : path),
    field: fieldName(path) || undefined,
    message: issue.message,
    hint:
      unknownKeys.length > 0
        ? `remove or rename ${unknownKeys.join(', ')}; see 'counterbalance world schema' for the fields`
        : issue.code === 'invalid_type'
          ? 'see `counterbalance world schema` for the expected type'
          : undefined,
  };
}

/**
 * Reads and schema-validates every file of a world. Returns the merged sections, the first
 * `maxProblems` problems found (each with its line) and the count of all (the caller decides to fail).
 */
export function readWorldFiles(
  path: string,
  maxProblems = Number.POSITIVE_INFINITY,
): { sections: MergedSections } & Found {
  const found: Found = { problems: [], total: 0 };
  const add = (problems: readonly Problem[]) => {
    for (const p of problems) keep(found, maxProblems, () => p);
  };
  const sections = Object.fromEntries([...SECTIONS, 'meta'].map((s) => [s, []])) as unknown as MergedSections;
  const files = worldFiles(path);
  if (files.length === 0) {
    add([{ file: basename(path), message: 'no .yaml, .yml or .json files in this folder' }]);
  }
  for (const file of files) {
    const display = files.length > 1 ? join(basename(path), basename(file)) : basename(file);
    let text: string;
    try {
      text = readTextFile(file, display);
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      add(err.problems);
      continue;
    }
    const src = parseYamlSource(display, text);
    add(src.problems);
    if (src.problems.length > 0) continue;
    const parsed = WorldFile.safeParse(src.data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        keep(found, maxProblems, () => schemaProblem(src, issue, display));
      continue;
    }
    const at =
      (path: DataPath) =>
      (sub: DataPath = []) =>
        src.locate([...path, ...sub]);
    if (parsed.data.meta) {
      sections.meta.push({ value: parsed.data.meta, file: display, path: ['meta'], line: at(['meta']) });
    }
    for (const s of SECTIONS) {
      const items = parsed.data[s] as unknown[];
      items.forEach((value, i) => {
        (sections[s] as Located<unknown>[]).push({ value, file: display, path: [s, i], line: at([s, i]) });
      });
    }
  }
  return { sections, ...found };
}
