import { defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

export default mergeConfig(shared, defineConfig({ base: '/portal/', build: { outDir: 'dist', emptyOutDir: true, manifest: true } }));
