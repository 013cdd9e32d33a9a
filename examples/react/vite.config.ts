import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

// The repository's shared config (the `source` condition, Lit's legacy decorators) plus JSX with
// React's automatic runtime; relative asset URLs, so the built page works from any folder.
export default mergeConfig(
  shared,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    // The demo organisation (MemoryAdapter) makes the bundle large; a real adapter is small.
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
    logLevel: 'warn',
  }),
);
