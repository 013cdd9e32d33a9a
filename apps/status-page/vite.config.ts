/**
 * Two builds (`pnpm build` runs both):
 * - the browser script (`vite build`): `dist/client/` with a manifest the server reads for the
 *   script's hashed name, and `public/` (robots.txt);
 * - the server renderer (`vite build --ssr`): `dist/server/index.js`, one file with everything it
 *   needs (Lit, @lit-labs/ssr, the elements' templates, the translations), which `hansei serve`
 *   and `hansei export` load by path.
 */
import { defaultServerConditions, defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

export default defineConfig((env) =>
  mergeConfig(
    shared,
    env.isSsrBuild
      ? defineConfig({
          ssr: { noExternal: true, resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['node'] } },
          build: { outDir: 'dist/server', emptyOutDir: true, copyPublicDir: false, target: 'node20', minify: false, rollupOptions: { input: 'src/server/index.ts' } },
        })
      : defineConfig({
          base: '/',
          build: {
            outDir: 'dist/client',
            emptyOutDir: true,
            manifest: true,
            target: 'es2022',
            modulePreload: false,
            rollupOptions: { input: 'src/client/main.ts', output: { entryFileNames: 'assets/status-[hash].js' } },
          },
        }),
  ),
);
