/**
 * The scenario editor: a form (start, horizon, runs, seed, tie shocks, pairs to follow) and the
 * same scenario as YAML, kept in step both ways; Run posts the YAML, follows the job's progress
 * over server-sent events, and draws a fan chart per followed pair (the effect's mean over time
 * between its 5–95% band) and each pair's attribution to mechanisms.
 */
import { parse, stringify } from 'yaml';
import { ApiError, type ScenarioResultBody } from '../../../src/api/client.js';
import { api } from '../api.js';
import { chartSvg, cspSafe, loadPlot, toDate } from '../charts.js';
import { announce, h, replace, signed } from '../dom.js';
import { NEGATIVE, POSITIVE } from '../palette.js';
import type { View, ViewContext } from '../view.js';

/** What the form says about the shocks only the YAML edits. */
function otherShocksHint(count: number): string {
  return count === 1
    ? '1 capability or mechanism shock also applies (edit it in the YAML below).'
    : `${count} capability or mechanism shocks also apply (edit them in the YAML below).`;
}

interface ShockRow {
  a: string;
  b: string;
  mode: 'shift' | 'set';
  value: number;
  at: number;
}

interface FormState {
  name: string;
  start: string;
  horizon: number;
  runs: number;
  seed: number;
  shocks: ShockRow[];
  track: [string, string][];
  /** Shocks the form does not edit (capability and mechanism shocks), kept as written. */
  otherShocks: Record<string, unknown>[];
  /** Fields the form does not edit (mechanisms, expectations, …), kept as they were in the YAML. */
  rest: Record<string, unknown>;
}

/** Defaults of a new scenario: small enough to run in seconds. */
const NEW_SCENARIO = Object.freeze({ horizon: 24, runs: 200, seed: 1 });

function toYaml(f: FormState): string {
  const doc: Record<string, unknown> = {
    name: f.name,
    ...f.rest,
    start: f.start,
    horizon: f.horizon,
    runs: f.runs,
    seed: f.seed,
    shocks: [...f.shocks.map((s) => ({ at: s.at, tie: [s.a, s.b], [s.mode]: s.value })), ...f.otherShocks],
  };
  if (f.track.length > 0) doc.track = f.track;
  return stringify(doc, { flowCollectionPadding: false, lineWidth: 100 });
}

function fromYaml(text: string): FormState {
  const data = parse(text) as Record<string, unknown>;
  if (!data || typeof data !== 'object') throw new Error('the YAML is not a mapping');
  const { name, start, horizon, runs, seed, shocks, track, world: _world, ...rest } = data;
  const tieShocks = Array.isArray(shocks) ? (shocks as Record<string, unknown>[]) : [];
  return {
    name: String(name ?? 'Untitled scenario'),
    start: String(start ?? ''),
    horizon: Number(horizon ?? NEW_SCENARIO.horizon),
    runs: Number(runs ?? NEW_SCENARIO.runs),
    seed: Number(seed ?? NEW_SCENARIO.seed),
    shocks: tieShocks
      .filter((s) => Array.isArray(s.tie))
      .map((s) => ({
        a: String((s.tie as string[])[0]),
        b: String((s.tie as string[])[1]),
        mode: s.set !== undefined ? ('set' as const) : ('shift' as const),
        value: Number(s.set ?? s.shift ?? 0),
        at: Number(s.at ?? 0),
      })),
    track: Array.isArray(track) ? (track as [string, string][]).map((p) => [String(p[0]), String(p[1])]) : [],
    otherShocks: tieShocks.filter((s) => !Array.isArray(s.tie)),
    rest,
  };
}

