/**
 * Builds the workbench into `web/dist`, which `counterbalance serve` serves at `/`. Charts and the
 * map are split into lazy chunks so the network view paints first. The output runs under the
 * server's CSP: no inline script or style anywhere in the build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    modulePreload: { polyfill: false },
  },
});
