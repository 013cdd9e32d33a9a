/**
 * The status page's byte budget: what a visitor's first load costs on the wire, gzipped (level 9,
 * as `hansei serve` sends it to a client without Brotli): the home page of the demo grown to 20
 * components with 90 days of uptime each (rendered on the server from memory at a fixed time,
 * so the figure is the same everywhere), and the page's one script. Its styles are inside the
 * HTML. Goals (issue 8): under 30 kB in all, under 15 kB of JavaScript.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createStatusPage } from '@hansei/status-page/server';
import { MEASURED_NOW, measuredAdapter } from '@hansei/status-page/testing';
import { measure } from './measure.js';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

/** Most gzipped bytes allowed. */
export const STATUS_PAGE_BUDGET = { html: 20 * 1024, js: 4 * 1024, total: 30 * 1024 } as const;

describe('byte budget of the status page (first load, gzipped)', () => {
  it(`home page in English and Japanese, 20 components: HTML at most ${kB(STATUS_PAGE_BUDGET.html)}, script at most ${kB(STATUS_PAGE_BUDGET.js)}, together at most ${kB(STATUS_PAGE_BUDGET.total)}`, async () => {
    const script = await measure('apps/status-page/src/client/main.ts');
    const page = createStatusPage({ clientDir: null });
    for (const path of ['/', '/ja/']) {
      const { html } = await page.render({ url: `https://status.example.com${path}`, adapter: measuredAdapter(), now: MEASURED_NOW });
      const bytes = gzipSync(html, { level: 9 }).length;
      console.log(`  ${path}: HTML ${kB(html.length)} raw, ${kB(bytes)} gzipped; script ${kB(script.gzip)}; together ${kB(bytes + script.gzip)}`);
      assert.ok(bytes <= STATUS_PAGE_BUDGET.html, `${path} is ${kB(bytes)} of HTML gzipped, over its budget of ${kB(STATUS_PAGE_BUDGET.html)}`);
      assert.ok(bytes + script.gzip <= STATUS_PAGE_BUDGET.total, `${path} costs ${kB(bytes + script.gzip)} at first load, over ${kB(STATUS_PAGE_BUDGET.total)}`);
    }
    assert.ok(script.gzip <= STATUS_PAGE_BUDGET.js, `the page script is ${kB(script.gzip)} gzipped, over its budget of ${kB(STATUS_PAGE_BUDGET.js)}`);
    assert.equal(script.lazyGzip, 0, 'the page script loads nothing later');
  });
});
