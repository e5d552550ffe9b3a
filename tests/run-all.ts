/**
 * `npm test`: every check and every test, in the order a failure is cheapest to find.
 *
 * Type-check, lint and format count as one check each; vitest reports each test. The last
 * line is `N passed, N failed` over all of them, and the exit code is non-zero if any failed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const CHROMIUM = '/usr/bin/chromium'

interface StepResult {
  passed: number
  failed: number
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

function check(name: string, command: string, args: string[]): StepResult {
  const ok = run(command, args)
  console.log(ok ? `✓ ${name}` : `✗ ${name} failed`)
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }
}

/** Browser tests need Debian's Chromium; install it when we may, or say how. */
function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing; installing the Debian package `chromium`…')
    const env = { DEBIAN_FRONTEND: 'noninteractive' }
    if (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', 'chromium'], env)) {
      return existsSync(CHROMIUM)
    }
  }
  console.error(
    `The browser tests need ${CHROMIUM}. Install it as root with: apt-get install -y chromium`,
  )
  return false
}

function vitest(): StepResult {
  const outDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-vitest-'))
  const report = join(outDir, 'report.json')
  run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      numFailedTestSuites: number
    }
    // A file that fails to load has no tests of its own; count it as a failure too.
    return { passed: json.numPassedTests, failed: json.numFailedTests + json.numFailedTestSuites }
  } catch {
    console.error('vitest wrote no report: counting the whole run as failed')
    return { passed: 0, failed: 1 }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

const results: StepResult[] = []
if (!ensureChromium()) results.push({ passed: 0, failed: 1 })
results.push(check('type-check', 'npm', ['run', '--silent', 'typecheck']))
results.push(check('lint', 'npx', ['eslint', '.']))
results.push(check('format', 'npx', ['prettier', '--check', '.']))
// The browser tests run against the built client, as users get it.
results.push(check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']))
results.push(vitest())

const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
