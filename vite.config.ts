import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { precompressAssets } from './build/precompressAssets.ts'

/** Where `npm start` serves the built client from (the server's STATIC_DIR default). */
const CLIENT_OUT_DIR = 'dist/client'

/** The dev server forwards API and sync traffic to a server started with `npm run dev`. */
const DEV_BACKEND = process.env.DEV_BACKEND ?? 'http://127.0.0.1:8080'

export default defineConfig({
  root: 'client',
  plugins: [react(), precompressAssets()],
  build: {
    outDir: `../${CLIENT_OUT_DIR}`,
    emptyOutDir: true,
    // Maps are written for debugging but not linked from the bundle: the server hands them
    // out (and names them in a SourceMap header) only when SERVE_SOURCE_MAPS is set.
    sourcemap: 'hidden',
    // .vite/manifest.json: which chunks each screen needs (bench/runBundleBench.ts).
    manifest: true,
    // No data: URLs: tldraw fetches its translations and the CSP allows only our origin.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': DEV_BACKEND,
      '/healthz': DEV_BACKEND,
      '/sync': { target: DEV_BACKEND.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: '.',
          include: ['tests/browser/**/*.test.ts'],
          // One Chromium at a time: the machine has two cores and the browser uses both.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
