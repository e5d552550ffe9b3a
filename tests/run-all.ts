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

/** Programs some tests drive, and the Debian package of each. */
const DEBIAN_TOOLS = [
  { program: '/usr/bin/chromium', pkg: 'chromium', for: 'The browser tests' },
  { program: '/usr/bin/soffice', pkg: 'libreoffice-calc-nogui', for: 'The XLSX checks' },
] as const

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

/** Tests need Chromium and LibreOffice from Debian; install them when we may, or say how. */
function ensureDebianTools(): boolean {
  const missing = DEBIAN_TOOLS.filter((tool) => !existsSync(tool.program))
  if (missing.length === 0) return true
  const packages = missing.map((tool) => tool.pkg)
  if (process.getuid?.() === 0) {
    console.log(`Missing ${packages.join(', ')}; installing the Debian packages…`)
    const env = { DEBIAN_FRONTEND: 'noninteractive' }
    if (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', ...packages], env)) {
      return missing.every((tool) => existsSync(tool.program))
    }
  }
  for (const tool of missing) {
    console.error(
      `${tool.for} need ${tool.program}. Install it as root with: apt-get install -y ${tool.pkg}`,
    )
  }
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
if (!ensureDebianTools()) results.push({ passed: 0, failed: 1 })
results.push(check('type-check', 'npm', ['run', '--silent', 'typecheck']))
results.push(check('lint', 'npx', ['eslint', '.']))
results.push(check('format', 'npx', ['prettier', '--check', '.']))
// The browser tests run against the built client, as users get it; the server is built too,
// as `npm start` builds it (tests/server/productionStart.test.ts then needs no build of its own).
results.push(check('build', 'npm', ['run', '--silent', 'build']))
results.push(vitest())

const passed = results.reduce((sum, r) => sum + r.passed, 0)
const failed = results.reduce((sum, r) => sum + r.failed, 0)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
