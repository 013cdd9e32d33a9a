/**
 * What the status page's Chromium tests run against: the app built as it ships (`vite build`,
 * client and server), a real `hansei serve --demo` on PGlite started through the CLI, the system
 * Chromium through puppeteer-core, and a plain static file server for exports.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const APP_DIR = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(APP_DIR, '..', 'api', 'src', 'cli.ts');
const run = promisify(execFile);

/** Builds the status page (browser script and server renderer) where `hansei serve` loads it. */
export async function buildStatusPage(): Promise<void> {
  const vite = join(APP_DIR, 'node_modules', '.bin', 'vite');
  await run(vite, ['build', '--logLevel', 'error'], { cwd: APP_DIR });
  await run(vite, ['build', '--ssr', '--logLevel', 'error'], { cwd: APP_DIR });
}

/** Runs the `hansei` CLI from source and resolves with its output. */
export async function hansei(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], { cwd: APP_DIR, env: { ...process.env, ...env } });
  return stdout;
}

export interface Served {
  readonly url: string;
  /** The demo's admin token. */
  readonly token: string;
  /** Stops the server (SIGTERM) and resolves when it has exited. */
  stop(): Promise<void>;
}

/** `hansei serve --demo` on `port` with its PGlite data in `data`. */
export function serve(port: number, data: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, 'serve', '--demo', '--port', String(port), '--data', data], {
      cwd: APP_DIR,
      env: { ...process.env, HANSEI_LOG: 'error', HANSEI_RATE_LIMIT: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const timer = setTimeout(() => reject(new Error(`hansei serve did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const token = /Admin token for the portal: (\S+)/.exec(output)?.[1];
      if (token && output.includes('Hansei is running')) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${port}`,
          token,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hansei serve exited (${code}):\n${output}`));
    });
  });
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.atom': 'application/atom+xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

/** A plain static file server for `root`, as any host serves a folder: `dir/` is `dir/index.html`, else 404.html. */
export function staticServer(root: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const base = normalize(root + sep);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (file.startsWith(base) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(base) && existsSync(file) && statSync(file).isFile();
    const served = found ? file : join(base, '404.html');
    response.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
    response.end(readFileSync(served));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Chromium keeps connections alive; a static host would drop them too.
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/** The system Chromium, headless. */
export function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** What an element host's shadow root shows, as text (its `<style>` left out). */
export function shownText(page: Page, id: string): Promise<string> {
  return page.evaluate((hostId) => {
    const root = document.getElementById(hostId)?.shadowRoot;
    if (!root) return '';
    return [...root.children]
      .filter((e) => e.tagName !== 'STYLE')
      .map((e) => (e as HTMLElement).innerText)
      .join('\n');
  }, id);
}

/** axe-core's violations on the page (shadow roots included), as `rule: targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(APP_DIR, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}
