/**
 * A scenario run's results: a fan chart per followed pair (the effect's mean over time between its
 * 5–95% band) with its attribution to mechanisms, the expectations, what the run did to
 * capabilities, and the largest effects at the horizon above a threshold the user sets.
 */
import type { ScenarioResultBody } from '../../../src/api/client.js';
import { cspSafe, loadPlot, toDate } from '../charts.js';
import { h, replace, signed } from '../dom.js';
import { NEGATIVE, POSITIVE } from '../palette.js';

/** Effects smaller than this (in tie units) are hidden by default; the user can lower it to 0. */
export const EFFECT_THRESHOLD = 0.001;

/** An effect with enough digits to tell a small one from zero. */
function effect(x: number): string {
  if (x === 0 || Math.abs(x) >= 0.001) return signed(x, 3);
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toExponential(1)}`;
}

const percent = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)} %`;

async function fans(result: ScenarioResultBody, width: number): Promise<HTMLElement[]> {
  const Plot = await loadPlot();
  return Object.entries(result.trajectories).map(([pair, points]) => {
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
}

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
  return h(
    'table',
    { class: 'effects', id: 'scenario-capabilities' },
    h('caption', {}, `Capability at the horizon (step ${result.scenario.horizon}), scenario vs baseline`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Actor'),
        h('th', { scope: 'col', class: 'num' }, 'At the horizon'),
        h('th', { scope: 'col', class: 'num' }, '90% interval'),
        h('th', { scope: 'col' }, 'Shock applied'),
      ),
    ),
    h(
      'tbody',
      {},
      rows
        .slice(0, 8)
        .map((c) =>
          h(
            'tr',
            { 'data-actor': c.actor },
            h('td', {}, c.actor),
            h('td', { class: 'num' }, percent(c.mean)),
            h('td', { class: 'num' }, `${percent(c.lo)} … ${percent(c.hi)}`),
            h(
              'td',
              {},
              (shocked.get(c.actor) ?? [])
                .map((s) => `×${s.scale} (${percent(s.scale - 1)}) at step ${s.at}`)
                .join('; ') || 'none (moved by the mechanisms)',
            ),
          ),
        ),
    ),
  );
}

function effectsTable(result: ScenarioResultBody, threshold: number): HTMLTableElement {
  const shown = result.effects.filter((e) => Math.abs(e.mean) >= threshold);
  const hidden = result.effects.length - shown.length;
  const caption =
    `Largest effects at the horizon (${result.effects[0]?.dimension ?? 'composite'})` +
    (hidden > 0 ? `; ${hidden} smaller than ${threshold} hidden` : '');
  return h(
    'table',
    { class: 'effects', id: 'scenario-effects' },
    h('caption', {}, caption),
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
      shown
        .slice(0, 12)
        .map((e) =>
          h(
            'tr',
            { 'data-mean': e.mean },
            h('td', {}, `${e.a} – ${e.b}`),
            h('td', { class: 'num' }, effect(e.mean)),
            h('td', { class: 'num' }, `${effect(e.lo)} … ${effect(e.hi)}`),
            h('td', { class: 'num' }, e.pPositive.toFixed(2)),
          ),
        ),
    ),
  );
}

/** Draws a result into `host`; returns the first chart (for export). */
export async function drawResults(host: HTMLElement, result: ScenarioResultBody): Promise<Element | null> {
  // Two fans side by side when the panel is wide enough, one otherwise.
  const width = Math.round(Math.max(300, Math.min(520, (host.clientWidth - 40) / 2)));
  const figures = await fans(result, width);
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
              `${c.pair ? c.pair.join('–') : `${c.capability} capability`} ${c.direction}: P = ${c.probability.toFixed(2)}`,
            ),
          ),
        )
      : null,
    h('div', { class: 'fans' }, figures),
    capabilities(result),
    h(
      'label',
      { class: 'field inline-field' },
      h('span', {}, 'Hide effects smaller than (|mean|, tie units)'),
      threshold,
    ),
    tableHost,
  );
  return figures[0]?.querySelector('svg') ?? null;
}
