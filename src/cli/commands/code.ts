/** `code [FILE…|-]` (event coding of English text) and `code eval GOLD` (scoring on gold sets). */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { formatProblem, InvalidInputError } from '../../domain/errors.js';
import { codedEventsToWorld } from '../../evidence/coded-events-to-world.js';
import { bundledDictionaries, codeTexts, type TextDocument } from '../../evidence/coder/code-texts.js';
import type { CodedEvent } from '../../evidence/coder/coder.js';
import { parseIsoDate } from '../../evidence/coder/dates.js';
import { readGold } from '../../evidence/coder/gold.js';
import { loadDictionaries, validationDictionaryFiles } from '../../evidence/coder/load.js';
import { scoreGold } from '../../evidence/coder/score-gold.js';
import { resolveWorldRef } from '../../worlds/bundled.js';
import { openWorld } from '../../worlds/open-world.js';
import { fmt, printJson, printTable } from '../output.js';

function readInputs(files: string[]): TextDocument[] {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
    return [{ id: 'stdin', text: readFileSync(0, 'utf8') }];
  }
  return files.map((f) => {
    try {
      return { id: f, text: readFileSync(f, 'utf8') };
    } catch {
      throw new InvalidInputError({ file: f, message: 'cannot be read', hint: 'check the path' });
    }
  });
}

function dateOption(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  const d = parseIsoDate(date);
  if (d === undefined)
    throw new InvalidInputError({
      field: '--date',
      message: `"${date}" is not a date`,
      hint: 'write YYYY-MM-DD',
    });
  return d;
}

/** The file written beside the copied world's files. */
const CODED_FILE = 'coded-events.json';

/**
 * Copies the world `ref` to `out` and writes the coded events among its actors beside its files;
 * the copy is loaded (validated) before this returns.
 */
function writeWorldCopy(ref: string, out: string, events: readonly CodedEvent[], date: string) {
  if (ref.includes('+')) {
    throw new InvalidInputError({
      field: '--world',
      message: `'${ref}' is an overlay of worlds`,
      hint: 'name one world (e.g. eurasia); overlays are formed when a world is loaded',
    });
  }
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    throw new InvalidInputError({
      field: '--out',
      message: `'${out}' exists and is not an empty folder`,
      hint: 'name a new folder (the world is copied into it), or remove this one',
    });
  }
  const world = openWorld(ref);
  const { file, added, skipped } = codedEventsToWorld(events, new Set(world.actors.map((a) => a.id)), {
    date,
  });
  const from = resolveWorldRef(ref);
  mkdirSync(out, { recursive: true });
  if (statSync(from).isDirectory()) cpSync(from, out, { recursive: true });
  else cpSync(from, join(out, basename(from)));
  writeFileSync(join(out, CODED_FILE), `${JSON.stringify(file, null, 1)}\n`);
  const copy = openWorld(out, { cache: false });
  return {
    out,
    file: CODED_FILE,
    added,
    skipped,
    events: copy.events.length,
    evidence: copy.evidence.length,
  };
}

/** The sentence with [source], <verb> and [target] marked. */
function marked(e: CodedEvent): string {
  const cuts = [
    { at: e.marks.source, open: '[', close: `]${e.source}` },
    { at: e.marks.verb, open: '<', close: '>' },
    { at: e.marks.target, open: '[', close: `]${e.target}` },
  ].sort((a, b) => b.at[0] - a.at[0]);
  let s = e.sentence;
  for (const c of cuts) {
    const from = c.at[0] - e.start;
    const to = c.at[1] - e.start;
    s = `${s.slice(0, from)}${c.open}${s.slice(from, to)}${c.close}${s.slice(to)}`;
  }
  return s;
}

