/**
 * Backtest: the file `counterbalance backtest … --json` writes, as charts. A score by horizon for
 * every model (lower is better), the calibration of the 50 % and 90 % intervals by horizon against
 * their nominal levels, and the scores pooled over horizons. The file is read in the browser; a
 * backtest on `global` takes half a minute, which is the command line's job, not a request's.
 */
import type { BacktestResult, ScoreRow } from '../../../src/simulation/backtest/backtest.js';
import { chartSvg, cspSafe, loadPlot } from '../charts.js';
import { announce, type Column, h, replace, table } from '../dom.js';
import type { View } from '../view.js';

const SCORES = [
  ['crps', 'CRPS'],
  ['rmse', 'RMSE'],
  ['brier', 'Brier (sign change)'],
  ['logScore', 'log score (sign change)'],
] as const;
type ScoreKey = (typeof SCORES)[number][0];

const fixed = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));

/** The parsed file, or a message saying what is wrong with it. */
function parseResult(text: string): BacktestResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON: load what `counterbalance backtest … --json` printed.');
  }
  const r = raw as Partial<BacktestResult>;
  if (!r || !Array.isArray(r.scores) || !Array.isArray(r.fit) || !Array.isArray(r.test))
    throw new Error(
      'This JSON has no fit, test and scores: load what `counterbalance backtest … --json` printed.',
    );
  return r as BacktestResult;
}

function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
): HTMLSelectElement {
  const el = h('select', { id, 'aria-label': label });
  for (const [value, text] of options) el.append(h('option', { value }, text));
  return el;
}

