/**
 * Headless Chromium for the cross-package browser tests (puppeteer-core against the system
 * Chromium: CHROME_PATH, else /usr/bin/chromium), and what a page said while it ran: console
 * errors, uncaught exceptions, failed requests and Content-Security-Policy violations.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export function chromePath(): string {
  const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install it (bash tests/setup.sh) or set CHROME_PATH.`);
  return path;
}

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-US'],
  });
}

/** Everything a page complained about, in order; empty when the page was clean. */
export function watchPage(page: Page, options: { readonly ignore?: readonly RegExp[] } = {}): string[] {
  const problems: string[] = [];
  const add = (text: string) => {
    if (!options.ignore?.some((pattern) => pattern.test(text))) problems.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      add(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => add(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A request the page itself aborted (navigation, AbortController) is not a failure of the page.
    if (reason !== 'net::ERR_ABORTED') add(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) add(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return problems;
}