export function register(program: Command): void {
  const code = program
    .command('code')
    .description('code English text into CAMEO events (who did what to whom), with offsets as evidence')
    .argument('[files...]', 'text files; - or none reads stdin')
    .option('--date <YYYY-MM-DD>', 'date of the text, for dated dictionary codes (default: today)')
    .option('--json', 'machine-readable output: one record per event')
    .option('--world <world>', "add the events among this world's actors to a copy of it (needs -o)")
    .option('-o, --out <dir>', 'new folder for the copy of --world with the coded events')
    .action((files: string[], opts: { date?: string; json?: boolean; world?: string; out?: string }) => {
      const iso = opts.date ?? new Date().toISOString().slice(0, 10);
      const date = dateOption(iso);
      if ((opts.world === undefined) !== (opts.out === undefined)) {
        throw new InvalidInputError({
          field: opts.world === undefined ? '--out' : '--world',
          message: '--world and -o go together',
          hint: 'code --world eurasia FILE… -o DIR writes a copy of the world with the events',
        });
      }
      const result = codeTexts(readInputs(files), { date });
      for (const w of result.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
      if (opts.world !== undefined && opts.out !== undefined) {
        const w = writeWorldCopy(opts.world, opts.out, result.events, iso);
        if (opts.json) return printJson(w);
        const s = w.skipped;
        process.stdout.write(
          `wrote ${join(w.out, w.file)}: ${w.added} of ${result.events.length} coded event(s) added to a copy of ${opts.world} (now ${w.events} events, ${w.evidence} evidence records); skipped: ${s.unknownActor} with an actor outside the world, ${s.selfDirected} self-directed, ${s.unscaled} without a Goldstein weight\n`,
        );
        return;
      }
      if (opts.json) {
        return printJson(result.events.map(({ marks: _marks, ...e }) => e));
      }
      for (const e of result.events) {
        process.stdout.write(
          `${e.doc}:${e.start}-${e.end}  ${e.code} ${e.source}→${e.target}  ${marked(e)}\n`,
        );
      }
      process.stdout.write('\n');
      printTable(result.events, [
        { header: 'doc', cell: (e) => basename(e.doc) },
        { header: 'start', cell: (e) => e.start },
        { header: 'end', cell: (e) => e.end },
        { header: 'source', cell: (e) => e.source },
        { header: 'target', cell: (e) => e.target },
        { header: 'code', cell: (e) => e.code },
        {
          header: 'goldstein',
          cell: (e) => (e.goldstein === null ? '' : fmt(e.goldstein, 1)),
          align: 'right',
        },
        { header: 'quad', cell: (e) => e.quad ?? '' },
        { header: 'verb', cell: (e) => e.verb },
      ]);
      const s = result.stats;
      process.stdout.write(
        `\n${result.events.length} event(s) from ${s.sentences} sentence(s); skipped: ${s.noActors} with fewer than two actors, ${s.negated} negated verb(s), ${s.discarded} discarded, ${s.tooLong} too long\n`,
      );
    });

  code
    .command('eval <gold>')
    .description(
      'precision, recall and F1 on a PETRARCH gold file (unit-test records use the validation dictionaries)',
    )
    .option('--json', 'machine-readable output')
    .action((gold: string, opts: { json?: boolean }) => {
      const records = readGold(readInputs([gold])[0]!.text, gold);
      const unitTest = /<Verbfile>PETR\.Validate/.test(readFileSync(gold, 'utf8'));
      const { dictionaries } = unitTest
        ? loadDictionaries(validationDictionaryFiles())
        : bundledDictionaries();
      const ev = scoreGold(records, dictionaries);
      if (opts.json) return printJson({ gold: basename(gold), ...ev });
      process.stdout.write(
        `${basename(gold)}: ${ev.records} records, ${ev.exact} coded exactly (${fmt((100 * ev.exact) / ev.records, 1)} %)\n\n`,
      );
      printTable(
        [
          { on: '(source, target, root code)', s: ev.root },
          { on: '(source, target, quad class)', s: ev.quad },
        ],
        [
          { header: 'scored on', cell: (r) => r.on },
          { header: 'precision', cell: (r) => fmt(r.s.precision), align: 'right' },
          { header: 'recall', cell: (r) => fmt(r.s.recall), align: 'right' },
          { header: 'F1', cell: (r) => fmt(r.s.f1), align: 'right' },
          { header: 'TP', cell: (r) => r.s.truePositives },
          { header: 'FP', cell: (r) => r.s.falsePositives },
          { header: 'FN', cell: (r) => r.s.falseNegatives },
        ],
      );
      const rows = Object.entries(ev.confusion).sort(([a], [b]) => a.localeCompare(b));
      process.stdout.write('\nroot-code confusion (expected → coded, on dyads either side found)\n');
      printTable(rows, [
        { header: 'expected', cell: ([k]) => k },
        {
          header: 'coded',
          cell: ([, v]) =>
            Object.entries(v)
              .map(([c, n]) => `${c}×${n}`)
              .join(' '),
        },
      ]);
    });
}
