/**
 * axe-core in the real page: evaluates the published axe.min.js through playwright-core and
 * returns the violations of the given impact levels, one readable line each, so a failing
 * assertion says which rule and which elements.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** Impact levels a test refuses. */
export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical'

/** Runs axe on the whole document and lists violations of `impacts` as "impact rule: targets". */
export async function axeViolations(
  page: Page,
  impacts: readonly AxeImpact[] = ['serious', 'critical'],
): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline
  // scripts, and the test should see the page exactly as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: {
              id: string
              impact: string | null
              help: string
              nodes: { target: string[]; failureSummary?: string }[]
            }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`),
    }))
  })
  return violations
    .filter((v) => impacts.includes(v.impact as AxeImpact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).join('; ')}`)
}
