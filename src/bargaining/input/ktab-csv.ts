/**
 * Reader for KAPSARC KTAB's scenario CSV (as read by `SMPModel::csvRead`): line 1 = scenario
 * name, description, number of actors, number of dimensions; line 2 = header; then one row per
 * actor: name, description, power, then position and salience per dimension (0–100), trailing
 * commas allowed. Every problem is reported with file, line, column name and a hint.
 */

import { BargainingInputError, type Problem } from '../../domain/errors.js';
import { splitCsvLine } from '../../kernels/csv.js';
import type { BargainingActor, BargainingInput } from '../types.js';
import { checkInput } from './check-input.js';
import { parseNumber, withoutTrailingEmpty } from './csv-fields.js';

const ROW_HINT =
  'each actor row is: name, description, power, then position and salience for every dimension';

/**
 * Parses a KTAB CSV scenario; throws `BargainingInputError` listing every problem.
 *
 * @example
 * const issue = parseKtabCsv(readFileSync('dummyData_3Dim.csv', 'utf8'), 'dummyData_3Dim.csv');
 * issue.actors.length; // 7
 * issue.dimensions; // ['Pstn1', 'Pstn2', 'Pstn3']
 */
export function parseKtabCsv(text: string, file = 'input.csv'): BargainingInput {
  const lines = text.split(/\r?\n/);
  const problems: Problem[] = [];
  const problem = (line: number, field: string | undefined, message: string, hint?: string) =>
    problems.push({ file, line, field, message, hint });

  const head = splitCsvLine(lines[0] ?? '');
  const declaredActors = parseNumber(head[2] ?? '');
  const dims = parseNumber(head[3] ?? '');
  if (declaredActors === undefined || !Number.isInteger(declaredActors) || declaredActors < 0) {
    problem(
      1,
      'number of actors',
      `'${head[2] ?? ''}' is not a count of actors`,
      'line 1 is: name, description, #actors, #dimensions',
    );
  }
  if (dims === undefined || !Number.isInteger(dims) || dims < 1) {
    problem(
      1,
      'number of dimensions',
      `'${head[3] ?? ''}' is not a count of dimensions`,
      'line 1 is: name, description, #actors, #dimensions (≥ 1)',
    );
  }
  if (problems.length > 0) throw new BargainingInputError(problems);
  const D = dims!;
  const width = 3 + 2 * D;

  const header = withoutTrailingEmpty(splitCsvLine(lines[1] ?? ''));
  if (header.length < width) {
    problem(
      2,
      'header',
      `the header has ${header.length} columns, ${width} are needed for ${D} dimension(s)`,
      ROW_HINT,
    );
    throw new BargainingInputError(problems);
  }
  const column = (c: number) => header[c] || `column ${c + 1}`;
  const dimensions = Array.from({ length: D }, (_, d) => column(3 + 2 * d));

  const actors: BargainingActor[] = [];
  const lineOf: number[] = [];
  for (let l = 2; l < lines.length; l++) {
    if (lines[l]!.trim() === '') continue;
    const fields = withoutTrailingEmpty(splitCsvLine(lines[l]!));
    if (fields.length < width) {
      problem(
        l + 1,
        column(fields.length),
        `missing columns: ${fields.length} of ${width} present`,
        ROW_HINT,
      );
      continue;
    }
    const number = (c: number): number => {
      const v = parseNumber(fields[c]!);
      if (v === undefined)
        problem(l + 1, column(c), `'${fields[c]}' is not a number`, 'write a plain number such as 102.5');
      return v ?? Number.NaN;
    };
    const capability = number(2);
    const position = Array.from({ length: D }, (_, d) => number(3 + 2 * d));
    const salience = Array.from({ length: D }, (_, d) => number(4 + 2 * d));
    actors.push({
      id: fields[0]!,
      name: fields[0]!,
      description: fields[1]!,
      capability,
      position,
      salience,
    });
    lineOf.push(l + 1);
  }
  if (problems.length === 0 && actors.length !== declaredActors) {
    problem(
      1,
      'number of actors',
      `line 1 declares ${declaredActors} actors but ${actors.length} rows follow`,
      'fix the count on line 1 or the actor rows',
    );
  }
  const input: BargainingInput = {
    name: head[0] ?? '',
    description: head[1] ?? '',
    dimensions,
    scale: { min: 0, max: 100 },
    actors,
  };
  if (problems.length === 0) {
    for (const issue of checkInput(input)) {
      const [, i, field, d] = issue.path;
      const line = typeof i === 'number' ? lineOf[i] : issue.path[0] === 'actors' ? 3 : 1;
      problems.push({
        file,
        line,
        field: csvColumn(field, d, column),
        message: issue.message,
        hint: issue.hint,
      });
    }
  }
  if (problems.length > 0) throw new BargainingInputError(problems);
  return input;
}

/** The CSV column an input path refers to (positions and saliences of dimension d). */
function csvColumn(
  field: string | number | undefined,
  d: string | number | undefined,
  column: (c: number) => string,
) {
  const dim = typeof d === 'number' ? d : undefined;
  switch (field) {
    case 'id':
      return column(0);
    case 'capability':
      return column(2);
    case 'position':
      return dim === undefined ? 'positions' : column(3 + 2 * dim);
    case 'salience':
      return dim === undefined ? 'saliences' : column(4 + 2 * dim);
    default:
      return typeof field === 'string' ? field : undefined;
  }
}
