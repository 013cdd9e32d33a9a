import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the Hansei elements.
 *
 * Vite settings come from the repository's shared vite.config.ts (named explicitly below): the
 * `source` export condition, so `@hansei/*` resolve to their TypeScript sources, and Lit's
 * legacy decorators. No `viteFinal` is needed on top of it.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath: 'vite.config.ts' } },
  },
  core: { disableTelemetry: true },
};

export default config;
