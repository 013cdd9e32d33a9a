/**
 * The trends' charts, drawn by Chartist (SVG, about 10 kB gzipped: loaded only with this module,
 * which the trends view imports on demand). Colours come from CSS (chartStyles), so they follow
 * the light and dark themes; every chart also has a table of its numbers beside it.
 */
import { BarChart, LineChart } from 'chartist';

export interface Series {
  readonly name: string;
  readonly className: string;
  readonly data: readonly (number | null)[];
}

export function drawStackedBars(element: Element, labels: readonly string[], series: readonly Series[]): void {
  element.replaceChildren();
  new BarChart(
    element,
    { labels: [...labels], series: series.map((s) => ({ name: s.name, className: s.className, data: [...s.data] as number[] })) },
    { stackBars: true, height: '15rem', axisY: { onlyInteger: true }, axisX: { labelInterpolationFnc: thin(labels.length) } },
  );
}

export function drawLines(element: Element, labels: readonly string[], series: readonly Series[]): void {
  element.replaceChildren();
  new LineChart(
    element,
    { labels: [...labels], series: series.map((s) => ({ name: s.name, className: s.className, data: [...s.data] })) },
    { height: '15rem', fullWidth: true, showArea: false, lineSmooth: false, chartPadding: { right: 24 }, axisX: { labelInterpolationFnc: thin(labels.length) } },
  );
}

/** Shows at most about 13 labels on the x axis. */
function thin(count: number) {
  const every = Math.max(1, Math.ceil(count / 13));
  return (value: unknown, index: number) => (index % every === 0 ? String(value) : null);
}
