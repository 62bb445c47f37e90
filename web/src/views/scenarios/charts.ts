/**
 * The charts of a scenario run. Followed pairs: a fan of the effect (scenario − twin) over time
 * with its attribution to mechanisms. Numeric followed measures: a fan of the measure's own values
 * — per step the median and the central 50 % and 90 % of the runs, for the scenario and, beside
 * it in grey, for the twin without the shocks. Categorical measures (a triangle's type and pivot):
 * stacked bars of the share of runs per outcome at the horizon, scenario against twin.
 */
import type { ScenarioResultBody } from '../../../../src/api/client.js';
import { cspSafe, loadPlot, toDate } from '../../charts.js';
import { h, signed } from '../../dom.js';
import { NEGATIVE, NEUTRAL, POSITIVE } from '../../palette.js';

type Measure = ScenarioResultBody['measures'][number];

/** The two sides of a run, as the charts name them. */
export const SIDES = Object.freeze({ scenario: 'scenario', baseline: 'without the shocks' });
const SIDE_COLORS = [POSITIVE, NEUTRAL];

/** A fan per followed pair, with its attribution to mechanisms. */
export async function pairFans(result: ScenarioResultBody, width: number): Promise<HTMLElement[]> {
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

/** Band rows of a numeric measure, one per step and side where the side is defined. */
function bandRows(m: Measure) {
  return m.steps.flatMap((s) =>
    (['scenario', 'baseline'] as const).flatMap((side) => {
      const b = s.bands?.[side];
      return b ? [{ ...b, step: s.step, date: toDate(s.date), series: SIDES[side] }] : [];
    }),
  );
}

/** The fan of a numeric measure: both sides' median and bands over the steps. */
async function measureFan(m: Measure, width: number): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const data = bandRows(m);
  const common = { x: 'date', z: 'series', fill: 'series' } as const;
  const chart = cspSafe(
    Plot.plot({
      width,
      height: 220,
      marginLeft: 48,
      y: { label: m.title, grid: true },
      x: { label: null },
      color: { domain: Object.values(SIDES), range: SIDE_COLORS, legend: true },
      marks: [
        Plot.areaY(data, { ...common, y1: 'lo90', y2: 'hi90', fillOpacity: 0.14, className: 'band-90' }),
        Plot.areaY(data, { ...common, y1: 'lo50', y2: 'hi50', fillOpacity: 0.28, className: 'band-50' }),
        Plot.line(data, {
          x: 'date',
          y: 'median',
          z: 'series',
          stroke: 'series',
          strokeWidth: 2,
          className: 'median',
        }),
        Plot.dot(data, {
          x: 'date',
          y: 'median',
          r: 0,
          tip: true,
          title: (d) =>
            `${d.series}, step ${d.step}: median ${signed(d.median, 3)}, 50% ${signed(d.lo50, 3)} to ${signed(d.hi50, 3)}, 90% ${signed(d.lo90, 3)} to ${signed(d.hi90, 3)}`,
        }),
      ],
    }),
  );
  const effect =
    m.mean === null
      ? 'undefined in every run at the horizon'
      : `effect at the horizon ${signed(m.mean, 3)} (90%: ${signed(m.lo!, 3)} to ${signed(m.hi!, 3)}; defined in ${m.defined} runs)`;
  return h(
    'figure',
    {
      class: 'measure-fan',
      'data-measure': m.name,
      'data-args': m.args.join(','),
      'data-series': new Set(data.map((d) => d.series)).size,
    },
    h('figcaption', {}, h('strong', {}, m.title), `: ${effect}`),
    chart,
  );
}

/** Stacked bars of a categorical measure's outcomes at the horizon, scenario against twin. */
async function outcomeBars(m: Measure, width: number): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const outcomes = m.outcomes ?? [];
  const data = (['scenario', 'baseline'] as const).flatMap((side) =>
    outcomes
      .filter((o) => o[side] > 0)
      .map((o) => ({ side: SIDES[side], outcome: o.outcome, share: o[side] })),
  );
  const chart = cspSafe(
    Plot.plot({
      width,
      height: 130,
      marginLeft: 120,
      x: { label: 'share of runs at the horizon (%)', domain: [0, 100], percent: true, grid: true },
      y: { label: null, domain: Object.values(SIDES) },
      color: { legend: true, domain: outcomes.map((o) => o.outcome), scheme: 'tableau10' },
      marks: [
        Plot.barX(
          data,
          Plot.stackX({
            x: 'share',
            y: 'side',
            fill: 'outcome',
            order: outcomes.map((o) => o.outcome),
            className: 'outcomes',
            title: (d: { side: string; outcome: string; share: number }) =>
              `${d.side}: ${d.outcome} in ${(d.share * 100).toFixed(1)} % of runs`,
          }),
        ),
        Plot.ruleX([0]),
      ],
    }),
  );
  const top = [...outcomes].sort((x, y) => y.scenario - x.scenario)[0];
  return h(
    'figure',
    {
      class: 'outcome-bars',
      'data-measure': m.name,
      'data-args': m.args.join(','),
      'data-bars': data.length,
    },
    h(
      'figcaption',
      {},
      h('strong', {}, m.title),
      top
        ? `: P(${top.outcome}) = ${top.scenario.toFixed(2)} vs ${top.baseline.toFixed(2)} without the shocks`
        : '',
    ),
    chart,
  );
}

/** A chart per followed measure, in the scenario's order. */
export function measureCharts(result: ScenarioResultBody, width: number): Promise<HTMLElement[]> {
  return Promise.all(result.measures.map((m) => (m.outcomes ? outcomeBars(m, width) : measureFan(m, width))));
}
