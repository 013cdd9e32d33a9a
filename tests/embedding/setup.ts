/**
 * What the embedding tests share: building the single-file bundles and the examples, serving the
 * repository over HTTP (the examples reference the bundles by relative path, as a page copied
 * next to them would), a real `hansei serve` on PGlite, and axe in a page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../support/static-server.js';

/** Runs a command in the repository; rejects with its output when it fails. */
export function exec(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/**
 * The manifest and declarations (`pnpm analyze`), the bundles (packages/elements/dist/bundle)
 * and, with `examples`, the examples' Vite builds, fresh. Skipped when tests/run.mjs has just
 * built the whole workspace (HANSEI_BUILT=1), which makes all of them.
 */
export async function build(options: { readonly examples: boolean }): Promise<void> {
  if (process.env['HANSEI_BUILT'] === '1') return;
  await exec('pnpm', ['run', 'analyze']);
  await exec('pnpm', ['--filter', '@hansei/elements', 'run', 'bundle']);
  if (options.examples) await exec('pnpm', ['--filter', '@hansei/examples', 'run', 'build']);
}

/** A strict policy, as a response header: no inline script or style, no eval. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface HanseiServer {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

/** `hansei serve --demo` on PGlite in a fresh data folder, as a team would start it. */
export async function startHansei(): Promise<HanseiServer> {
  const data = mkdtempSync(join(tmpdir(), 'hansei-embedding-'));
  // Port 0: the system picks a free one when the server listens, after seeding (a port probed
  // free beforehand may be taken by then); the server prints its URL.
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'apps/api/src/cli.ts', 'serve', '--demo', '--port', '0', '--data', data],
    { cwd: ROOT, env: { ...process.env, HANSEI_LOG: 'error', HANSEI_RATE_LIMIT: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hansei serve did not start in 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API\s+(http:\/\/\S+)\/v1\/openapi\.json/.exec(output)?.[1];
      const token = /Admin token for the portal(?: \(shown once\))?: (\S+)/.exec(output)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url, token });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hansei serve exited ${code}:\n${output}`));
    });
  });
  const { url, token } = await ready;
  return {
    url,
    token,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/** axe-core on the whole page (through shadow roots), WCAG 2.x A and AA plus best practices. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, which a page's CSP does not govern; the page itself stays strict.
  await page.evaluate(AXE);
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) })))`)) as AxeViolation[];
}

/** Text of an element's shadow root (and of the shadow roots inside it), whitespace collapsed. */
export function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate(`(() => {
    const text = (node) => {
      let out = '';
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) out += child.textContent + ' ';
        else if (child.nodeType === Node.ELEMENT_NODE && child.localName !== 'style') out += text(child.shadowRoot ?? child) + (child.shadowRoot ? text(child) : '');
      }
      return out;
    };
    const el = document.querySelector(${JSON.stringify(selector)});
    return el ? text(el.shadowRoot ?? el).replace(/\\s+/g, ' ').trim() : '';
  })()`) as Promise<string>;
}

/** Japanese script (kana or kanji) in `text`. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
