/** `claims check`: every claim of a world held against what the world measures at its date. */
import type { Command } from 'commander';
import { checkClaims } from '../../analysis/claims/check-claims.js';
import { integer } from '../option-parsers.js';
import { clip, printJson, printTable } from '../output.js';
import { addWorldOption, worldFromOptions } from '../world-options.js';

interface CheckOptions {
  world: string;
  claim?: string;
  draws?: number;
  seed?: number;
  json?: boolean;
}

const measuredText = (m: Record<string, number | string | null>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function register(program: Command): void {
  const claims = program.command('claims').description("analysts' claims held against the world");
  addWorldOption(
    claims
      .command('check')
      .description('verdict per claim: supported, contradicted, mixed, not-testable or no-data'),
  )
    .option('--claim <id>', 'only this claim')
    .option(
      '--draws <n>',
      'bootstrap draws from the ties’ confidence (0: coded values only)',
      integer('draws', 0),
    )
    .option('--seed <n>', 'seed of the draws', integer('seed', 0))
    .option('--json', 'machine-readable output')
    .action((opts: CheckOptions) => {
      const checks = checkClaims(worldFromOptions(opts), {
        ...(opts.claim !== undefined && { claim: opts.claim }),
        ...(opts.draws !== undefined && { draws: opts.draws }),
        ...(opts.seed !== undefined && { seed: opts.seed }),
      });
      if (opts.json) return printJson(checks);
      printTable(checks, [
        { header: 'claim', cell: (c) => c.id },
        { header: 'date', cell: (c) => c.date },
        { header: 'verdict', cell: (c) => c.verdict },
        { header: 'measured', cell: (c) => clip(measuredText(c.measured), 60) },
        { header: 'thesis', cell: (c) => clip(c.thesis, 60) },
      ]);
    });
}
