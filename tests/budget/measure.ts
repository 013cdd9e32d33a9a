/** Measures an entry as a page would ship it: bundled with its dependencies, minified, gzipped. */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Size {
  /** Minified bytes. */
  readonly raw: number;
  /** Gzipped (level 9) bytes. */
  readonly gzip: number;
}

/** `entry` (relative to the repository root, or absolute) bundled and minified for browsers, as an app's bundler would ship it. */
export async function bundleForBrowsers(entry: string): Promise<Uint8Array> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
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
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array();
}

/** The size of `entry` (relative to the repository root) bundled for browsers. */
export async function measure(entry: string): Promise<Size> {
  const bytes = await bundleForBrowsers(entry);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
