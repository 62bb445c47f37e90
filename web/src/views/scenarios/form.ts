/**
 * The scenario form: start, horizon, runs, seed, tie shocks, pairs and measures to follow. It is
 * drawn from the fields the YAML holds and every edit goes back into the text (`yaml-editor.ts`),
 * so the form never holds a value of its own — except what the measure picker is about to add.
 * Bounds on runs and horizon are the server's, read from `GET /api/health`.
 */
import { h, replace } from '../../dom.js';
import { entryOf, formOf, MEASURE_FORMS, slotValue } from './measures.js';
import { appendItem, type FormFields, removeItem, renameKey, setValue } from './yaml-editor.js';

type Path = (string | number)[];

/** The server's bounds the form shows (absent while they are not known). */
export interface FormLimits {
  maxRuns: number;
  maxHorizon: number;
  maxWork: number;
  maxBodyBytes: number;
}

export interface FormContext {
  host: HTMLFieldSetElement;
  actorIds(): string[];
  /** Applies an edit to the YAML (the form is then drawn again from the new text). */
  editText(next: (text: string) => string): void;
  limits(): FormLimits | undefined;
}

/** What the form says about the shocks only the YAML edits. */
function otherShocksHint(count: number): string {
  return count === 1
    ? '1 capability or mechanism shock also applies (edit it in the YAML above).'
    : `${count} capability or mechanism shocks also apply (edit them in the YAML above).`;
}

const removeButton = (label: string, onclick: () => void) =>
  h('button', { type: 'button', class: 'subtle small-btn', 'aria-label': label, onclick }, 'Remove');

/**
 * The form over `ctx.host`; `render` draws it from the YAML's fields.
 *
 * @example
 * const form = createScenarioForm({ host, actorIds, editText, limits });
 * form.render(formFields(doc));
 */
