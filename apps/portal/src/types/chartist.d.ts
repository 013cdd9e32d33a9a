/**
 * The part of Chartist's API the trends use. Chartist 1.5's own declarations use extensionless
 * relative re-exports that TypeScript's NodeNext resolution cannot follow, so tsconfig.json maps
 * `chartist` here for type checking only; bundlers load the real package.
 */
export interface ChartData {
  labels: unknown[];
  series: { name?: string; className?: string; data: (number | null)[] }[];
}
export interface AxisOptions {
  onlyInteger?: boolean;
  labelInterpolationFnc?: (value: unknown, index: number) => string | null;
}
export interface ChartOptions {
  height?: string | number;
  stackBars?: boolean;
  fullWidth?: boolean;
  showArea?: boolean;
  lineSmooth?: boolean;
  chartPadding?: { top?: number; right?: number; bottom?: number; left?: number };
  axisX?: AxisOptions;
  axisY?: AxisOptions;
}
export class BarChart {
  constructor(query: Element | string, data: ChartData, options?: ChartOptions);
  detach(): void;
}
export class LineChart {
  constructor(query: Element | string, data: ChartData, options?: ChartOptions);
  detach(): void;
}
