/**
 * Parses world and scenario files. The fast path reads JSON with `JSON.parse` and YAML with
 * js-yaml (core schema: dates stay strings); only when a problem must be reported is the file
 * indexed for line numbers (line-index.ts: one streaming pass, then one small parse per located
 * item). That keeps loading a large valid world fast, and a large invalid one small, while every
 * error still says file, line and field.
 */

import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { Problem } from '../domain/errors.js';
import { lineLocator, yaml } from './line-index.js';

export type DataPath = readonly (string | number)[];

/** A parsed file that can locate any path inside it. */
export interface ParsedSource {
  file: string;
  data: unknown;
  problems: Problem[];
  locate(path: DataPath): number | undefined;
}

/** Renders a data path the way users read it: `ties[3].observations[0].value`. */
export function fieldName(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function fastParse(file: string, text: string): unknown {
  if (file.endsWith('.json')) return JSON.parse(text);
  return loadYaml(text, { schema: CORE_SCHEMA, filename: file });
}

function syntaxProblems(file: string, text: string, err: unknown): Problem[] {
  const hint = 'check indentation, quotes, brackets and colons on that line';
  if (err instanceof YAMLException) {
    return [
      { file, line: err.mark ? err.mark.line + 1 : undefined, message: `YAML syntax: ${err.reason}`, hint },
    ];
  }
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const found = doc.errors.map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    message: `syntax: ${e.message.split('\n')[0]}`,
    hint,
  }));
  return found.length > 0 ? found : [{ file, message: `syntax: ${(err as Error).message}`, hint }];
}

/**
 * Parses YAML or JSON text, collecting syntax errors as problems with lines.
 *
 * @example
 * const src = parseYamlSource('w.yaml', 'actors:\n  - id: RUS\n');
 * src.locate(['actors', 0, 'id']); // 2
 */
export function parseYamlSource(file: string, text: string): ParsedSource {
  const locate = lineLocator(text);
  try {
    return { file, data: fastParse(file, text), problems: [], locate };
  } catch (err) {
    return { file, data: undefined, problems: syntaxProblems(file, text, err), locate };
  }
}
