#!/usr/bin/env node
// Runs every check and test suite of the workspace, one after another, streaming their output,
// and ends with one summary line: "tests: N passed, N failed, N skipped".
//
//   node tests/run.mjs              everything (what `pnpm test` and CI run)
//   node tests/run.mjs node browser only the named groups (checks, node, browser, stories, embedding)
//
// Groups: checks (typecheck, lint, build: one test each), node (every workspace package with a
// `test` script, on Node's test runner, then tests/ itself), browser (@web/test-runner in Chromium),
// e2e (tests/e2e: the portal and status page in Chromium against a real server), stories
// (Storybook build, then every story in Chromium), embedding (bundles, examples and their types). A suite whose counts cannot be read counts as one failure.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = new Set(process.argv.slice(2));
const wanted = (group) => only.size === 0 || only.has(group);

/** Runs a command, echoing its output, and resolves with the exit code and the output. */
function run(command, args, env = {}, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node:test's spec reporter ("ℹ pass 12"), or null when it printed none. */
function nodeCounts(output) {
  const read = (name) => {
    const matches = [...output.matchAll(new RegExp(`^\\S* ?${name} (\\d+)$`, 'gm'))];
    return matches.length ? matches.reduce((sum, m) => sum + Number(m[1]), 0) : null;
  };
  const passed = read('pass');
  const failed = read('fail');
  if (passed === null || failed === null) return null;
  return {
    passed,
    failed: failed + (read('cancelled') ?? 0),
    skipped: (read('skipped') ?? 0) + (read('todo') ?? 0),
  };
}

function workspacePackages() {
  const dirs = [];
  for (const parent of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, parent)).sort()) {
      const file = join(root, parent, name, 'package.json');
      if (existsSync(file)) dirs.push({ dir: join(parent, name), pkg: JSON.parse(readFileSync(file, 'utf8')) });
    }
  }
  const tests = join(root, 'tests', 'package.json');
  if (existsSync(tests)) dirs.push({ dir: 'tests', pkg: JSON.parse(readFileSync(tests, 'utf8')) });
  return dirs;
}

const results = [];
/** When the current section began (its time is shown in the summary). */
let sectionStart = performance.now();
const section = (title) => {
  sectionStart = performance.now();
  console.log(`\n=== ${title}`);
};
const record = (name, counts, note = '', output = '') => {
  const detail = counts.failed ? failureDetail(output) : '';
  results.push({ name, ...counts, note, detail, seconds: Math.round((performance.now() - sectionStart) / 1000) });
};

/**
 * What a failed suite said about its failures, repeated before the summary so that the end of a
 * long log explains itself: node:test's "failing tests" block, else the last lines of the output.
 */
function failureDetail(output) {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^\S* ?failing tests:$/.test(line));
  const picked = start >= 0 ? lines.slice(start + 1) : lines.slice(-20);
  const shown = picked.filter((line) => line.trim() && !/^\s+at /.test(line)).slice(0, 40);
  return shown.map((line) => `  | ${line}`).join('\n');
}

async function check(name, args) {
  section(`${name}: pnpm ${args.join(' ')}`);
  const { code, output } = await run('pnpm', args);
  record(name, code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, code === 0 ? 'ok' : `exit ${code}`, output);
}

if (wanted('checks')) {
  await check('typecheck', ['run', 'typecheck']);
  await check('lint', ['run', 'lint']);
  await check('build', ['run', 'build']);
}

if (wanted('node')) {
  for (const { dir, pkg } of workspacePackages()) {
    if (!pkg.scripts?.test) continue;
    section(`${pkg.name} (${dir}): node tests`);
    const { code, output } = await run('pnpm', ['--filter', pkg.name, 'run', 'test']);
    const counts = nodeCounts(output);
    if (!counts) record(pkg.name, { passed: 0, failed: 1, skipped: 0 }, `no test counts (exit ${code})`, output);
    else if (code !== 0 && counts.failed === 0) record(pkg.name, { ...counts, failed: 1 }, `exit ${code}`, output);
    else record(pkg.name, counts, '', output);
  }
}

if (wanted('browser')) {
  section('browser tests (Chromium, @web/test-runner)');
  const file = join(root, '.test-results', 'browser.json');
  rmSync(file, { force: true });
  const { code, output } = await run('pnpm', ['run', 'test:browser']);
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (!counts) record('browser', { passed: 0, failed: 1, skipped: 0 }, `no results file (exit ${code})`, output);
  else if (code !== 0 && counts.failed === 0) record('browser', { ...counts, failed: 1 }, `exit ${code}`, output);
  else record('browser', counts, '', output);
}

/** A node:test suite of tests/ (files relative to tests/), counted like the packages' suites. */
async function testsSuite(name, files, env = {}) {
  section(`${name}: node tests`);
  const { code, output } = await run('node', ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files], env, join(root, 'tests'));
  const counts = nodeCounts(output);
  if (!counts) record(name, { passed: 0, failed: 1, skipped: 0 }, `no test counts (exit ${code})`, output);
  else if (code !== 0 && counts.failed === 0) record(name, { ...counts, failed: 1 }, `exit ${code}`, output);
  else record(name, counts, '', output);
}

if (wanted('e2e')) {
  // The portal and the status page in Chromium against a real `hansei serve` (tests/e2e).
  section('end to end (Chromium against hansei serve)');
  const { code, output } = await run('pnpm', ['--filter', '@hansei/tests', 'run', 'test:e2e']);
  const counts = nodeCounts(output);
  if (!counts) record('e2e', { passed: 0, failed: 1, skipped: 0 }, `no test counts (exit ${code})`, output);
  else if (code !== 0 && counts.failed === 0) record('e2e', { ...counts, failed: 1 }, `exit ${code}`, output);
  else record('e2e', counts, '', output);
}

if (wanted('stories') && existsSync(join(root, '.storybook'))) {
  await check('storybook build', ['run', 'storybook:build']);
  // Every story of that build in Chromium: no console error, no axe violation.
  if (results.at(-1)?.failed === 0) await testsSuite('stories (Chromium)', ['stories/smoke.test.ts']);
}

if (wanted('embedding') && existsSync(join(root, 'tests', 'embedding'))) {
  // The single-file bundles, the examples (plain HTML, React, Vue, strict CSP) and their types.
  const files = readdirSync(join(root, 'tests', 'embedding')).filter((f) => f.endsWith('.test.ts')).sort();
  // After a successful `pnpm build` (checks) the bundles, declarations and examples are fresh.
  const built = results.some((r) => r.name === 'build' && r.failed === 0);
  if (files.length) await testsSuite('embedding (Chromium)', files.map((f) => `embedding/${f}`), built ? { HANSEI_BUILT: '1' } : {});
}

const total = results.reduce(
  (sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
const failures = results.filter((r) => r.detail);
if (failures.length) {
  console.log('\n=== what failed');
  for (const r of failures) console.log(`${r.name}:\n${r.detail}`);
}
console.log('\n=== summary');
for (const r of results) {
  const mark = r.failed ? 'FAIL' : 'ok  ';
  console.log(`${mark} ${r.name.padEnd(24)} ${String(r.seconds).padStart(4)} s  ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? `  (${r.note})` : ''}`);
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || results.length === 0 ? 1 : 0);
