/** `tour`: a guided walk through a bundled world, printed step by step. */
import type { Command } from 'commander';
import { DEFAULT_WORLD } from '../../domain/defaults.js';
import { runTour } from '../../tour/tour.js';
import { printJson, printTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('tour')
    .description('a guided walk through a bundled world: ties, history, evidence, triangles, balancers')
    .option('-w, --world <id>', 'bundled world with a tour', DEFAULT_WORLD)
    .option('--json', 'machine-readable output')
    .action(async (opts: { world: string; json?: boolean }) => {
      const sections = await runTour(opts.world);
      if (opts.json) return printJson(sections);
      sections.forEach((s, i) => {
        process.stdout.write(`\n${i + 1}. ${s.title}\n${'═'.repeat(s.title.length + 3)}\n${s.text}\n\n`);
        if (s.table) {
          printTable(
            s.table.rows,
            s.table.header.map((h, k) => ({ header: h, cell: (r: string[]) => r[k]! })),
          );
        }
      });
    });
}
