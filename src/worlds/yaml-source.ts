/**
 * Parses world and scenario files. The fast path reads JSON with `JSON.parse` and YAML with
 * js-yaml (core schema: dates stay strings); only when a problem must be reported is the file
 * parsed again into a `yaml` Document, whose node ranges turn a data path into a line number.
 * That keeps loading a large valid world fast while every error still says file, line and field.
 */

import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml, YAMLException } from 'js-yaml';
import type { Problem } from '../domain/errors.js';

// The `yaml` library (node ranges, for line numbers) loads only when a problem must be located.
type YamlLib = typeof import('yaml');
let yamlLib: YamlLib | undefined;
const yaml = (): YamlLib => {
  yamlLib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return yamlLib;
};

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

function locator(text: string): (path: DataPath) => number | undefined {
  let doc: ReturnType<YamlLib['parseDocument']> | undefined;
  let lineCounter: InstanceType<YamlLib['LineCounter']> | undefined;
  return (path) => {
    const { isNode, LineCounter, parseDocument } = yaml();
    lineCounter ??= new LineCounter();
    doc ??= parseDocument(text, { lineCounter, prettyErrors: false });
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
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
  const locate = locator(text);
  try {
    return { file, data: fastParse(file, text), problems: [], locate };
  } catch (err) {
    return { file, data: undefined, problems: syntaxProblems(file, text, err), locate };
  }
}
