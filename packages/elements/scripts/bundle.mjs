#!/usr/bin/env node
/**
 * Single-file ES modules for pages with no build step: one `<script type="module">` each, every
 * dependency (Lit, @lit/context, @lit/localize, core, adapters) bundled in and minified. The
 * translations stay beside them (locales/ja.js) and load only when a page switches to Japanese,
 * once for all bundles: English pages do not pay for them.
 *
 *   dist/bundle/<name>.js   one per src/define/<name>.ts: registers <hansei-<name>> and exports its class
 *   dist/bundle/all.js      every element registered, and everything the package's index exports
 *   dist/bundle/adapters.js @hansei/adapters: RestAdapter, RestStatusAdapter, StatuspageAdapter,
 *                           defineAdapter, HanseiError, can, ...
 *   dist/bundle/memory.js   MemoryAdapter with the demo organisation (demos, prototypes)
 *   dist/bundle/locales/<locale>.js  translations, imported on demand by the bundles above
 *
 * Several bundles on one page work together: each carries its own Lit (production build, no
 * warnings), the context keys are strings (a provider from one bundle serves an element from
 * another), a tag is registered once (the define modules check first), a HanseiError from the
 * adapters bundle is recognised by `instanceof` in an element bundle, and the locale follows the
 * page across bundles. A page that uses many elements loads `all.js` once instead.
 *
 *   node scripts/bundle.mjs [outdir]     (default dist/bundle; run by `pnpm build`)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(PACKAGE, '../..');

/** The elements that have a define module, by file name (`slo-gauge`, ...). */
export function definedElements() {
  return readdirSync(join(PACKAGE, 'src/define'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/** Entry name (output file without `.js`) to the source it bundles. */
export function bundleEntries() {
  const names = definedElements();
  // Every element bundle also follows the page's locale across bundles (internal/page-locale.ts).
  const FOLLOW = "import './internal/page-locale.js';";
  const entries = Object.fromEntries(
    names.map((name) => [name, { contents: `${FOLLOW}\nexport * from './define/${name}.js';`, resolveDir: join(PACKAGE, 'src') }]),
  );
  entries.all = {
    contents: [FOLLOW, ...names.map((name) => `import './define/${name}.js';`), "export * from './index.js';"].join('\n'),
    resolveDir: join(PACKAGE, 'src'),
  };
  entries.adapters = { contents: "export * from '@hansei/adapters';", resolveDir: PACKAGE };
  entries.memory = { contents: "export * from '@hansei/adapters/memory';", resolveDir: PACKAGE };
  return entries;
}

/** Every bundle imports the translations it loads on demand from beside itself, not inlined. */
const sharedTranslations = {
  name: 'hansei-shared-translations',
  setup(build) {
    build.onResolve({ filter: /\/generated\/locales\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      return { path: `./locales/${args.path.split('/').pop()}`, external: true };
    });
  },
};

/** The translation modules (`ja`, ...) under src/generated/locales. */
function translations() {
  return readdirSync(join(PACKAGE, 'src/generated/locales'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length));
}

/**
 * Builds every bundle into `outdir`. Returns the files written, with their sizes in bytes.
 * @param {{ outdir?: string, minify?: boolean }} [options]
 */
export async function bundle({ outdir = join(PACKAGE, 'dist/bundle'), minify = true } = {}) {
  const entries = bundleEntries();
  for (const locale of translations()) entries[`locales/${locale}`] = { path: join(PACKAGE, 'src/generated/locales', `${locale}.ts`) };
  const written = [];
  // One build per entry: a single-file bundle shares no chunk with the others.
  await Promise.all(
    Object.entries(entries).map(async ([name, entry]) => {
      const source = 'path' in entry ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'ts', sourcefile: `${name}.ts` } };
      const result = await build({
        ...source,
        absWorkingDir: ROOT,
        outfile: join(outdir, `${name}.js`),
        bundle: true,
        splitting: false,
        minify,
        sourcemap: 'linked',
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        conditions: ['source'],
        tsconfig: join(ROOT, 'tsconfig.base.json'),
        define: { 'process.env.NODE_ENV': '"production"' },
        legalComments: 'eof',
        metafile: true,
        plugins: [sharedTranslations],
        logLevel: 'warning',
      });
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        if (file.endsWith('.js')) written.push({ name, file: resolve(ROOT, file), bytes: output.bytes });
      }
    }),
  );
  return written.sort((a, b) => a.name.localeCompare(b.name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const written = await bundle({ outdir });
  const kB = (n) => `${(n / 1024).toFixed(1).padStart(6)} kB`;
  console.log('   minified     gzipped  file');
  for (const { file, bytes } of written) console.log(`${kB(bytes)}   ${kB(gzipSync(readFileSync(file), { level: 9 }).length)}  ${file.slice(ROOT.length + 1)}`);
}
