/**
 * `npm run build` (after `vite build`): bundles the server's entry points into plain
 * JavaScript for Node 20 (`dist/server/main.js`, `dist/server/backup.js`), so production runs
 * `node dist/server/main.js` with no TypeScript loader between the process manager and the
 * server. Packages stay in node_modules (better-sqlite3 is native, pino starts workers).
 * Writes `dist/build-stamp.json` last: build/ensureBuild.mjs compares the sources against it.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

await build({
  absWorkingDir: root,
  entryPoints: { main: 'server/main.ts', backup: 'server/backup.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
writeFileSync(
  path.join(root, 'dist/build-stamp.json'),
  `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`,
)
console.log('server bundled into dist/server')
