/**
 * Parses YAML (or JSON, which is YAML) keeping enough of the document to turn a data path back
 * into a line number, so every error can say file, line and field.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../domain/errors.js';

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

/**
 * Parses text as YAML, collecting syntax errors as problems with lines.
 *
 * @example
 * const src = parseYamlSource('w.yaml', 'actors:\n  - id: RUS\n');
 * src.locate(['actors', 0, 'id']); // 2
 */
export function parseYamlSource(file: string, text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line,
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
    hint: 'check indentation, quotes and colons on that line',
  }));
  const locate = (path: DataPath): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { file, data: problems.length > 0 ? undefined : doc.toJS(), problems, locate };
}
