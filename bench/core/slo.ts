/**
 * Benchmark: `sloReport` over 30 days of per-minute SLI samples (43,200 of them).
 *
 *   cd packages/core && node --conditions=source --import tsx ../../bench/core/slo.ts
 *
 * The data is deterministic (seeded PRNG): a daily traffic curve with quieter weekends, a low
 * background error rate, a sharp 45-minute outage and a slow 6-hour degradation. Each case is
 * warmed up, then timed over many runs; `run()` returns the figures for a combined runner and
 * `print()` writes them.
 */
import { arch, cpus, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { SliSample, Slo } from '../../packages/core/src/domain.js';
import { sloReport, type IncidentSpan } from '../../packages/core/src/slo.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, toIso, toMs } from '../../packages/core/src/time.js';

/** One timed case: median and 95th percentile of the milliseconds per `sloReport` call. */
export interface BenchCase {
  readonly case: string;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface BenchResult {
  readonly name: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly platform: string };
  readonly samples: number;
  readonly days: number;
  readonly warmup: number;
  readonly runs: number;
  readonly cases: readonly BenchCase[];
  /** What the main case reported, so a reader can see the data is realistic. */
  readonly check: { readonly budgetRemaining: number; readonly alert: string; readonly outageBudgetFraction: number };
}

const NOW = toMs('2026-06-30T12:00:00Z');
const DAYS = 30;

/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTAGE = { from: NOW - 21 * DAY_MS + 14 * HOUR_MS, to: NOW - 21 * DAY_MS + 14 * HOUR_MS + 45 * MINUTE_MS };
const DEGRADATION = { from: NOW - 7 * DAY_MS + 2 * HOUR_MS, to: NOW - 7 * DAY_MS + 8 * HOUR_MS };

/** 30 days of per-minute samples ending at NOW, ascending. */
export function makeSamples(seed = 42): SliSample[] {
  const random = prng(seed);
  const count = DAYS * 24 * 60;
  const samples = new Array<SliSample>(count);
  for (let i = 0; i < count; i++) {
    const at = NOW - (count - i) * MINUTE_MS;
    const date = new Date(at);
    const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const daily = 0.55 + 0.45 * Math.sin(((hour - 9) / 24) * 2 * Math.PI); // peak mid-afternoon UTC
    const total = Math.round((weekend ? 0.6 : 1) * 4_000 * daily * (0.9 + 0.2 * random()));
    let errorRate = 0.0003;
    if (at >= OUTAGE.from && at < OUTAGE.to) errorRate = 0.08;
    else if (at >= DEGRADATION.from && at < DEGRADATION.to) errorRate = 0.006;
    const bad = Math.min(total, Math.round(total * errorRate * (0.5 + random())));
    samples[i] = { at, good: total - bad, total };
  }
  return samples;
}

function makeSlo(over: Partial<Slo> = {}): Slo {
  return {
    id: 'bench-api',
    name: 'API availability',
    description: '',
    service: 'api',
    componentId: null,
    indicator: { good: 'http_ok', total: 'http_all' },
    timeWindow: { duration: '30d', isRolling: true },
    budgetingMethod: 'Occurrences',
    objective: { target: 0.999, timeSliceTarget: null, timeSliceWindow: null },
    labels: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const INCIDENTS: IncidentSpan[] = [
  { id: 'inc-outage', startedAt: toIso(OUTAGE.from), resolvedAt: toIso(OUTAGE.to) },
  { id: 'inc-degradation', startedAt: toIso(DEGRADATION.from), resolvedAt: toIso(DEGRADATION.to) },
];

const WARMUP = 200;
const RUNS = 1_000;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] as number;
}

function time(label: string, body: () => number): BenchCase {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += body(); // let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    sink += body();
    times.push(performance.now() - t0);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work observable');
  times.sort((a, b) => a - b);
  return { case: label, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

/** Runs the benchmark and returns its figures (the caller prints them, see {@link print}). */
export function run(): BenchResult {
  const samples = makeSamples();
  const rolling = makeSlo();
  const calendar = makeSlo({
    timeWindow: { duration: '1M', isRolling: false, calendar: { startTime: '2026-01-01T00:00:00-05:00', timeZone: 'America/New_York' } },
  });
  const timeslices = makeSlo({
    budgetingMethod: 'Timeslices',
    objective: { target: 0.99, timeSliceTarget: 0.995, timeSliceWindow: '5m' },
  });
  const options = { now: NOW, incidents: INCIDENTS };
  const cases = [
    time('Occurrences, rolling 30d, 2 incidents', () => sloReport(rolling, samples, options).budgetRemaining),
    time('Occurrences, calendar 1M in America/New_York, 2 incidents', () => sloReport(calendar, samples, options).budgetRemaining),
    time('Timeslices 5m, rolling 30d, 2 incidents', () => sloReport(timeslices, samples, options).budgetRemaining),
  ];
  const report = sloReport(rolling, samples, options);
  const cpu = cpus();
  return {
    name: 'core/slo',
    machine: { cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, node: process.version, platform: `${platform()} ${arch()}` },
    samples: samples.length,
    days: DAYS,
    warmup: WARMUP,
    runs: RUNS,
    cases,
    check: {
      budgetRemaining: report.budgetRemaining,
      alert: report.alert,
      outageBudgetFraction: report.incidents[0]?.budgetFraction ?? 0,
    },
  };
}

/** Prints the figures of {@link run} as plain text. */
export function print(result: BenchResult): void {
  const { machine, check } = result;
  console.log(`${result.name}: sloReport over ${result.samples.toLocaleString('en')} per-minute samples (${result.days} days)`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}`);
  console.log(`${result.warmup} warm-up runs, then ${result.runs} timed runs per case (ms per report):`);
  for (const c of result.cases) {
    console.log(`  median ${c.medianMs.toFixed(3).padStart(8)}  p95 ${c.p95Ms.toFixed(3).padStart(8)}  ${c.case}`);
  }
  console.log(
    `check: budget left ${(check.budgetRemaining * 100).toFixed(1)} %, alert ${check.alert}, the outage used ${(check.outageBudgetFraction * 100).toFixed(1)} % of the budget`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(run());
}
