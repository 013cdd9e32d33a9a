/**
 * Every story of the built Storybook (storybook-static, from `pnpm storybook:build`), rendered
 * in headless Chromium one by one: it must render and finish its play function with no console
 * error, no uncaught exception, no failed request, and no axe violation. The axe run is the one
 * addon-a11y makes after each story (so a story's own `parameters.a11y` applies), read from the
 * story's report; with `a11y.test: 'error'` (.storybook/preview.ts) a violation fails the story.
 * Docs pages must render with no console error too.
 *
 * Stories are read from storybook-static/index.json, so a new stories file is covered as soon
 * as it exists. Two pages run at a time (CI machines have two cores).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.js';
import { ROOT, startStaticServer, type StaticServer } from '../support/static-server.js';

const STATIC = join(ROOT, 'storybook-static');
const INDEX = join(STATIC, 'index.json');

interface Entry {
  readonly id: string;
  readonly title: string;
  readonly name: string;
  readonly type: 'story' | 'docs';
  readonly importPath: string;
}

if (!existsSync(INDEX)) {
  throw new Error(`${INDEX} is missing: build Storybook first (pnpm storybook:build; node tests/run.mjs stories does both).`);
}
/** `STORY_FILTER=role-board` runs only the entries whose id contains it (while working on one element). */
const filter = process.env['STORY_FILTER'] ?? '';
const entries = Object.values((JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, Entry> }).entries).filter((e) => e.id.includes(filter));

/** What the page heard from Storybook's channel while the story ran. */
interface Heard {
  finished: {
    storyId: string;
    status: 'error' | 'success'; reporters: { type: string; status: string; result: A11yResult }[] } | null;
  docs: boolean;
  errors: { name: string; detail: unknown }[];
}

interface A11yResult {
  readonly error?: unknown;
  readonly violations?: readonly { id: string; impact?: string; help: string; nodes: readonly { target: unknown[]; failureSummary?: string }[] }[];
}

/**
 * Runs in the page before Storybook: listens on its channel as soon as Storybook creates it.
 * A string, not a function: tsx would wrap a function's inner functions in a `__name` helper the
 * page does not have.
 */
const LISTEN_TO_STORYBOOK = `(() => {
  const heard = { finished: null, docs: false, errors: [] };
  window.__hanseiHeard = heard;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      if (!value) return;
      value.on('storyFinished', (payload) => { heard.finished = payload; });
      value.on('docsRendered', () => { heard.docs = true; });
      for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'unhandledErrorsWhilePlaying']) {
        value.on(name, (detail) => heard.errors.push({ name, detail }));
      }
    },
  });
})();`;

function describeViolations(result: A11yResult): string {
  if (result.error) return `axe failed to run: ${JSON.stringify(result.error)}`;
  return (result.violations ?? [])
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\n/g, ' ')}` : ''}`).join('\n')}`)
    .join('\n  ');
}

let browser: Browser;
let server: StaticServer;

/** A Storybook preview page, reused from story to story (as Storybook's own manager does). */
interface Preview {
  readonly page: Page;
  readonly problems: string[];
}

const idle: Preview[] = [];

async function openPreview(entry: Entry): Promise<Preview> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  const problems = watchPage(page, { ignore: [/\/favicon\.ico\b/] });
  await page.evaluateOnNewDocument(LISTEN_TO_STORYBOOK);
  await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`, { waitUntil: 'load' });
  return { page, problems };
}

before(async () => {
  server = await startStaticServer({ mounts: { '/': STATIC } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function render(entry: Entry): Promise<void> {
  let preview = idle.pop();
  if (preview) {
    // Switch the open preview to this story, the way Storybook's manager does.
    preview.problems.length = 0;
    await preview.page.evaluate(
      `__hanseiHeard.finished = null; __hanseiHeard.docs = false; __hanseiHeard.errors = [];
       __STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: ${JSON.stringify(entry.id)}, viewMode: ${JSON.stringify(entry.type)} });`,
    );
  } else preview = await openPreview(entry);
  const { page, problems } = preview;
  let clean = false;
  try {
    // A story that sets its own globals (a locale, a theme) may be rendered twice: wait until the
    // last render has finished, not only the first.
    const done =
      entry.type === 'story'
        ? `(__hanseiHeard.finished !== null && __hanseiHeard.finished.storyId === ${JSON.stringify(entry.id)} && __STORYBOOK_PREVIEW__.currentRender?.phase === 'finished') || __hanseiHeard.errors.length > 0`
        : '__hanseiHeard.docs || __hanseiHeard.errors.length > 0';
    // Generous: a heavy story on a busy two-core machine; the test asserts behaviour, not time.
    await page.waitForFunction(done, { timeout: 90_000, polling: 50 });
    // Give late console errors (an update after the play function) a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const heard = (await page.evaluate('__hanseiHeard')) as Heard;
    assert.deepEqual(heard.errors, [], `${entry.id}: Storybook reported an error`);
    assert.deepEqual(problems, [], `${entry.id}: the page reported problems`);
    if (entry.type === 'story') {
      const a11y = heard.finished?.reporters.find((r) => r.type === 'a11y');
      assert.ok(a11y, `${entry.id}: addon-a11y did not report (is it registered, and not disabled for this story?)`);
      assert.equal(a11y.status, 'passed', `${entry.id}: axe violations:\n  ${describeViolations(a11y.result)}`);
      assert.equal(heard.finished?.status, 'success', `${entry.id}: the story finished with an error`);
    }
    clean = true;
  } finally {
    // A page that failed starts afresh for the next story, so one failure cannot cascade.
    if (clean) idle.push(preview);
    else await page.close().catch(() => undefined);
  }
}

describe('every story renders in Chromium: no console error, no axe violation', { concurrency: 2 }, () => {
  it('the index lists stories, and every element (src/define/<name>.ts) has its stories/<name>.stories.ts', () => {
    assert.ok(entries.filter((e) => e.type === 'story').length > 0, 'storybook-static/index.json lists no story');
    if (filter) return;
    const files = new Set(entries.map((e) => e.importPath.replace(/^\.\//, '')));
    const elements = readdirSync(join(ROOT, 'packages/elements/src/define')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const missing = elements.map((f) => `stories/${f.replace(/\.ts$/, '.stories.ts')}`).filter((file) => !files.has(file));
    assert.deepEqual(missing, [], 'elements without stories in the build');
  });
  for (const entry of entries) {
    it(`${entry.title} / ${entry.name}${entry.type === 'docs' ? ' (docs)' : ''}`, () => render(entry));
  }
});
