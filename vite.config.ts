/**
 * The shared Vite config: Storybook loads it (see .storybook/main.ts) and the apps extend it
 * with `mergeConfig`.
 *
 * - `resolve.conditions`: workspace packages are used from source through the custom export
 *   condition `source` (see packages/*\/package.json), ahead of Vite's defaults.
 * - `oxc`: Lit's legacy decorators, as tsconfig.base.json declares them (experimentalDecorators,
 *   useDefineForClassFields: false). Vite 8 transforms TypeScript with Oxc and would otherwise
 *   leave the decorators as standard ones, untransformed, without a word.
 */
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  oxc: {
    decorator: { legacy: true },
    // Together, the equivalent of `useDefineForClassFields: false`: class fields are assigned,
    // never defined, so they do not shadow the reactive accessors Lit's decorators create.
    assumptions: { setPublicClassFields: true },
    typescript: { removeClassFieldsWithoutInitializer: true },
  },
});