export function createScenariosView(ctx: ViewContext): View {
  const actorIds = () => ctx.world().actors.map((a) => a.id);
  const templateSelect = h('select', { id: 'scenario-template' });
  const yamlArea = h('textarea', {
    id: 'scenario-yaml',
    rows: 16,
    spellcheck: 'false',
    'aria-describedby': 'scenario-yaml-help',
  });
  const formHost = h('div', { class: 'scenario-form' });
  const runBtn = h('button', { type: 'button', id: 'scenario-run' }, 'Run scenario');
  const cancelBtn = h(
    'button',
    { type: 'button', class: 'subtle', id: 'scenario-cancel', disabled: true },
    'Cancel',
  );
  const progress = h('progress', { id: 'scenario-progress', class: 'progress', max: 1, value: 0 });
  const statusText = h('p', { id: 'scenario-status', class: 'muted', 'aria-live': 'polite' }, 'Not run yet.');
  const problems = h('div', { id: 'scenario-problems', role: 'alert' });
  const results = h('div', { id: 'scenario-results', class: 'scenario-results', 'data-state': 'empty' });
  const element = h(
    'div',
    { class: 'scenario-view' },
    h(
      'section',
      { class: 'card scenario-editor', 'aria-labelledby': 'scenario-editor-title' },
      h('h2', { id: 'scenario-editor-title' }, 'Scenario'),
      h('label', { class: 'field stacked' }, h('span', {}, 'Start from'), templateSelect),
      formHost,
      h('label', { for: 'scenario-yaml', class: 'field-label' }, 'YAML (edits here update the form)'),
      yamlArea,
      h(
        'p',
        { id: 'scenario-yaml-help', class: 'hint' },
        'Mechanism overrides, capability and mechanism shocks and expectations can be written here; see the bundled scenarios.',
      ),
      problems,
      h('div', { class: 'run-row' }, runBtn, cancelBtn, progress),
      statusText,
    ),
    h(
      'section',
      { class: 'card scenario-output', 'aria-labelledby': 'scenario-results-title' },
      h('h2', { id: 'scenario-results-title' }, 'Results'),
      results,
    ),
  );

  let form: FormState | undefined;
  let currentJob: string | undefined;
  let lastChart: Element | null = null;
  let mounted = false;

  function actorSelect(value: string, label: string, onChange: (v: string) => void): HTMLLabelElement {
    const select = h(
      'select',
      { onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      actorIds().map((id) => h('option', { value: id, selected: id === value }, id)),
    );
    return h('label', { class: 'inline' }, h('span', { class: 'visually-hidden' }, label), select);
  }

  function numberInput(
    value: number,
    label: string,
    attrs: Record<string, number | string>,
    onChange: (v: number) => void,
    visibleLabel = false,
  ): HTMLLabelElement {
    const input = h('input', {
      type: 'number',
      value,
      ...attrs,
      onchange: (e: Event) => onChange(Number((e.target as HTMLInputElement).value)),
    });
    return h(
      'label',
      { class: visibleLabel ? 'field stacked' : 'inline' },
      h('span', { class: visibleLabel ? '' : 'visually-hidden' }, label),
      input,
    );
  }

  function renderForm(): void {
    if (!form) return;
    const f = form;
    const changed = () => {
      yamlArea.value = toYaml(f);
      renderForm();
    };
    /** A form callback: apply the change, then rewrite the YAML and the form. */
    const edit =
      <T>(apply: (v: T) => void) =>
      (v: T) => {
        apply(v);
        changed();
      };
    const nameInput = h('input', {
      type: 'text',
      value: f.name,
      onchange: (e: Event) => {
        f.name = (e.target as HTMLInputElement).value;
        changed();
      },
    });
    const startInput = h('input', {
      type: 'text',
      value: f.start,
      pattern: '\\d{4}-\\d{2}',
      size: 8,
      onchange: (e: Event) => {
        f.start = (e.target as HTMLInputElement).value;
        changed();
      },
    });
    replace(
      formHost,
      h(
        'div',
        { class: 'form-grid' },
        h('label', { class: 'field stacked wide' }, h('span', {}, 'Name'), nameInput),
        h('label', { class: 'field stacked' }, h('span', {}, 'Start (YYYY-MM)'), startInput),
        numberInput(
          f.horizon,
          'Horizon (months)',
          { min: 1, max: 240, id: 'scenario-horizon' },
          edit((v: number) => {
            f.horizon = v;
          }),
          true,
        ),
        numberInput(
          f.runs,
          'Runs',
          { min: 1, max: 2000, id: 'scenario-runs' },
          edit((v: number) => {
            f.runs = v;
          }),
          true,
        ),
        numberInput(
          f.seed,
          'Seed',
          { min: 0 },
          edit((v: number) => {
            f.seed = v;
          }),
          true,
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Tie shocks'),
        f.otherShocks.length > 0
          ? h('p', { class: 'hint' }, otherShocksHint(f.otherShocks.length))
          : f.shocks.length === 0
            ? h('p', { class: 'hint' }, 'No shocks: the scenario equals its baseline.')
            : null,
        f.shocks.map((s, i) =>
          h(
            'div',
            { class: 'shock-row' },
            actorSelect(
              s.a,
              `Shock ${i + 1}: first actor`,
              edit((v: string) => {
                s.a = v;
              }),
            ),
            actorSelect(
              s.b,
              `Shock ${i + 1}: second actor`,
              edit((v: string) => {
                s.b = v;
              }),
            ),
            h(
              'label',
              { class: 'inline' },
              h('span', { class: 'visually-hidden' }, `Shock ${i + 1}: kind`),
              h(
                'select',
                {
                  onchange: edit((e: Event) => {
                    s.mode = (e.target as HTMLSelectElement).value as 'shift' | 'set';
                  }),
                },
                h('option', { value: 'shift', selected: s.mode === 'shift' }, 'shift by'),
                h('option', { value: 'set', selected: s.mode === 'set' }, 'set to'),
              ),
            ),
            numberInput(
              s.value,
              `Shock ${i + 1}: value`,
              { min: -2, max: 2, step: 0.05, class: 'narrow' },
              edit((v: number) => {
                s.value = v;
              }),
            ),
            h('span', { class: 'muted small' }, 'at step'),
            numberInput(
              s.at,
              `Shock ${i + 1}: step`,
              { min: 0, step: 1, class: 'narrow' },
              edit((v: number) => {
                s.at = v;
              }),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'subtle small-btn',
                'aria-label': `Remove shock ${i + 1}`,
                onclick: edit(() => {
                  f.shocks.splice(i, 1);
                }),
              },
              'Remove',
            ),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'subtle small-btn',
            onclick: () => {
              const [a, b] = actorIds();
              f.shocks.push({ a: a!, b: b!, mode: 'shift', value: 0.3, at: 0 });
              changed();
            },
          },
          'Add a tie shock',
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Pairs to follow (fan charts)'),
        h('p', { class: 'hint' }, 'Shocked pairs are always followed.'),
        f.track.map((p, i) =>
          h(
            'div',
            { class: 'shock-row' },
            actorSelect(
              p[0],
              `Pair ${i + 1}: first actor`,
              edit((v: string) => {
                p[0] = v;
              }),
            ),
            actorSelect(
              p[1],
              `Pair ${i + 1}: second actor`,
              edit((v: string) => {
                p[1] = v;
              }),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'subtle small-btn',
                'aria-label': `Remove pair ${i + 1}`,
                onclick: edit(() => {
                  f.track.splice(i, 1);
                }),
              },
              'Remove',
            ),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'subtle small-btn',
            onclick: () => {
              const ids = actorIds();
              f.track.push([ids[0]!, ids[2] ?? ids[1]!]);
              changed();
            },
          },
          'Follow a pair',
        ),
      ),
    );
  }

  function setYaml(text: string): void {
    yamlArea.value = text;
    try {
      form = fromYaml(text);
      replace(problems);
      renderForm();
    } catch (err) {
      replace(problems, h('p', { class: 'error' }, `The YAML does not parse: ${(err as Error).message}`));
    }
  }

  async function loadTemplates(): Promise<void> {
    const list = await api.scenarios(ctx.world().meta.id).catch(() => []);
    const blank = toYaml({
      name: 'My scenario',
      start: ctx.store.state.at,
      ...NEW_SCENARIO,
      shocks: [],
      track: [],
      otherShocks: [],
      rest: {},
    });
    replace(
      templateSelect,
      h('option', { value: '' }, 'a blank scenario'),
      list.map((s) => h('option', { value: s.id }, s.name)),
    );
    templateSelect.onchange = () => {
      const chosen = list.find((s) => s.id === templateSelect.value);
      setYaml(chosen ? chosen.text : blank);
    };
    const first = list[0];
    templateSelect.value = first?.id ?? '';
    setYaml(first ? first.text : blank);
  }

  function showProblems(err: unknown): void {
    if (err instanceof ApiError) {
      replace(
        problems,
        h('p', { class: 'error' }, `${err.status}: ${err.body.error.split('\n')[0]}`),
        err.body.problems
          ? h(
              'ul',
              { class: 'problems' },
              err.body.problems.map((p) =>
                h(
                  'li',
                  {},
                  p.field ? h('code', {}, p.field) : null,
                  ` ${p.message}`,
                  p.hint ? h('span', { class: 'muted' }, ` (${p.hint})`) : null,
                ),
              ),
            )
          : null,
      );
    } else {
      replace(problems, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  async function run(): Promise<void> {
    replace(problems);
    runBtn.disabled = true;
    progress.value = 0;
    results.dataset.state = 'running';
    statusText.textContent = 'Submitting…';
    try {
      const accepted = await api.runScenario(ctx.world().meta.id, yamlArea.value, {
        dimension: ctx.store.state.dimension,
      });
      currentJob = accepted.job.id;
      cancelBtn.disabled = false;
      statusText.textContent = 'Queued…';
      const end = await api.watchJob(accepted.job.id, (p) => {
        progress.max = p.total || 1;
        progress.value = p.done;
        statusText.textContent = `Running: ${p.message ?? `${p.done} of ${p.total}`}`;
      });
      if (end.status !== 'done') {
        results.dataset.state = end.status;
        statusText.textContent = end.error ? `Failed: ${end.error.error}` : `The run was ${end.status}.`;
        return;
      }
      const result = end.result as ScenarioResultBody;
      progress.value = progress.max;
      statusText.textContent = `Done: ${result.runs} paired runs, ${result.scenario.horizon} ${result.scenario.step}s.`;
      announce(statusText.textContent);
      await drawResults(result);
    } catch (err) {
      results.dataset.state = 'error';
      statusText.textContent = 'The scenario was not run.';
      announce('The scenario was not run; see the problems listed.');
      showProblems(err);
    } finally {
      runBtn.disabled = false;
      cancelBtn.disabled = true;
      currentJob = undefined;
    }
  }

  async function drawResults(result: ScenarioResultBody): Promise<void> {
    const Plot = await loadPlot();
    // Two fans side by side when the panel is wide enough, one otherwise.
    const width = Math.round(Math.max(300, Math.min(520, (results.clientWidth - 40) / 2)));
    const fans = Object.entries(result.trajectories).map(([pair, points]) => {
      const data = points.map((p) => ({ ...p, date: toDate(p.date) }));
      const chart = cspSafe(
        Plot.plot({
          width,
          height: 200,
          marginLeft: 48,
          y: { label: `effect on ${pair}`, grid: true },
          x: { label: null },
          marks: [
            Plot.ruleY([0], { stroke: '#777' }),
            Plot.areaY(data, { x: 'date', y1: 'lo', y2: 'hi', fill: POSITIVE, fillOpacity: 0.22 }),
            Plot.line(data, { x: 'date', y: 'mean', stroke: POSITIVE, strokeWidth: 2 }),
            Plot.dot(data, {
              x: 'date',
              y: 'mean',
              r: 0,
              tip: true,
              title: (d) => `${d.step}: ${signed(d.mean, 3)} [${signed(d.lo, 3)}, ${signed(d.hi, 3)}]`,
            }),
          ],
        }),
      );
      const shares = Object.entries(result.attribution[pair] ?? {}).map(([mechanism, share]) => ({
        mechanism,
        share,
      }));
      const bars =
        shares.length > 0
          ? cspSafe(
              Plot.plot({
                width,
                height: 40 + 20 * shares.length,
                marginLeft: 130,
                x: { label: 'share of the effect', grid: true },
                y: { label: null },
                marks: [
                  Plot.barX(shares, {
                    x: 'share',
                    y: 'mechanism',
                    fill: (d: { share: number }) => (d.share >= 0 ? POSITIVE : NEGATIVE),
                    sort: { y: 'x', reverse: true },
                  }),
                  Plot.ruleX([0]),
                ],
              }),
            )
          : null;
      const last = points[points.length - 1]!;
      return h(
        'figure',
        { class: 'fan', 'data-pair': pair },
        h(
          'figcaption',
          {},
          h('strong', {}, pair),
          ` at the horizon: ${signed(last.mean, 3)} (90%: ${signed(last.lo, 3)} to ${signed(last.hi, 3)})`,
        ),
        chart,
        bars ? h('p', { class: 'small muted' }, 'Attribution to mechanisms') : null,
        bars,
      );
    });
    lastChart = fans[0]?.querySelector('svg') ?? null;
    const top = result.effects.slice(0, 12);
    replace(
      results,
      result.warnings.length > 0
        ? h(
            'ul',
            { class: 'warnings' },
            result.warnings.map((w) => h('li', {}, w)),
          )
        : null,
      result.checks.length > 0
        ? h(
            'p',
            {},
            'Expectations: ',
            result.checks.map((c) =>
              h(
                'span',
                { class: 'badge' },
                `${c.pair ? c.pair.join('–') : `${c.capability} capability`} ${c.direction}: P = ${c.probability.toFixed(2)}`,
              ),
            ),
          )
        : null,
      h('div', { class: 'fans' }, fans),
      h(
        'table',
        { class: 'effects' },
        h('caption', {}, `Largest effects at the horizon (${result.effects[0]?.dimension ?? 'composite'})`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Pair'),
            h('th', { scope: 'col', class: 'num' }, 'Mean'),
            h('th', { scope: 'col', class: 'num' }, '90% interval'),
            h('th', { scope: 'col', class: 'num' }, 'P(> 0)'),
          ),
        ),
        h(
          'tbody',
          {},
          top.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, `${e.a} – ${e.b}`),
              h('td', { class: 'num' }, signed(e.mean, 3)),
              h('td', { class: 'num' }, `${signed(e.lo, 3)} … ${signed(e.hi, 3)}`),
              h('td', { class: 'num' }, e.pPositive.toFixed(2)),
            ),
          ),
        ),
      ),
    );
    results.dataset.state = 'done';
  }

  yamlArea.addEventListener('input', () => {
    try {
      form = fromYaml(yamlArea.value);
      replace(problems);
      renderForm();
    } catch {
      // Half-typed YAML: keep the form as it was until the text parses again.
    }
  });
  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', () => {
    if (currentJob) void api.cancelJob(currentJob);
  });
  ctx.store.subscribe((s, prev) => {
    if (mounted && s.world !== prev.world) void loadTemplates();
  });

  return {
    element,
    show() {
      if (!mounted) {
        mounted = true;
        void loadTemplates();
      }
    },
    hide() {},
    async toSvg() {
      return chartSvg(lastChart);
    },
  };
}
