/**
 * The bargaining view: pick a bundled issue and a model (the spatial model of politics, or Bueno
 * de Mesquita's expected utility model), see every actor's position turn by turn with the forecast
 * point (capability × salience weighted mean) drawn thick, and the final positions in a table,
 * beside the issue's actors with the quotes their positions rest on. Under the path, how sure the
 * forecast is: its sensitivity band and the inputs that move it most.
 */
import type { BargainingIssueBody, ForecastBodyType, IssueSummaryBody } from '../../../src/api/client.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot } from '../charts.js';
import { announce, type Column, h, replace, table } from '../dom.js';
import type { View, ViewContext } from '../view.js';

/** Re-runs behind the band (the library's default; the server computes them in its worker). */
const SENSITIVITY_DRAWS = 200;
/** Swings listed under the band. */
const SHOWN_SWINGS = 5;

const BASIS_WORDS = Object.freeze({
  'seed-quote': 'a seed quote',
  dataset: 'a dataset',
  'public-record': 'the public record',
  judgement: "the author's judgement",
});

/** Values with their declared ± (the band draws within it), e.g. "85 ±10". */
function spread(values: number[], plusMinus: number[] | undefined): string {
  return values
    .map((x, d) => (plusMinus?.[d] === undefined ? x.toFixed(0) : `${x.toFixed(0)} ±${plusMinus[d]}`))
    .join(', ');
}

/** The issue's actors: as the file gives them. */
const ACTOR_COLUMNS: readonly Column<BargainingIssueBody['actors'][number]>[] = [
  {
    head: 'Actor',
    cell: (a) => (a.id === a.name ? a.id : `${a.name} (${a.id})`),
    cellAttrs: (a) => ({ title: a.description ?? a.name }),
  },
  {
    head: 'Capability',
    numeric: true,
    cell: (a) => (a.capability < 1 ? a.capability.toFixed(4) : a.capability.toFixed(1)),
  },
  { head: 'Position', numeric: true, cell: (a) => spread(a.position, a.uncertainty?.position) },
  { head: 'Salience', numeric: true, cell: (a) => spread(a.salience, a.uncertainty?.salience) },
];

/** Where each actor started and ended on one dimension. */
const FINAL_COLUMNS: readonly Column<{ a: string; from: number; to: number }>[] = [
  { head: 'Actor', cell: (r) => r.a },
  { head: 'Start', numeric: true, cell: (r) => r.from.toFixed(1) },
  { head: 'Final', numeric: true, cell: (r) => r.to.toFixed(1) },
  { head: 'Moved', numeric: true, cell: (r) => (r.to - r.from).toFixed(1) },
];

