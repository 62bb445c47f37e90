/**
 * The scenario editor: the scenario as YAML, checked against the world as the user types (problems
 * listed with their line right under the text), and a form (`form.ts`: start, horizon, runs, seed,
 * tie shocks, pairs and measures to follow) that reads from the YAML and edits it in place
 * (`yaml-editor.ts`), so the text stays as the user wrote it. Run posts the YAML, follows the job's
 * progress over server-sent events, and draws the results (`results.ts`, charts in `charts.ts`).
 */
import { ApiError, type ScenarioResultBody } from '../../../../src/api/client.js';
import type { ScenarioValidationBody } from '../../../../src/api/routes/scenario-validate.js';
import { api } from '../../api.js';
import { chartSvg } from '../../charts.js';
import { announce, h, replace } from '../../dom.js';
import type { View, ViewContext } from '../../view.js';
import { createScenarioForm, type FormLimits } from './form.js';
import { drawResults } from './results.js';
import { blankScenario, formFields, parseScenarioText, type TextProblem } from './yaml-editor.js';

/** Pause after the last keystroke before the server checks the text. */
const VALIDATE_DEBOUNCE_MS = 300;

export function createScenariosView(ctx: ViewContext): View {
  const actorIds = () => ctx.world().actors.map((a) => a.id);
  const templateSelect = h('select', { id: 'scenario-template' });
  const yamlArea = h('textarea', {
    id: 'scenario-yaml',
    rows: 14,
    // One text line per YAML line, so "line N" in a problem is the Nth visible line.
    wrap: 'off',
    spellcheck: 'false',
    'aria-describedby': 'scenario-problems scenario-yaml-help',
  });
  const formHost = h('fieldset', { class: 'scenario-form' });
  const runBtn = h('button', { type: 'button', id: 'scenario-run' }, 'Run scenario');
  const cancelBtn = h(
    'button',
    { type: 'button', class: 'subtle', id: 'scenario-cancel', disabled: true },
    'Cancel',
  );
  const progress = h('progress', { id: 'scenario-progress', class: 'progress', max: 1, value: 0 });
  const statusText = h('p', { id: 'scenario-status', class: 'muted', 'aria-live': 'polite' }, 'Not run yet.');
  const problems = h('div', { id: 'scenario-problems', 'aria-live': 'polite', 'data-state': 'empty' });
  const results = h('div', { id: 'scenario-results', class: 'scenario-results', 'data-state': 'empty' });
  const element = h(
    'div',
    { class: 'scenario-view' },
    h(
      'section',
      { class: 'card scenario-editor', 'aria-labelledby': 'scenario-editor-title' },
      h('h2', { id: 'scenario-editor-title' }, 'Scenario'),
      h('label', { class: 'field stacked' }, h('span', {}, 'Start from'), templateSelect),
      h('label', { for: 'scenario-yaml', class: 'field-label' }, 'YAML (the form below edits it in place)'),
      yamlArea,
      problems,
      h('div', { class: 'run-row' }, runBtn, cancelBtn, progress),
      statusText,
      formHost,
      h(
        'p',
        { id: 'scenario-yaml-help', class: 'hint' },
        'Mechanism overrides, capability and mechanism shocks and expectations can be written in the YAML; see the bundled scenarios.',
      ),
    ),
    h(
      'section',
      { class: 'card scenario-output', 'aria-labelledby': 'scenario-results-title' },
      h('h2', { id: 'scenario-results-title' }, 'Results'),
      results,
    ),
  );

  let currentJob: string | undefined;
  /** The server's limits (`GET /api/health`), once read. */
  let limits: FormLimits | undefined;
  let lastChart: Element | null = null;
  let mounted = false;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every text change, so a late answer about older text is dropped. */
  let revision = 0;

  /** Moves the caret to a line of the YAML (from a problem's "line N"). */
  function goToLine(line: number): void {
    const lines = yamlArea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    yamlArea.focus();
    yamlArea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  function showProblems(list: TextProblem[], state: 'invalid' | 'failed' = 'invalid'): void {
    yamlArea.setAttribute('aria-invalid', String(list.length > 0));
    problems.dataset.state = list.length > 0 ? state : 'valid';
    replace(
      problems,
      list.length > 0
        ? h(
            'ul',
            { class: 'problems' },
            list.map((p) =>
              h(
                'li',
                { 'data-line': p.line },
                p.line !== undefined
                  ? h(
                      'button',
                      { type: 'button', class: 'line-link', onclick: () => goToLine(p.line!) },
                      `line ${p.line}`,
                    )
                  : null,
                p.field ? h('code', {}, p.field) : null,
                ` ${p.message}`,
                p.hint ? h('span', { class: 'muted' }, ` (${p.hint})`) : null,
              ),
            ),
          )
        : h('p', { class: 'hint ok' }, 'The scenario is valid for this world.'),
    );
  }

  /** Checks the text against the world on the server (same parser and checks as a run). */
  async function validate(rev: number): Promise<void> {
    try {
      const answer = await api.post<ScenarioValidationBody>(
        `/api/worlds/${encodeURIComponent(ctx.world().meta.id)}/scenarios/validate`,
        yamlArea.value,
      );
      if (rev === revision) showProblems(answer.problems);
    } catch (err) {
      if (rev === revision)
        showProblems([{ message: `could not check the scenario: ${(err as Error).message}` }]);
    }
  }

  /** The text changed (typed, chosen or edited through the form): re-read the form, check soon. */
  function textChanged(): void {
    revision += 1;
    const { doc, problems: syntax } = parseScenarioText(yamlArea.value);
    clearTimeout(checkTimer);
    // While the text does not parse the form keeps its last state but cannot edit the text.
    formHost.disabled = !doc;
    if (!doc) {
      showProblems(syntax);
      return;
    }
    form.render(formFields(doc));
    problems.dataset.state = 'checking';
    const rev = revision;
    checkTimer = setTimeout(() => void validate(rev), VALIDATE_DEBOUNCE_MS);
  }

  /** A form edit: a new text, then the usual path of a changed text. */
  function editText(next: (text: string) => string): void {
    yamlArea.value = next(yamlArea.value);
    textChanged();
  }

  const form = createScenarioForm({ host: formHost, actorIds, editText, limits: () => limits });

  function setYaml(text: string): void {
    yamlArea.value = text;
    textChanged();
  }

  async function loadTemplates(): Promise<void> {
    const list = await api.scenarios(ctx.world().meta.id).catch(() => []);
    const blank = blankScenario('My scenario', ctx.store.state.at);
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

  function showRunError(err: unknown): void {
    const list: TextProblem[] =
      err instanceof ApiError
        ? (err.body.problems ?? [{ message: err.body.error.split('\n')[0]! }])
        : [{ message: (err as Error).message }];
    showProblems(list, 'failed');
    problems.scrollIntoView({ block: 'nearest' });
  }

  async function run(): Promise<void> {
    // The run's answer supersedes a pending check of the same text.
    clearTimeout(checkTimer);
    revision += 1;
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
      lastChart = await drawResults(results, result);
      results.dataset.state = 'done';
    } catch (err) {
      results.dataset.state = 'error';
      statusText.textContent = 'The scenario was not run: see the problems under the YAML.';
      announce('The scenario was not run; see the problems listed.');
      showRunError(err);
    } finally {
      runBtn.disabled = false;
      cancelBtn.disabled = true;
      currentJob = undefined;
    }
  }

  yamlArea.addEventListener('input', textChanged);
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
        // Without the limits the form still works; the server checks every run anyway.
        void api
          .health()
          .then((body) => {
            limits = body.limits;
          })
          .catch(() => undefined)
          .finally(() => void loadTemplates());
      }
    },
    hide() {},
    async toSvg() {
      return chartSvg(lastChart);
    },
  };
}
