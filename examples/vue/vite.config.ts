import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

// The repository's shared config (the `source` condition, Lit's legacy decorators) plus Vue, told
// that `hansei-` tags are custom elements (not Vue components to resolve). Templates are compiled
// at build time: no runtime compiler, no eval, so the page works under a strict CSP too.
export default mergeConfig(
  shared,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('hansei-') } } })],
    // The demo organisation (MemoryAdapter) makes the bundle large; a real adapter is small.
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
    logLevel: 'warn',
  }),
);
