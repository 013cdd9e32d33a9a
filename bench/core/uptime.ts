/**
 * Benchmark: 90-day uptime bars for 100 components, the status page's main computation.
 *
 * Run: cd packages/core && node --conditions=source --import tsx ../../bench/core/uptime.ts
 *
 * Builds deterministic synthetic histories (fixed seed; about four status changes per
 * component per week: incidents that degrade, partly or fully break a component and recover,
 * and some maintenance windows), warms up, then times full 100-component computations and
 * prints the median and p95 per computation, with the machine it ran on.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ComponentStatus, ComponentStatusChange } from '../../packages/core/src/domain.js';
import { DAY_MS, MINUTE_MS, toIso, toMs } from '../../packages/core/src/time.js';
import { dailyUptime, dayBoundaries } from '../../packages/core/src/uptime.js';

const COMPONENTS = 100;
const DAYS = 90;
const SEED = 0x5eed;
const WARMUP = 50;
const RUNS = 300;
const END = toMs('2026-11-25T09:30:00Z');

/** Mulberry32: a small, fast, seeded PRNG with values in [0, 1). */
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

/** One component's history: operational from before the window, then incidents and maintenances. */
function syntheticHistory(componentId: string, random: () => number, counter: { n: number }): ComponentStatusChange[] {
  const history: ComponentStatusChange[] = [];
  const push = (ms: number, status: ComponentStatus, incidentId: string | null, maintenanceId: string | null) =>
    history.push({ componentId, status, at: toIso(ms), incidentId, maintenanceId });
  let t = END - (DAYS + 10) * DAY_MS;
  push(t, 'operational', null, null);
  for (;;) {
    t += -Math.log(1 - random()) * 4 * DAY_MS; // an event every 4 days on average: about 4 changes a week
    if (t >= END) break;
    const duration = (5 + random() * 240) * MINUTE_MS;
    const roll = random();
    if (roll < 0.15) {
      const id = `m${counter.n++}`;
      push(t, 'under_maintenance', null, id);
      push(t + duration, 'operational', null, id);
    } else {
      const id = `i${counter.n++}`;
      const status: ComponentStatus = roll < 0.55 ? 'degraded_performance' : roll < 0.85 ? 'partial_outage' : 'major_outage';
      push(t, status, id, null);
      if (random() < 0.3) push(t + duration / 2, 'major_outage', id, null);
      push(t + duration, 'operational', id, null);
    }
    t += duration;
  }
  return history;
}

export interface BenchCase {
  readonly case: string;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface BenchResult {
  readonly name: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly platform: string };
  readonly components: number;
  readonly days: number;
  readonly changes: number;
  readonly runs: number;
  readonly cases: readonly BenchCase[];
}

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function time(label: string, body: (run: number) => number): BenchCase {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += body(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    sink += body(i);
    samples.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work observable');
  samples.sort((a, b) => a - b);
  return { case: label, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95) };
}

/** Runs the benchmark and returns its figures (the caller prints them). */
export function run(): BenchResult {
  const random = prng(SEED);
  const counter = { n: 0 };
  const histories = Array.from({ length: COMPONENTS }, (_, i) => syntheticHistory(`c${i}`, random, counter));
  const changes = histories.reduce((sum, h) => sum + h.length, 0);
  const checksum = (days: ReturnType<typeof dailyUptime>) => days[days.length - 1]?.uptime ?? 0;

  // Each run uses a new `end` (one millisecond later), so no run reuses the previous day boundaries.
  const cases = [
    time(`${COMPONENTS} components x ${DAYS} days, Asia/Tokyo, { end, days, timeZone } per call`, (run) => {
      let sum = 0;
      for (const history of histories) {
        sum += checksum(dailyUptime(history, { end: END + run, days: DAYS, timeZone: 'Asia/Tokyo' }));
      }
      return sum;
    }),
    time(`${COMPONENTS} components x ${DAYS} days, UTC, dayBoundaries once then { boundaries }`, (run) => {
      const boundaries = dayBoundaries(END + run, DAYS);
      let sum = 0;
      for (const history of histories) sum += checksum(dailyUptime(history, { boundaries }));
      return sum;
    }),
    time(`dayBoundaries alone, ${DAYS} days, America/New_York`, (run) => dayBoundaries(END + run, DAYS, 'America/New_York').starts.length),
  ];
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    name: 'core/uptime',
    machine: { cpu, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
    components: COMPONENTS,
    days: DAYS,
    changes,
    runs: RUNS,
    cases,
  };
}

/** Prints the figures of {@link run} as plain text. */
export function print(result: BenchResult): void {
  const { machine } = result;
  console.log(`${result.name}: ${result.components} components, ${result.days} days, ${result.changes} status changes`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}`);
  console.log(`${WARMUP} warm-up runs, then ${result.runs} timed runs per case (ms per full computation):`);
  for (const c of result.cases) {
    console.log(`  median ${c.medianMs.toFixed(3).padStart(8)}  p95 ${c.p95Ms.toFixed(3).padStart(8)}  ${c.case}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(run());
}
