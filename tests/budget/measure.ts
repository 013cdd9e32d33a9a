/**
 * Measures an entry as a page would ship it: bundled with its dependencies, minified, split where
 * the code imports lazily (e.g. the Japanese translations, loaded only when a page switches to
 * Japanese), gzipped. What counts is what the page loads at first: the entry and the chunks it
 * imports statically.
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Size {
  /** Minified bytes loaded at first. */
  readonly raw: number;
  /** Gzipped (level 9) bytes loaded at first: each file gzipped on its own, as served. */
  readonly gzip: number;
  /** Gzipped bytes of the chunks loaded later, on demand. */
  readonly lazyGzip: number;
}

const OPTIONS: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['source'],
  tsconfig: 'tsconfig.base.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'silent',
};

/** `entry` (relative to the repository root, or absolute) in one file, for a page with no build step. */
export async function bundleForBrowsers(entry: string): Promise<Uint8Array> {
  const result = await build({ ...OPTIONS, entryPoints: [entry] });
  return result.outputFiles?.[0]?.contents ?? new Uint8Array();
}

/** The size of `entry` (relative to the repository root) bundled for browsers, with lazy imports split off. */
export async function measure(entry: string): Promise<Size> {
  const outdir = join(ROOT, '.budget-out');
  const result = await build({ ...OPTIONS, entryPoints: [entry], splitting: true, outdir, metafile: true });
  const outputs = result.metafile.outputs;
  const bytes = new Map((result.outputFiles ?? []).map((file) => [file.path.slice(ROOT.length), file.contents]));
  // With splitting, every lazily imported module is an entry point of its own: pick the one built from `entry`.
  const wanted = entry.startsWith('/') ? entry.slice(ROOT.length) : entry;
  const entryOut = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === wanted);
  if (!entryOut) throw new Error(`esbuild built no output for ${entry}`);
  const eager = new Set<string>();
  const visit = (name: string) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const imported of outputs[name]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryOut);
  let raw = 0;
  let gzip = 0;
  let lazyGzip = 0;
  for (const [name, contents] of bytes) {
    if (!name.endsWith('.js')) continue;
    const zipped = gzipSync(contents, { level: 9 }).length;
    if (eager.has(name)) {
      raw += contents.length;
      gzip += zipped;
    } else lazyGzip += zipped;
  }
  return { raw, gzip, lazyGzip };
}
