#!/usr/bin/env node
/**
 * The `counterbalance` command line: parse → call the library → print. Errors are mapped to exit
 * codes in one place (`exitCodeFor`). Only the module of the command being run is loaded (the
 * others pull in DuckDB, the HTTP stack or the simulation), so start-up stays short; help and
 * unknown commands load them all to list them.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor } from '../domain/error-codes.js';
import { CounterbalanceError } from '../domain/errors.js';
import { exitWhenStdoutCloses } from './output.js';
import { TOOL_VERSION } from './version.js';

type Register = (program: Command) => void;
/** `world` with its `from-events` subcommand, which attaches to it. */
const world = async (): Promise<{ register: Register }> => {
  const [own, fromEvents] = await Promise.all([
    import('./commands/world.js'),
    import('./commands/events-world.js'),
  ]);
  return {
    register: (program) => {
      own.register(program);
      fromEvents.register(program);
    },
  };
};
const analysis = () => import('./commands/analysis.js');

/** Which module registers each top-level command. */
const COMMANDS: Readonly<Record<string, () => Promise<{ register: Register }>>> = Object.freeze({
  world,
  ties: world,
  export: world,
  cite: world,
  balance: analysis,
  triangle: analysis,
  triangles: analysis,
  balancers: analysis,
  alignment: analysis,
  power: analysis,
  series: analysis,
  backtest: () => import('./commands/backtest.js'),
  bargain: () => import('./commands/bargain.js'),
  scenario: () => import('./commands/scenario.js'),
  tour: () => import('./commands/tour.js'),
  serve: () => import('./commands/serve.js'),
  code: () => import('./commands/code.js'),
  events: () => import('./commands/events.js'),
  claims: () => import('./commands/claims.js'),
});

/** The modules `argv` needs: its command's, none for a bare `--version`, else all (for help). */
function modulesFor(argv: readonly string[]): (() => Promise<{ register: Register }>)[] {
  const name = argv.find((a) => !a.startsWith('-'));
  const own = name === undefined ? undefined : COMMANDS[name];
  if (own) return [own];
  if (name === undefined && (argv.includes('--version') || argv.includes('-V'))) return [];
  return [...new Set(Object.values(COMMANDS))];
}

/** The program with the commands `argv` needs (all of them by default). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('counterbalance')
    .description('Represent, measure and simulate the international system of counterbalances.')
    .version(TOOL_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const modules = await Promise.all(modulesFor(argv).map((load) => load()));
  for (const m of modules) m.register(program);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const code = exitCodeFor(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      err instanceof CounterbalanceError
        ? `error: ${message}\n`
        : `internal error: ${err instanceof Error ? err.stack : message}\n`,
    );
    return code;
  }
}

/** The process entry (the `counterbalance` launcher and `node src/cli/main.ts`): runs and sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  exitWhenStdoutCloses();
  process.exitCode = await runCli(argv);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) void main(process.argv.slice(2));
