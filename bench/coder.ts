/**
 * The English event coder: dictionary load time (bundled Phoenix set + CAMEO.2.0 verbs) and
 * sentences per second on one core over the gold texts (unit-test records + GSR sentences)
 * repeated to at least 100,000 sentences, in a fresh process each, peak memory beside each time.
 * Peer: PETRARCH2's documented speed of about 150 sentences/s when it does not run its parser
 * (Norris, Schrodt & Beieler 2017, JOSS 2(9); the Phoenix pipeline docs). Goals: ≥ 5,000
 * sentences/s, dictionaries loaded in ≤ 1 s.
 */
import { fileURLToPath } from 'node:url';
import { median, QUICK, table, timeCommand } from './_measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PETRARCH2_SENTENCES_PER_SECOND = 150;
const target = QUICK ? 20_000 : 100_000;

const probe = `
import { readFileSync } from 'node:fs';
const { loadDictionaries } = await import('./src/evidence/coder/load.ts');
const { codeDocument } = await import('./src/evidence/coder/coder.ts');
const { readGold } = await import('./src/evidence/coder/gold.ts');
const { splitSentences } = await import('./src/evidence/coder/text.ts');
// CPU time beside wall time: on a shared machine wall time also counts other processes' turns.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now(), c0 = cpu();
const { dictionaries } = loadDictionaries();
const load = performance.now() - t0, loadCpu = cpu() - c0;
const texts = ['PETR.UnitTest.records.xml', 'PETR2_GSR_validation.xml'].flatMap((f) =>
  readGold(readFileSync('test/fixtures/events/' + f, 'utf8'), f).map((r) => r.text));
const perRound = texts.reduce((n, t) => n + splitSentences(t).length, 0);
const rounds = Math.ceil(${target} / perRound);
let sentences = 0, events = 0;
const t1 = performance.now(), c1 = cpu();
for (let k = 0; k < rounds; k++) for (const t of texts) {
  const r = codeDocument(t, 'bench', dictionaries, { date: 20190815 });
  sentences += r.stats.sentences; events += r.events.length;
}
const code = performance.now() - t1, codeCpu = cpu() - c1;
console.log(JSON.stringify({ load, loadCpu, code, codeCpu, sentences, events }));
`;
const runs = QUICK ? 1 : 3;
const samples = Array.from({ length: runs }, () => {
  const r = timeCommand(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: root,
  });
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), peak: r.peakKiB };
});
const load = median(samples.map((s) => s.load));
const loadCpu = median(samples.map((s) => s.loadCpu));
const rate = median(samples.map((s) => s.sentences / (s.code / 1000)));
const rateCpu = median(samples.map((s) => s.sentences / (s.codeCpu / 1000)));
const peak = (median(samples.map((s) => s.peak)) / 1024).toFixed(0);
table(
  ['case', 'value', 'peer (PETRARCH2)', 'ratio', 'peak MiB', 'runs'],
  [
    ['dictionaries loaded, wall ms', load.toFixed(0), '', '', peak, runs],
    ['dictionaries loaded, CPU ms', loadCpu.toFixed(0), '', '', peak, runs],
    ...[
      ['wall', rate],
      ['CPU', rateCpu],
    ].map(([kind, r]) => [
      `sentences/s per ${kind} second, one core (${samples[0]!.sentences} sentences, ${samples[0]!.events} events)`,
      (r as number).toFixed(0),
      PETRARCH2_SENTENCES_PER_SECOND,
      `${((r as number) / PETRARCH2_SENTENCES_PER_SECOND).toFixed(1)}×`,
      peak,
      runs,
    ]),
  ],
);
