/**
 * End-to-end harness: a real `hansei serve --demo` (PGlite in a temporary folder) reached over
 * real HTTP, the built portal it serves, and Chromium driven by puppeteer-core. Tokens for each
 * role are made through the API. Everything runs on 127.0.0.1, ports 4500-4599.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { RestAdapter } from '@hansei/adapters';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROME = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** The newest modification time under `dir` (skipping generated and installed folders). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds an app (`apps/<name>`) with its own build script when its `dist` is missing or older
 * than its sources or the packages it composes, so the server serves what the tests exercise.
 */
export function buildApp(name: 'portal' | 'status-page'): void {
  const app = join(ROOT, 'apps', name);
  const index = join(app, 'dist', name === 'portal' ? 'index.html' : join('server', 'index.js'));
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newest(join(app, 'src')), newest(join(ROOT, 'packages', 'elements', 'src')), newest(join(ROOT, 'packages', 'adapters', 'src')), newest(join(ROOT, 'packages', 'core', 'src')));
  if (built > sources) return;
  const result = spawnSync('pnpm', ['--filter', `@hansei/${name}`, 'run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building apps/${name} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The ports tried for servers: 4500-4599, or `HANSEI_E2E_PORTS` (e.g. `4700-4799`) when two runs share a machine. */
function portRange(): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(process.env['HANSEI_E2E_PORTS'] ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [4500, 4599];
}

async function freePort([from, to] = portRange()): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}-${to}.`);
}

export interface Tokens {
  readonly admin: string;
  readonly responder: string;
  readonly viewer: string;
}

/** A running `hansei serve --demo`: its URL, a token per role, and `stop`. */
export interface Server {
  readonly url: string;
  readonly tokens: Tokens;
  readonly adapter: (token: string) => RestAdapter;
  stop(): Promise<void>;
}

/** Starts `hansei serve --demo` (from source, through tsx) on a fresh PGlite folder. */
export async function startServer(): Promise<Server> {
  const data = mkdtempSync(join(tmpdir(), 'hansei-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(ROOT, 'apps/api/src/cli.ts'), 'serve', '--demo', '--port', String(port), '--data', data],
    { cwd: join(ROOT, 'apps/api'), env: { ...process.env, HANSEI_LOG: 'error', HANSEI_RATE_LIMIT: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const admin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hansei serve did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const token = /Admin token for the portal: (\S+)/.exec(output)?.[1];
      if (token && output.includes('Hansei is running')) {
        clearTimeout(timer);
        resolve(token);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hansei serve exited (${code}):\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const adapter = (token: string) => new RestAdapter({ baseUrl: url, token: () => token });
  const root = adapter(admin);
  const responder = (await root.createToken({ role: 'responder', name: 'e2e responder' })).token;
  const viewer = (await root.createToken({ role: 'viewer', name: 'e2e viewer' })).token;
  return {
    url,
    tokens: { admin, responder, viewer },
    adapter,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/** A new page that fails the test on any uncaught error in it. */
export async function newPage(browser: Browser, errors: string[] = []): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.setDefaultTimeout(15_000);
  // A page load waits for the server, which shares two cores with everything else under test.
  page.setDefaultNavigationTimeout(60_000);
  return page;
}

/** Opens the portal at `path` and signs in with `token`. */
export async function signIn(page: Page, url: string, token: string, path = ''): Promise<void> {
  await page.goto(`${url}/portal/${path}`);
  const input = await page.waitForSelector('portal-app >>> #token');
  await input!.type(token);
  await page.click('portal-app >>> .sign-in button[type=submit]');
  await page.waitForSelector('portal-app >>> nav#nav');
}

/** Waits until `selector` (deep, `>>>`) matches an element whose text contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const started = Date.now();
  for (;;) {
    for (const handle of await page.$$(selector)) {
      const content = await handle.evaluate((el) => el.textContent ?? '');
      if (content.includes(text)) return handle;
    }
    if (Date.now() - started > timeout) throw new Error(`No ${selector} with text "${text}" after ${timeout} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks the first button (deep) whose text is `text`, inside `scope` when given. */
export async function clickButton(page: Page, text: string, scope = ''): Promise<void> {
  const button = await waitForText(page, `${scope ? `${scope} >>> ` : ''}button`, text);
  await button.click();
}

/** Polls `check` until it returns a truthy value (server state reached through the API). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeout = 15_000): Promise<T> {
  const started = Date.now();
  let last: Error | null = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(JSON.stringify(error));
    }
    if (Date.now() - started > timeout) throw new Error(`${what}: not reached after ${timeout} ms${last ? ` (${last.message})` : ''}.`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * The page's text, shadow roots included (declarative ones too). A string, not a function: the
 * test runner's transpiler would wrap a named function in a helper the page does not have.
 */
export const DEEP_TEXT = `(() => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent || '');
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.body);
  return out.join('');
})()`;

/** The text of the page, shadow roots included. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(DEEP_TEXT) as Promise<string>;
}

/** Waits until the page's text, shadow roots included, contains `text`. */
export async function waitForPageText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(`${DEEP_TEXT}.includes(${JSON.stringify(text)})`, { timeout, polling: 200 });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the whole page, shadow roots included, as `rule (help): targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' (' + v.help + '): ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')))`,
  )) as string[];
}

/**
 * Registers the suite's before/after hooks: the built apps, a fresh server and a browser, and
 * closes them after. Read `server` and `browser` from the returned object inside tests.
 */
export function useServer(apps: readonly ('portal' | 'status-page')[] = ['portal']): { readonly server: Server; readonly browser: Browser } {
  const state: { server?: Server; browser?: Browser } = {};
  before(async () => {
    for (const app of apps) buildApp(app);
    [state.server, state.browser] = await Promise.all([startServer(), launch()]);
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server!;
    },
    get browser() {
      return state.browser!;
    },
  };
}

/**
 * A page already signed in (the session the sign-in form keeps, set before the portal starts),
 * in its own browser context, with the language and colour scheme chosen.
 */
export async function signedInPage(browser: Browser, token: string, role: 'viewer' | 'responder' | 'admin', options: { lang?: 'en' | 'ja'; dark?: boolean; width?: number } = {}): Promise<Page> {
  const page = await newPage(browser);
  if (options.width) await page.setViewport({ width: options.width, height: 800 });
  if (options.dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  const session = JSON.stringify({ token, role, name: 'e2e' });
  await page.evaluateOnNewDocument(`sessionStorage.setItem('hansei-portal-session', ${JSON.stringify(session)}); localStorage.setItem('hansei-portal-lang', ${JSON.stringify(options.lang ?? 'en')});`);
  return page;
}
