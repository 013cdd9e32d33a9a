// The portal, measured:
//   pnpm bench:portal            (BENCH_RUNS=10 by default)
//
// 1. Bytes of the first load, from the Vite build (apps/portal/dist), gzipped per file; and what
//    each view adds when first opened.
// 2. Time to interactive of the incident page with a year of data: a real `hansei serve --demo`
//    on PGlite, a year seeded through the REST API (seed-year.ts), then the page of its busiest
//    incident opened BENCH_RUNS times in a fresh browser context (cold cache, signed in). "Ready"
//    is when the update form, the role board and the whole timeline show their data; "TTI" is
//    ready, or the end of the last long task (>50 ms) when later, once the main thread has been
//    quiet for 500 ms (Lighthouse's idea of interactive, measured in the page).
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildApp, launch, startServer } from '../../tests/e2e/harness.js';
import { portalBytes } from './bytes.js';
import { seedYear } from './seed-year.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

buildApp('portal');
const bytes = portalBytes(join(ROOT, 'apps/portal/dist'));
console.log(`portal, first load (Vite build, each file gzipped -9): ${bytes.first.files} files, ${kB(bytes.first.raw)} minified, ${kB(bytes.first.gzip)} gzipped`);
for (const view of bytes.views) console.log(`  + ${view.view.padEnd(24)} ${String(view.files).padStart(2)} files  ${kB(view.gzip).padStart(8)} gzipped on first open`);

const server = await startServer();
const browser = await launch();
try {
  const seeding = performance.now();
  const year = await seedYear(server.adapter(server.tokens.admin));
  console.log(
    `\nseeded a year through the API in ${((performance.now() - seeding) / 1000).toFixed(1)} s: ${year.incidents} incidents, ${year.updates} updates, ${year.timeline} timeline entries, ${year.postmortems} postmortems, ${year.actions} actions (on top of the demo)`,
  );
  const session = JSON.stringify({ token: server.tokens.responder, role: 'responder', name: 'bench' });
  const ready = `(() => {
    const view = document.querySelector('portal-app')?.shadowRoot?.querySelector('portal-incident')?.shadowRoot;
    const title = view?.querySelector('hansei-incident-form')?.shadowRoot?.querySelector('#f-title');
    const person = view?.querySelector('hansei-role-board')?.shadowRoot?.querySelector('[data-person]');
    const entries = view?.querySelector('hansei-incident-timeline')?.shadowRoot?.querySelectorAll('[part~="entry"]').length ?? 0;
    return Boolean(title && title.value && person && entries >= 120);
  })()`;
  const readyTimes: number[] = [];
  const ttis: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.evaluateOnNewDocument(`
      sessionStorage.setItem('hansei-portal-session', ${JSON.stringify(session)});
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.startTime + e.duration); }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto(`${server.url}/portal/incidents/${encodeURIComponent(year.busyIncidentId)}`);
    await page.waitForFunction(ready, { polling: 'raf', timeout: 60_000 });
    const readyAt = (await page.evaluate('performance.now()')) as number;
    // Quiet for 500 ms: no long task ending in the last 500 ms.
    await page.waitForFunction('(() => { const last = Math.max(0, ...window.__longTasks); return performance.now() - Math.max(last, 0) > 500; })()', { polling: 100, timeout: 60_000 });
    const lastLong = (await page.evaluate('Math.max(0, ...window.__longTasks)')) as number;
    readyTimes.push(readyAt);
    ttis.push(Math.max(readyAt, lastLong));
    await context.close();
  }
  readyTimes.sort((a, b) => a - b);
  ttis.sort((a, b) => a - b);
  console.log(
    `\nincident page (${year.timeline > 0 ? '121 timeline entries, 26 updates, 12 role changes' : ''}), ${RUNS} cold loads, ${cpus()[0]?.model ?? 'CPU'} x${cpus().length}, Chromium ${await browser.version()} headless, server on the same machine:`,
  );
  console.log(`  ready (form, roles, whole timeline shown): median ${quantile(readyTimes, 0.5).toFixed(0)} ms, p95 ${quantile(readyTimes, 0.95).toFixed(0)} ms`);
  console.log(`  time to interactive:                       median ${quantile(ttis, 0.5).toFixed(0)} ms, p95 ${quantile(ttis, 0.95).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
