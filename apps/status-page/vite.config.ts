import { defineConfig, mergeConfig } from 'vite';
import shared from '../../vite.config.js';

export default mergeConfig(shared, defineConfig({ base: '/', build: { outDir: 'dist', emptyOutDir: true } }));
