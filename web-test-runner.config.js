// @web/test-runner: the browser tests of every package, in the system Chromium.
//
// Convention: `*.browser.test.ts` files run here, in Chromium; plain `*.test.ts` files are Node
// tests, run by each package's `test` script with node's test runner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(root, '.test-results', 'browser.json');

/** @param {{ passed: number, failed: number, skipped: number }} counts */
function writeResults(counts) {
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(counts)}\n`);
}

/**
 * Writes `.test-results/browser.json`: individual tests across all files, for the repository's
 * test orchestrator. A file that fails to load (or fails outside any test) counts as one failure.
 * @returns {import('@web/test-runner').Reporter}
 */
function jsonCountsReporter() {
  /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
  function count(suite, counts = { passed: 0, failed: 0, skipped: 0 }) {
    if (!suite) return counts;
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) count(child, counts);
    return counts;
  }

  return {
    start() {
      // Pessimistic until the run finishes: a crashed run must not read as a green one.
      writeResults({ passed: 0, failed: 1, skipped: 0 });
    },
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const counts = count(session.testResults);
        if (!session.passed && counts.failed === 0) counts.failed = 1;
        total.passed += counts.passed;
        total.failed += counts.failed;
        total.skipped += counts.skipped;
      }
      writeResults(total);
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files: ['packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    // tsconfig.base.json has no `extends` (esbuild reads the file as is): it carries Lit's legacy
    // decorators (experimentalDecorators, useDefineForClassFields: false).
    esbuildPlugin({ ts: true, tsconfig: join(root, 'tsconfig.base.json') }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      },
    }),
  ],
  // One page at a time: keyboard and focus tests are unreliable in background pages.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  coverage: true,
  coverageConfig: {
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/node_modules/**', 'packages/*/src/generated/**'],
    reportDir: 'coverage/browser',
    reporters: ['text-summary', 'lcov'],
  },
  // Lit's development build announces itself once per page.
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), jsonCountsReporter()],
};