export function createScenarioForm(ctx: FormContext): { render(f: FormFields): void } {
  const { editText } = ctx;
  /** The measure picker's choice, kept across redraws (it is not in the text until added). */
  const picked = { form: 0, ids: [] as string[] };

  function actorOptions(value: string) {
    const ids = ctx.actorIds();
    const known = ids.includes(value);
    return [
      // An id the world lacks is shown as written, never replaced by another actor.
      known ? null : h('option', { value, selected: true }, `${value} (unknown)`),
      ...ids.map((id) => h('option', { value: id, selected: id === value }, id)),
    ];
  }

  function actorSelect(value: string, label: string, path: Path): HTMLLabelElement {
    const select = h(
      'select',
      {
        'aria-invalid': String(!ctx.actorIds().includes(value)),
        onchange: (e: Event) => editText((t) => setValue(t, path, (e.target as HTMLSelectElement).value)),
      },
      actorOptions(value),
    );
    return h('label', { class: 'inline' }, h('span', { class: 'visually-hidden' }, label), select);
  }

  function numberInput(
    value: number,
    label: string,
    path: Path,
    attrs: Record<string, number | string | undefined>,
    visibleLabel = false,
  ): HTMLLabelElement {
    const input = h('input', {
      type: 'number',
      value,
      ...attrs,
      onchange: (e: Event) => {
        const v = (e.target as HTMLInputElement).valueAsNumber;
        if (Number.isFinite(v)) editText((t) => setValue(t, path, v));
      },
    });
    return h(
      'label',
      { class: visibleLabel ? 'field stacked' : 'inline' },
      h('span', { class: visibleLabel ? '' : 'visually-hidden' }, label),
      input,
    );
  }

  function textInput(value: string, label: string, key: string, attrs: Record<string, string | number> = {}) {
    return h(
      'label',
      { class: `field stacked${key === 'name' ? ' wide' : ''}` },
      h('span', {}, label),
      h('input', {
        type: 'text',
        value,
        ...attrs,
        onchange: (e: Event) => editText((t) => setValue(t, [key], (e.target as HTMLInputElement).value)),
      }),
    );
  }

  function shockRow(s: FormFields['shocks'][number], n: number): HTMLElement {
    const at = ['shocks', s.index];
    return h(
      'div',
      { class: 'shock-row' },
      actorSelect(s.a, `Shock ${n}: first actor`, [...at, 'tie', 0]),
      actorSelect(s.b, `Shock ${n}: second actor`, [...at, 'tie', 1]),
      h(
        'label',
        { class: 'inline' },
        h('span', { class: 'visually-hidden' }, `Shock ${n}: kind`),
        h(
          'select',
          {
            onchange: (e: Event) =>
              editText((t) => renameKey(t, [...at, s.mode], (e.target as HTMLSelectElement).value)),
          },
          h('option', { value: 'shift', selected: s.mode === 'shift' }, 'shift by'),
          h('option', { value: 'set', selected: s.mode === 'set' }, 'set to'),
        ),
      ),
      numberInput(s.value, `Shock ${n}: value`, [...at, s.mode], {
        min: -2,
        max: 2,
        step: 0.05,
        class: 'narrow',
      }),
      h('span', { class: 'muted small' }, 'at step'),
      numberInput(s.at, `Shock ${n}: step`, [...at, 'at'], { min: 0, step: 1, class: 'narrow' }),
      removeButton(`Remove shock ${n}`, () => editText((t) => removeItem(t, 'shocks', s.index))),
    );
  }

  /** A followed measure as written: its kind and an actor select per slot. */
  function followRow(entry: Record<string, unknown>, i: number): HTMLElement {
    const form = formOf(entry);
    return h(
      'div',
      { class: 'shock-row follow-row', 'data-kind': form ? (form.value ?? form.key) : 'unknown' },
      form ? h('span', {}, form.label) : h('code', {}, JSON.stringify(entry)),
      (form?.slots ?? []).flatMap((s) => [
        h('span', { class: 'muted small' }, s.role),
        actorSelect(slotValue(entry, s.path), `Measure ${i + 1}: ${s.role}`, ['follow', i, ...s.path]),
      ]),
      removeButton(`Remove measure ${i + 1}`, () => editText((t) => removeItem(t, 'follow', i))),
    );
  }

  /** Picks a measure and its actors, then adds it to `follow:`. */
  function measurePicker(): HTMLElement {
    const ids = ctx.actorIds();
    const form = MEASURE_FORMS[picked.form]!;
    // Different actors by default, so a fresh pick is a valid entry.
    const chosen = form.slots.map((_, k) => picked.ids[k] ?? ids[k % ids.length]!);
    const kind = h(
      'select',
      {
        id: 'measure-kind',
        onchange: (e: Event) => {
          picked.form = Number((e.target as HTMLSelectElement).value);
          replace(pickerHost, measurePicker());
        },
      },
      MEASURE_FORMS.map((f, k) => h('option', { value: k, selected: k === picked.form }, f.label)),
    );
    return h(
      'div',
      { class: 'shock-row measure-picker' },
      h('label', { class: 'inline' }, h('span', { class: 'visually-hidden' }, 'Measure'), kind),
      form.slots.map((s, k) =>
        h(
          'label',
          { class: 'inline' },
          h('span', { class: 'muted small' }, s.role),
          h(
            'select',
            {
              id: `measure-actor-${k}`,
              onchange: (e: Event) => {
                chosen[k] = (e.target as HTMLSelectElement).value;
                picked.ids = [...chosen];
              },
            },
            actorOptions(chosen[k]!),
          ),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'measure-add',
          class: 'subtle small-btn',
          onclick: () => editText((t) => appendItem(t, 'follow', entryOf(form, chosen))),
        },
        'Follow this measure',
      ),
    );
  }
  const pickerHost = h('div', {});

  function limitsHint(): HTMLElement | null {
    const l = ctx.limits();
    return l
      ? h(
          'p',
          { class: 'hint', id: 'scenario-limits' },
          `This server runs at most ${l.maxRuns} runs and ${l.maxHorizon} steps, runs × horizon up to ${l.maxWork}, from a scenario text of up to ${Math.floor(l.maxBodyBytes / 1024)} KiB.`,
        )
      : null;
  }

  function render(f: FormFields): void {
    const l = ctx.limits();
    replace(pickerHost, measurePicker());
    replace(
      ctx.host,
      h('legend', {}, 'Form'),
      h(
        'div',
        { class: 'form-grid' },
        textInput(f.name, 'Name', 'name'),
        textInput(f.start, 'Start (YYYY-MM)', 'start', { pattern: '\\d{4}-\\d{2}', size: 8 }),
        numberInput(
          f.horizon,
          'Horizon (months)',
          ['horizon'],
          { min: 1, max: l?.maxHorizon, id: 'scenario-horizon' },
          true,
        ),
        numberInput(f.runs, 'Runs', ['runs'], { min: 1, max: l?.maxRuns, id: 'scenario-runs' }, true),
        numberInput(f.seed, 'Seed', ['seed'], { min: 0, id: 'scenario-seed' }, true),
      ),
      limitsHint(),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Tie shocks'),
        f.otherShocks > 0
          ? h('p', { class: 'hint' }, otherShocksHint(f.otherShocks))
          : f.shocks.length === 0
            ? h('p', { class: 'hint' }, 'No shocks: the scenario equals its baseline.')
            : null,
        f.shocks.map((s, i) => shockRow(s, i + 1)),
        h(
          'button',
          {
            type: 'button',
            class: 'subtle small-btn',
            onclick: () => {
              const [a, b] = ctx.actorIds();
              editText((t) => appendItem(t, 'shocks', { at: 0, tie: [a, b], shift: 0.3 }));
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
            actorSelect(p[0], `Pair ${i + 1}: first actor`, ['track', i, 0]),
            actorSelect(p[1], `Pair ${i + 1}: second actor`, ['track', i, 1]),
            removeButton(`Remove pair ${i + 1}`, () => editText((t) => removeItem(t, 'track', i))),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'subtle small-btn',
            onclick: () => {
              const ids = ctx.actorIds();
              editText((t) => appendItem(t, 'track', [ids[0], ids[2] ?? ids[1]]));
            },
          },
          'Follow a pair',
        ),
      ),
      h(
        'fieldset',
        { id: 'scenario-follow' },
        h('legend', {}, 'Measures to follow (fan charts, outcome bars)'),
        f.follow.length === 0
          ? h('p', { class: 'hint' }, 'None yet: pick a measure and its actors.')
          : f.follow.map((e, i) => followRow(e, i)),
        pickerHost,
      ),
    );
  }

  return { render };
}
