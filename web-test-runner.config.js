// @web/test-runner: the browser tests of every package, in the system Chromium.
//
// Convention: `*.browser.test.ts` files run here, in Chromium; plain `*.test.ts` files are Node
// tests, run by each package's `test` script with node's test runner.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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

/**
 * @web/test-runner serves modules unbundled, as browsers load them. Two habits of packages made
 * for bundlers need help for that:
 * - CommonJS dependencies: `packages` named here (e.g. `bind-event-listener`, which
 *   @atlaskit/pragmatic-drag-and-drop imports by name) are served as ES modules, bundled by
 *   esbuild with the named exports the CommonJS module really has.
 * - `process.env.NODE_ENV`, which bundlers replace: in served `node_modules` code it becomes
 *   `"development"` (replaced in the text, so no fake `process` global misleads other code).
 * (`@rollup/plugin-commonjs` via @web/dev-server-rollup would do the first, but is not installed.)
 * @param {readonly string[]} packages
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
function bundlerHabits(packages) {
  /** @type {Map<string, Promise<string>>} */
  const converted = new Map();
  const escaped = packages.map((name) => name.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
  const inPackage = new RegExp(`/node_modules/(?:${escaped.join('|')})/`);

  /** An ES module re-exporting every named export of the CommonJS module `file`. */
  async function toEsm(file) {
    const names = Object.keys(createRequire(file)(file)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && name !== '__esModule');
    const result = await build({
      stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(file)};`, resolveDir: dirname(file), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  }

  return {
    name: 'bundler-habits',
    async transform(context) {
      if (!context.path.includes('/node_modules/') || !context.path.endsWith('.js')) return undefined;
      if (inPackage.test(context.path)) {
        const file = join(root, decodeURIComponent(context.path));
        if (existsSync(file)) {
          if (!converted.has(file)) converted.set(file, toEsm(file));
          return { body: await /** @type {Promise<string>} */ (converted.get(file)) };
        }
      }
      if (typeof context.body === 'string' && context.body.includes('process.env.NODE_ENV')) {
        return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
      }
      return undefined;
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
    bundlerHabits(['bind-event-listener']),
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
