// Custom Elements Manifest: `pnpm analyze` writes custom-elements.json at the root (generated,
// gitignored) from the JSDoc of the elements' class modules (@tag, @summary, @csspart, @cssprop,
// @slot, @event). It feeds Storybook's docs and controls, editors, and the JSX/React/Vue type
// declarations (packages/elements/types). The define modules are
// left out: the tag name comes from each class's `@tag`.
import { existsSync } from 'node:fs';
import { elementTypesPlugin } from './packages/elements/scripts/types.mjs';

/**
 * The analyzer names cross-module references the way the source imports them
 * (`/packages/elements/src/internal/hansei-element.js`); rewrite them to the modules' own paths
 * (`packages/elements/src/internal/hansei-element.ts`) so every reference resolves.
 */
function sourceModulePaths() {
  const fix = (path) => {
    const relative = path.replace(/^\//, '');
    const ts = relative.replace(/\.js$/, '.ts');
    return ts !== relative && existsSync(ts) ? ts : relative;
  };
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'module' && typeof value === 'string') node[key] = fix(value);
        else visit(value);
      }
    }
  };
  return {
    name: 'hansei-source-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['packages/elements/src/*/*.ts'],
  exclude: [
    'packages/elements/src/**/*.test.ts',
    'packages/elements/src/**/*.styles.ts',
    'packages/elements/src/define/**',
    'packages/elements/src/generated/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  // elementTypesPlugin: JSX, React and Vue declarations from the manifest (packages/elements/types).
  plugins: [sourceModulePaths(), elementTypesPlugin()],
};