export function createBacktestView(): View {
  const file = h('input', {
    id: 'backtest-file',
    type: 'file',
    accept: 'application/json,.json',
    'aria-label': 'backtest JSON',
  });
  const dimension = select('backtest-dimension', 'dimension', [['composite', 'composite']]);
  const dyads = select('backtest-dyads', 'dyads', [
    ['all', 'all dyads'],
    ['focus', 'focus dyads'],
  ]);
  const score = select('backtest-score', 'score', SCORES);
  const host = h('div', { id: 'backtest-charts', 'data-state': 'empty' });
  const element = h(
    'div',
    { class: 'backtest-view' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'backtest-title' },
      h('h2', { id: 'backtest-title' }, 'Backtest: the engine against history'),
      h(
        'p',
        { class: 'hint' },
        'Load the JSON of `counterbalance backtest --world global --fit 1990-2005 --test 2006-2014 --json`. Every model is scored on the same cells; lower scores are better, and a calibrated model covers 50 % and 90 % of outcomes with its 50 % and 90 % intervals.',
      ),
      h('div', { class: 'controls' }, file, dimension, dyads, score),
      host,
    ),
  );
  let result: BacktestResult | undefined;
  let charts: Element[] = [];

  async function draw(): Promise<void> {
    if (!result) return;
    const Plot = await loadPlot();
    const rows = result.scores.filter((s) => s.dimension === dimension.value && s.dyads === dyads.value);
    if (!rows.length) {
      replace(host, h('p', { class: 'muted' }, 'No cells for this dimension and these dyads.'));
      host.dataset.state = 'done';
      return;
    }
    const key = score.value as ScoreKey;
    const byHorizon = rows.filter((s): s is ScoreRow & { horizon: number } => s.horizon !== null);
    const label = SCORES.find(([k]) => k === key)![1];
    // Whole years on the axis, and the models in the file's order (engine first).
    const x = { label: 'years ahead', ticks: [...new Set(byHorizon.map((s) => s.horizon))], tickFormat: 'd' };
    const color = {
      legend: true,
      scheme: 'tableau10' as const,
      domain: [...new Set(rows.map((s) => s.model))],
    };
    const scoreChart = cspSafe(
      Plot.plot({
        width: 560,
        height: 300,
        marginLeft: 50,
        x,
        y: { label, grid: true, zero: true },
        color,
        marks: [
          Plot.line(byHorizon, { x: 'horizon', y: key, stroke: 'model', strokeWidth: 2 }),
          Plot.dot(byHorizon, {
            x: 'horizon',
            y: key,
            fill: 'model',
            r: 3,
            title: (s: ScoreRow) => `${s.model}: ${fixed(s[key])}`,
          }),
        ],
      }),
    );
    const coverage = byHorizon.flatMap((s) => [
      { model: s.model, horizon: s.horizon, level: '50 %', coverage: s.coverage50 },
      { model: s.model, horizon: s.horizon, level: '90 %', coverage: s.coverage90 },
    ]);
    const calibration = cspSafe(
      Plot.plot({
        width: 560,
        height: 300,
        marginLeft: 50,
        x,
        y: { label: 'share of outcomes inside the interval', domain: [0, 1], grid: true },
        color,
        marks: [
          Plot.ruleY([0.5, 0.9], { stroke: '#444', strokeDasharray: '4,3' }),
          Plot.line(
            coverage.filter((d) => d.level === '90 %'),
            { x: 'horizon', y: 'coverage', stroke: 'model', strokeWidth: 2 },
          ),
          Plot.line(
            coverage.filter((d) => d.level === '50 %'),
            { x: 'horizon', y: 'coverage', stroke: 'model', strokeWidth: 1.5, strokeDasharray: '2,2' },
          ),
          Plot.dot(coverage, { x: 'horizon', y: 'coverage', fill: 'model', r: 2.5 }),
        ],
      }),
    );
    const pooled = rows.filter((s) => s.horizon === null);
    const columns: Column<ScoreRow>[] = [
      { head: 'Model', cell: (s) => s.model },
      { head: 'Cells', cell: (s) => String(s.cells) },
      ...SCORES.map(([k, name]) => ({ head: name, cell: (s: ScoreRow) => fixed(s[k]) })),
      { head: 'Coverage 50 %', cell: (s) => fixed(s.coverage50, 2) },
      { head: 'Coverage 90 %', cell: (s) => fixed(s.coverage90, 2) },
    ];
    charts = [scoreChart, calibration];
    replace(
      host,
      h(
        'p',
        { class: 'small' },
        `${result.world}: fit ${result.fit.join('–')}, test ${result.test.join('–')}, ${result.runs} runs, engine ${result.engine}`,
      ),
      h(
        'figure',
        { id: 'backtest-scores' },
        scoreChart,
        h('figcaption', { class: 'small muted' }, `${label} by horizon`),
      ),
      h(
        'figure',
        { id: 'backtest-calibration' },
        calibration,
        h(
          'figcaption',
          { class: 'small muted' },
          'Coverage of the 50 % (dotted) and 90 % intervals; dashed rules: nominal',
        ),
      ),
      table(columns, pooled, {
        caption: 'Every horizon pooled',
        attrs: { id: 'backtest-pooled' },
        rowAttrs: (s) => ({ 'data-model': s.model }),
      }),
    );
    host.dataset.state = 'done';
    announce(`Backtest: ${pooled.length} models on ${pooled[0]?.cells ?? 0} cells.`);
  }

  async function load(): Promise<void> {
    const f = file.files?.[0];
    if (!f) return;
    try {
      result = parseResult(await f.text());
    } catch (err) {
      result = undefined;
      replace(host, h('p', { class: 'error', role: 'alert' }, (err as Error).message));
      host.dataset.state = 'error';
      return;
    }
    const layers = [...new Set(result.scores.map((s) => s.dimension))];
    replace(dimension, ...layers.map((l) => h('option', { value: l }, l)));
    await draw();
  }

  file.addEventListener('change', () => void load());
  for (const el of [dimension, dyads, score]) el.addEventListener('change', () => void draw());

  return {
    element,
    show() {},
    hide() {},
    async toSvg() {
      return chartSvg(charts[0]);
    },
  };
}