export function createBargainingView(ctx: ViewContext): View {
  const issueSelect = h('select', { id: 'bargaining-issue' });
  const modelSelect = h(
    'select',
    { id: 'bargaining-model' },
    h('option', { value: 'smp' }, 'Spatial model of politics (KTAB SMP)'),
    h('option', { value: 'bdm' }, 'Expected utility (Bueno de Mesquita)'),
  );
  const dimSelect = h('select', { id: 'bargaining-dimension' });
  const info = h('div', { class: 'issue-info' });
  const chartHost = h('div', { id: 'bargaining-chart', class: 'chart', 'data-state': 'empty' });
  const finalTable = h('div', { id: 'bargaining-final' });
  const sensitivityHost = h('div', { id: 'bargaining-sensitivity', 'data-state': 'empty' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'bargaining-view' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Bargaining options' },
      h('label', { class: 'field' }, h('span', {}, 'Issue'), issueSelect),
      h('label', { class: 'field' }, h('span', {}, 'Model'), modelSelect),
      h('label', { class: 'field' }, h('span', {}, 'Dimension'), dimSelect),
    ),
    h(
      'div',
      { class: 'two-col' },
      h('section', { class: 'card', 'aria-labelledby': 'issue-title' }, info),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'forecast-title' },
        h('h2', { id: 'forecast-title' }, 'Forecast path'),
        status,
        chartHost,
        sensitivityHost,
        finalTable,
      ),
    ),
  );
  let issues: IssueSummaryBody[] = [];
  let chart: Element | null = null;
  let mounted = false;
  let ticket = 0;

  function renderIssue(issue: BargainingIssueBody): void {
    replace(
      info,
      h('h2', { id: 'issue-title' }, issue.name),
      issue.description ? h('p', {}, issue.description) : null,
      h(
        'p',
        { class: 'muted small' },
        `Scale ${issue.scale.min}–${issue.scale.max}; dimensions: ${issue.dimensions.join(', ')}`,
      ),
      h(
        'div',
        { class: 'table-scroll short' },
        table(ACTOR_COLUMNS, issue.actors, { caption: `${issue.actors.length} actors` }),
      ),
      issue.actors.some((a) => a.evidence)
        ? h(
            'details',
            {},
            h('summary', {}, 'Evidence for positions and saliences'),
            h(
              'ul',
              { class: 'evidence-list' },
              issue.actors.flatMap((a) =>
                Object.entries(a.evidence ?? {}).map(([field, q]) => {
                  const basis = a.basis?.[field as 'position' | 'salience' | 'capability'];
                  return h(
                    'li',
                    { class: 'evidence' },
                    h('strong', {}, `${a.id} ${field}: `),
                    h('blockquote', {}, `“${q!.quote}”`),
                    h('p', { class: 'cite muted' }, q!.source),
                    basis
                      ? h('p', { class: 'basis' }, `Rests on: ${BASIS_WORDS[basis.kind]} — ${basis.note}`)
                      : null,
                  );
                }),
              ),
            ),
          )
        : null,
    );
  }

  async function renderForecast(f: ForecastBodyType, dim: number): Promise<void> {
    const Plot = await loadPlot();
    const rows = f.turns.flatMap((t) =>
      f.actors.map((actor) => ({ turn: t.turn, actor, position: t.positions[actor]![dim]! })),
    );
    const forecastRows = f.turns.map((t) => ({
      turn: t.turn,
      mean: t.forecast.mean[dim]!,
      median: t.forecast.median[dim]!,
    }));
    const many = f.actors.length > 12;
    chart = cspSafe(
      Plot.plot({
        width: 560,
        height: 340,
        marginLeft: 44,
        marginRight: 60,
        x: { label: 'turn', tickFormat: 'd' },
        y: { label: f.dimensions[dim] ?? 'position', domain: [f.scale.min, f.scale.max], grid: true },
        color: { legend: !many, scheme: 'tableau10' },
        marks: [
          Plot.line(rows, {
            x: 'turn',
            y: 'position',
            stroke: many ? '#9aa3ad' : 'actor',
            strokeWidth: 1.5,
            strokeOpacity: many ? 0.6 : 1,
          }),
          Plot.line(forecastRows, { x: 'turn', y: 'mean', stroke: '#111', strokeWidth: 3.5 }),
          Plot.line(forecastRows, {
            x: 'turn',
            y: 'median',
            stroke: '#111',
            strokeWidth: 1.5,
            strokeDasharray: '5,4',
          }),
          Plot.text(
            forecastRows,
            Plot.selectLast({ x: 'turn', y: 'mean', text: () => 'forecast', dy: -10, fontWeight: 700 }),
          ),
        ],
      }),
    );
    replace(
      chartHost,
      chart,
      h(
        'p',
        { class: 'small muted' },
        'Thick line: forecast (capability × salience weighted mean); dashed: weighted median.',
      ),
    );
    chartHost.dataset.state = 'done';
    const first = f.turns[0]!;
    const finalRows = f.actors
      .map((a) => ({ a, from: first.positions[a]![dim]!, to: f.final[a]![dim]! }))
      .sort((x, y) => y.to - x.to);
    replace(
      finalTable,
      h(
        'div',
        { class: 'table-scroll short' },
        table(FINAL_COLUMNS, finalRows, {
          caption: `Final positions after ${f.steps} steps (${f.converged ? 'converged' : 'turn limit reached'}); forecast ${f.forecast.mean[dim]!.toFixed(1)}`,
          attrs: { id: 'bargaining-final-table' },
        }),
      ),
    );
  }

  function renderSensitivity(f: ForecastBodyType, dim: number): void {
    const s = f.sensitivity;
    if (!s) {
      replace(sensitivityHost);
      sensitivityHost.dataset.state = 'empty';
      return;
    }
    const b = s.dimensions[dim]!.median;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const n = (x: number) => x.toFixed(1);
    replace(
      sensitivityHost,
      h('h3', {}, 'How sure is this forecast?'),
      h(
        'p',
        { class: 'band' },
        `Median ${n(b.point)}; ${pct(s.band[1]! - s.band[0]!)} of ${s.draws} re-runs, with every input nudged within its uncertainty, ` +
          `land between ${n(b.low)} and ${n(b.high)}. ${pct(b.sameSide)} land on the same side of ${s.midpoint} as the forecast.`,
      ),
      h(
        'p',
        { class: 'muted small' },
        'The inputs that move the median most, each alone set to either end of its uncertainty:',
      ),
      h(
        'ul',
        { class: 'swings' },
        s.swings
          .slice(0, SHOWN_SWINGS)
          .map((w) =>
            h(
              'li',
              {},
              `${w.actor} ${w.field} ${Number(w.value.toPrecision(3))} → ${Number(w.low.toPrecision(3))} / ${Number(w.high.toPrecision(3))}: ` +
                `median ${n(w.medianAtLow[dim]!)} / ${n(w.medianAtHigh[dim]!)}`,
            ),
          ),
      ),
    );
    sensitivityHost.dataset.state = 'done';
  }

  async function refresh(): Promise<void> {
    const id = issueSelect.value;
    if (!id) return;
    const mine = ++ticket;
    const model = modelSelect.value as 'smp' | 'bdm';
    const dim = Number(dimSelect.value || 0);
    chartHost.dataset.state = 'loading';
    status.textContent = 'Forecasting…';
    ctx.store.update({ issue: id });
    try {
      const [issue, f] = await Promise.all([
        api.bargainingIssue(id),
        api.forecast(id, {
          model,
          detail: 'false',
          draws: SENSITIVITY_DRAWS,
          ...(model === 'bdm' && { dimension: dim }),
        }),
      ]);
      if (mine !== ticket) return;
      renderIssue(issue);
      await renderForecast(f, model === 'bdm' ? 0 : dim);
      renderSensitivity(f, model === 'bdm' ? 0 : dim);
      status.textContent = `${f.model.toUpperCase()}: forecast ${f.forecast.mean[model === 'bdm' ? 0 : dim]!.toFixed(1)} on ${issue.scale.min}–${issue.scale.max} after ${f.steps} steps.`;
      announce(status.textContent);
    } catch (err) {
      if (mine !== ticket) return;
      chartHost.dataset.state = 'error';
      status.textContent = `The forecast failed: ${(err as Error).message}`;
    }
  }

  function fillDimensions(): void {
    const issue = issues.find((i) => i.id === issueSelect.value);
    replace(
      dimSelect,
      (issue?.dimensions ?? ['—']).map((d, i) => h('option', { value: i }, d)),
    );
    dimSelect.disabled = (issue?.dimensions.length ?? 0) < 2;
  }

  async function mount(): Promise<void> {
    issues = await api.bargainingIssues();
    const yaml = issues.filter((i) => i.kind === 'yaml');
    // KTAB's synthetic inputs (its dummyData files) test the model; they are not IR issues.
    const synthetic = (i: IssueSummaryBody) => /^dummy/i.test(i.id);
    const ktab = issues.filter((i) => i.kind === 'ktab-csv' && !synthetic(i));
    const tests = issues.filter((i) => i.kind === 'ktab-csv' && synthetic(i));
    const option = (i: IssueSummaryBody) =>
      h('option', { value: i.id }, `${i.name} (${i.id}, ${i.actors} actors)`);
    replace(
      issueSelect,
      h(
        'optgroup',
        { label: 'IR issues from the seed texts' },
        yaml.map((i) => h('option', { value: i.id }, i.name)),
      ),
      h('optgroup', { label: 'KTAB examples: Chinese state-owned enterprise reform' }, ktab.map(option)),
      h('optgroup', { label: 'KTAB test data (synthetic, for checking the models)' }, tests.map(option)),
    );
    const wanted = ctx.store.state.issue;
    issueSelect.value = issues.some((i) => i.id === wanted) ? wanted! : ((yaml[0] ?? issues[0])?.id ?? '');
    fillDimensions();
    await refresh();
  }

  issueSelect.addEventListener('change', () => {
    fillDimensions();
    void refresh();
  });
  modelSelect.addEventListener('change', () => void refresh());
  dimSelect.addEventListener('change', () => void refresh());

  return {
    element,
    show() {
      if (!mounted) {
        mounted = true;
        void mount();
      }
    },
    hide() {},
    async toSvg() {
      return chartSvg(chart);
    },
  };
}
