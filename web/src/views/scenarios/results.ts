/**
 * A scenario run's results: the expectations, a fan chart per followed pair and per numeric
 * followed measure, outcome bars per categorical one (`charts.ts`), what the run did to
 * capabilities, and the largest effects at the horizon above a threshold the user sets.
 */
import type { ScenarioResultBody } from '../../../../src/api/client.js';
import { type Column, h, replace, signed, table } from '../../dom.js';
import { measureCharts, pairFans } from './charts.js';

type Capability = ScenarioResultBody['capabilities'][number];
type Effect = ScenarioResultBody['effects'][number];

/** Effects smaller than this (in tie units) are hidden by default; the user can lower it to 0. */
export const EFFECT_THRESHOLD = 0.001;

/** An effect with enough digits to tell a small one from zero. */
function effect(x: number): string {
  if (x === 0 || Math.abs(x) >= 0.001) return signed(x, 3);
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toExponential(1)}`;
}

const percent = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)} %`;

/**
 * Capabilities at the horizon, scenario against baseline. A `scale` shock multiplies a capability
 * once, at its step; the engine's capability dynamics act on it afterwards, so the horizon's
 * difference is generally not the shock's size. Both are shown, each named for what it is.
 */
function capabilities(result: ScenarioResultBody): HTMLElement | null {
  const shocked = new Map<string, { at: number; scale: number }[]>();
  for (const s of result.scenario.shocks) {
    if (typeof s.capability === 'string' && typeof s.scale === 'number') {
      shocked.set(s.capability, [...(shocked.get(s.capability) ?? []), { at: Number(s.at), scale: s.scale }]);
    }
  }
  const rows = result.capabilities.filter((c) => shocked.has(c.actor) || Math.abs(c.mean) >= 0.001);
  if (rows.length === 0) return null;
  const columns: Column<Capability>[] = [
    { head: 'Actor', cell: (c) => c.actor },
    { head: 'At the horizon', numeric: true, cell: (c) => percent(c.mean) },
    { head: '90% interval', numeric: true, cell: (c) => `${percent(c.lo)} … ${percent(c.hi)}` },
    {
      head: 'Shock applied',
      cell: (c) =>
        (shocked.get(c.actor) ?? [])
          .map((s) => `×${s.scale} (${percent(s.scale - 1)}) at step ${s.at}`)
          .join('; ') || 'none (moved by the mechanisms)',
    },
  ];
  return table(columns, rows.slice(0, 8), {
    caption: `Capability at the horizon (step ${result.scenario.horizon}), scenario vs baseline`,
    attrs: { class: 'effects', id: 'scenario-capabilities' },
    rowAttrs: (c) => ({ 'data-actor': c.actor }),
  });
}

const EFFECT_COLUMNS: readonly Column<Effect>[] = [
  { head: 'Pair', cell: (e) => `${e.a} – ${e.b}` },
  { head: 'Mean', numeric: true, cell: (e) => effect(e.mean) },
  { head: '90% interval', numeric: true, cell: (e) => `${effect(e.lo)} … ${effect(e.hi)}` },
  { head: 'P(> 0)', numeric: true, cell: (e) => e.pPositive.toFixed(2) },
];

function effectsTable(result: ScenarioResultBody, threshold: number): HTMLTableElement {
  const shown = result.effects.filter((e) => Math.abs(e.mean) >= threshold);
  const hidden = result.effects.length - shown.length;
  const caption =
    `Largest effects at the horizon (${result.effects[0]?.dimension ?? 'composite'})` +
    (hidden > 0 ? `; ${hidden} smaller than ${threshold} hidden` : '');
  return table(EFFECT_COLUMNS, shown.slice(0, 12), {
    caption,
    attrs: { class: 'effects', id: 'scenario-effects' },
    rowAttrs: (e) => ({ 'data-mean': e.mean }),
  });
}

/** Draws a result into `host`; returns the first chart (for export). */
export async function drawResults(host: HTMLElement, result: ScenarioResultBody): Promise<Element | null> {
  // Two fans side by side when the panel is wide enough, one otherwise.
  const width = Math.round(Math.max(300, Math.min(520, (host.clientWidth - 40) / 2)));
  const figures = await pairFans(result, width);
  const measures = await measureCharts(result, width);
  const tableHost = h('div', {}, effectsTable(result, EFFECT_THRESHOLD));
  const threshold = h('input', {
    type: 'number',
    id: 'scenario-threshold',
    min: 0,
    step: 0.001,
    value: EFFECT_THRESHOLD,
    class: 'narrow',
    onchange: (e: Event) => {
      const v = Number((e.target as HTMLInputElement).value);
      replace(tableHost, effectsTable(result, Number.isFinite(v) && v >= 0 ? v : EFFECT_THRESHOLD));
    },
  });
  replace(
    host,
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
              `${c.pair ? c.pair.join('–') : c.measure ? c.measure.title : `${c.capability} capability`} ${c.direction}: P = ${c.probability.toFixed(2)}`,
            ),
          ),
        )
      : null,
    h('div', { class: 'fans' }, figures),
    measures.length > 0
      ? h(
          'section',
          { id: 'scenario-measures', 'aria-label': 'Followed measures' },
          h('h3', {}, 'Followed measures'),
          h('div', { class: 'fans' }, measures),
        )
      : null,
    capabilities(result),
    h(
      'label',
      { class: 'field inline-field' },
      h('span', {}, 'Hide effects smaller than (|mean|, tie units)'),
      threshold,
    ),
    tableHost,
  );
  return (figures[0] ?? measures[0])?.querySelector('svg') ?? null;
}
