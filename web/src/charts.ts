/**
 * Observable Plot, loaded on first use so the network paints before the chart code arrives. Plot
 * puts a <style> element in each chart; the page's CSP forbids inline styles, so it is removed
 * before the chart enters the document and the same rules live in styles.css instead.
 */

type PlotModule = typeof import('./plot.js');

let plotModule: Promise<PlotModule> | undefined;

/** The Plot module (one download, shared). */
export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('./plot.js');
  return plotModule;
}

/** Removes inline <style> elements from a chart (or legend) Plot made. */
export function cspSafe<T extends Element>(chart: T): T {
  for (const style of chart.querySelectorAll('style')) style.remove();
  return chart;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD as a UTC date (the first day it denotes). */
export function toDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** The first SVG of a chart (a figure with a legend wraps it). */
export function chartSvg(chart: Element | null | undefined): SVGSVGElement | null {
  if (!chart) return null;
  if (chart instanceof SVGSVGElement) return chart;
  return chart.querySelector('svg');
}
