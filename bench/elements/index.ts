// First-render benchmarks of the elements, in the system Chromium (headless), and the bytes each
// element costs as a standalone import:
//   pnpm bench:elements                       (BENCH_RUNS=15 by default; BENCH_ONLY=<text> for some)
//
// Each scenario (scenarios/*.ts) is bundled with esbuild as a page would ship it, served from a
// loopback server, and run BENCH_RUNS times in a fresh page; it reports the milliseconds from
// adding the element to the DOM until its content is rendered (data from a MemoryAdapter with
// no latency). Prints median and p95 per scenario, then the bytes table.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, bundleForBrowsers, measure } from '../../tests/budget/measure.js';
import { BUDGETS } from '../../tests/budget/budgets.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const scenarioDir = join(ROOT, 'bench/elements/scenarios');
// BENCH_ONLY=<text> runs only the scenarios whose file name contains it.
const only = process.env['BENCH_ONLY'] ?? '';
const scenarios = readdirSync(scenarioDir).filter((f) => f.endsWith('.ts') && f.includes(only)).sort();

/** Bundles one scenario for the browser. */
async function bundle(file: string): Promise<string> {
  return new TextDecoder().decode(await bundleForBrowsers(join(scenarioDir, file)));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const scripts = new Map<string, string>();
for (const file of scenarios) scripts.set(file, await bundle(file));
const server = createServer((request, response) => {
  const name = decodeURIComponent((request.url ?? '/').slice(1));
  const script = scripts.get(name.replace(/\.js$/, '.ts'));
  if (name === '' || name === 'index.html') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><body></body></html>');
  } else if (script !== undefined) {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  } else response.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
console.log(`elements, first render: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}, Chromium ${await browser.version()}, headless; ${RUNS} runs each, median / p95 (ms)`);
try {
  for (const file of scenarios) {
    const times: number[] = [];
    let label = file;
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(`${origin}/index.html`);
      const result = await page.evaluate(async (src: string) => {
        const module = (await import(src)) as { label: string; run: () => Promise<number> };
        return { label: module.label, ms: await module.run() };
      }, `${origin}/${file.replace(/\.ts$/, '.js')}`);
      label = result.label;
      if (run > 0) times.push(result.ms); // the first run warms the code cache
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(48)} ${quantile(times, 0.5).toFixed(1).padStart(7)} ${quantile(times, 0.95).toFixed(1).padStart(7)}`);
  }
} finally {
  await browser.close();
  server.close();
}

console.log('\nbytes as a standalone import (bundled, minified, gzipped):');
for (const budget of BUDGETS) {
  const size = await measure(budget.entry);
  console.log(`  ${budget.entry.padEnd(52)} ${(size.gzip / 1024).toFixed(2).padStart(6)} kB  (budget ${(budget.maxGzip / 1024).toFixed(2)} kB)`);
}
