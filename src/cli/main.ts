#!/usr/bin/env node
/**
 * The `counterbalance` command line: parse → call the library → print. Errors are mapped to exit
 * codes in one place (`exitCodeFor`).
 */
import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor } from '../domain/error-codes.js';
import { CounterbalanceError } from '../domain/errors.js';
import { register as registerAnalysis } from './commands/analysis.js';
import { register as registerBargain } from './commands/bargain.js';
import { register as registerEvents } from './commands/events.js';
import { register as registerWorldFromEvents } from './commands/events-world.js';
import { register as registerScenario } from './commands/scenario.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerTour } from './commands/tour.js';
import { register as registerWorld } from './commands/world.js';

export function buildProgram(): Command {
  const program = new Command('counterbalance')
    .description('Represent, measure and simulate the international system of counterbalances.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerWorld(program);
  registerAnalysis(program);
  registerBargain(program);
  registerEvents(program);
  registerWorldFromEvents(program);
  registerScenario(program);
  registerTour(program);
  registerServe(program);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
