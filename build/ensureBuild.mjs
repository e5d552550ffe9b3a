// `npm start`, step 1: builds the client and the server (`npm run build`) only when the build
// is missing or older than a source file, then hands over to `node dist/server/main.js`
// (step 2, started with `exec` by the npm script so the server itself receives signals).
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = path.join(root, 'dist/build-stamp.json')
const OUTPUTS = ['dist/client/index.html', 'dist/server/main.js'].map((file) =>
  path.join(root, file),
)
const SOURCES = ['client', 'shared', 'server', 'build', 'vite.config.ts', 'package-lock.json']

/** The newest modification time under `entry` (a file or a directory), in ms. */
function newestMtime(entry) {
  if (!existsSync(entry)) return 0
  const stats = statSync(entry)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const name of readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, name)))
  }
  return newest
}

function buildReason() {
  if (![STAMP, ...OUTPUTS].every((file) => existsSync(file))) return 'no build yet'
  const builtAt = statSync(STAMP).mtimeMs
  const changed = SOURCES.find((source) => newestMtime(path.join(root, source)) > builtAt)
  return changed === undefined ? null : `${changed} changed since the last build`
}

const reason = buildReason()
if (reason === null) {
  console.error('build is up to date')
} else {
  console.error(`building (${reason})…`)
  const npm = process.env.npm_execpath
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
