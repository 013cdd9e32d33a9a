// The public status page as a visitor's browser gets it, from a real `hansei serve --demo` on
// PGlite with 20 components:
//   pnpm bench:status-page              (BENCH_RUNS=3 Lighthouse runs per form factor by default)
//
// Prints the bytes on the wire (gzip, and Brotli, which browsers get) split into HTML, CSS (inline
// in the HTML) and JavaScript, the requests of a first load, then Lighthouse (mobile and desktop,
// its default throttling: simulated slow 4G and a 4x slower CPU on mobile): Performance,
// Accessibility, Best practices and SEO scores, LCP and TBT, median of the runs.
// Goals (issue 8): under 30 kB in all and under 15 kB of JavaScript; 100 in all four on mobile;
// LCP under 1 s on mobile.
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Flags } from 'lighthouse';
import { buildStatusPage, launch, serve } from '../../apps/status-page/src/e2e/harness.js';
import { MEASURED_COMPONENTS } from '../../apps/status-page/src/testing/index.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const PORT = Number(process.env['BENCH_PORT'] ?? 4320);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A GET over node:http with `encoding` accepted: the bytes as sent. */
function wire(url: string, encoding: string): Promise<{ body: Buffer; type: string; encoding: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () =>
        resolve({ body: Buffer.concat(chunks), type: String(response.headers['content-type']), encoding: String(response.headers['content-encoding'] ?? 'identity') }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const work = await mkdtemp(join(tmpdir(), 'hansei-bench-status-'));
await buildStatusPage();
const server = await serve(PORT, join(work, 'data'));
try {
  // The demo shows 15 components; add public ones through the API up to 20.
  const status = (await (await fetch(`${server.url}/v1/status.json`)).json()) as { components: unknown[] };
  for (let i = status.components.length; i < MEASURED_COMPONENTS; i++) {
    const response = await fetch(`${server.url}/v1/components`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Regional API ${i + 1}`, description: 'Added for the benchmark.' }),
    });
    if (response.status !== 201) throw new Error(`creating a component answered ${response.status}: ${await response.text()}`);
  }

  const browser = await launch();
  console.log(`status page: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length} (shared), Node ${process.version}, Chromium ${await browser.version()}; hansei serve --demo on PGlite, ${MEASURED_COMPONENTS} components`);

  // Bytes on the wire, first load of the home page.
  const page = `${server.url}/`;
  const html = await wire(page, 'identity');
  const text = html.body.toString();
  const styles = [...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
  const scriptPath = /<script type="module" src="([^"]+)">/.exec(text)?.[1];
  const script = scriptPath ? await wire(`${server.url}${scriptPath}`, 'identity') : null;
  const gz = await wire(page, 'gzip');
  const br = await wire(page, 'br');
  const scriptGz = scriptPath ? await wire(`${server.url}${scriptPath}`, 'gzip') : null;
  const scriptBr = scriptPath ? await wire(`${server.url}${scriptPath}`, 'br') : null;
  if (gz.encoding !== 'gzip' || br.encoding !== 'br') throw new Error('the server did not compress');
  console.log('\nbytes on the wire, home page, first load');
  console.log(`  HTML (document)     ${kB(gz.body.length)} gzip, ${kB(br.body.length)} Brotli (${kB(html.body.length)} uncompressed)`);
  console.log(`    of which CSS      ~${kB(gzipSync(styles, { level: 9 }).length)} gzip alone (${kB(Buffer.byteLength(styles))} uncompressed; inline: the page's and each element's shadow root's)`);
  console.log(`  JavaScript          ${kB(scriptGz?.body.length ?? 0)} gzip, ${kB(scriptBr?.body.length ?? 0)} Brotli (${kB(script?.body.length ?? 0)} uncompressed)`);
  console.log(`  total               ${kB(gz.body.length + (scriptGz?.body.length ?? 0))} gzip, ${kB(br.body.length + (scriptBr?.body.length ?? 0))} Brotli`);
  console.log(`  (for the record: gzip of the same HTML at level 9 here: ${kB(gzipSync(html.body, { level: 9 }).length)}, Brotli 11: ${kB(brotliCompressSync(html.body).length)})`);

  // Requests of a first load, in Chromium.
  const tab = await browser.newPage();
  const requests: string[] = [];
  tab.on('request', (r) => requests.push(`${r.resourceType()} ${new URL(r.url()).pathname}`));
  await tab.goto(page, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await tab.close();
  console.log(`\nrequests of a first load: ${requests.length} (${requests.join(', ')})`);

  // Lighthouse, mobile and desktop.
  const port = Number(new URL(browser.wsEndpoint()).port);
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] };
  console.log(`\nLighthouse (median of ${RUNS} runs; default throttling: mobile = simulated slow 4G, 4x CPU slowdown)`);
  console.log('  form      perf  a11y  best  seo   LCP      TBT     FCP      CLS');
  for (const [name, config] of [
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ] as const) {
    const runs: { scores: number[]; lcp: number; tbt: number; fcp: number; cls: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(page, flags, config);
      if (!result) throw new Error('Lighthouse returned nothing');
      const { lhr } = result;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({
        scores: [score('performance'), score('accessibility'), score('best-practices'), score('seo')],
        lcp: value('largest-contentful-paint'),
        tbt: value('total-blocking-time'),
        fcp: value('first-contentful-paint'),
        cls: value('cumulative-layout-shift'),
      });
      for (const [id, category] of Object.entries(lhr.categories)) {
        if ((category.score ?? 0) < 1) {
          const failing = category.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);
          if (failing.length) console.log(`    ${name} run ${run + 1}, ${id}: ${failing.join(', ')}`);
        }
      }
    }
    const col = (i: number) => String(median(runs.map((r) => r.scores[i]!))).padEnd(6);
    console.log(
      `  ${name.padEnd(9)} ${col(0)}${col(1)}${col(2)}${col(3)}${`${Math.round(median(runs.map((r) => r.lcp)))} ms`.padEnd(9)}${`${Math.round(median(runs.map((r) => r.tbt)))} ms`.padEnd(8)}${`${Math.round(median(runs.map((r) => r.fcp)))} ms`.padEnd(9)}${median(runs.map((r) => r.cls)).toFixed(3)}`,
    );
  }
  await browser.close();
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
