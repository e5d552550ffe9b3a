/**
 * A map file with a revealed dialogue evaluation, imported from the home page in real
 * Chromium: the new map has the results, taken by the server and marked as imported, and
 * the evaluation's form in the Dialogues tab says they come from an imported file, in Dutch
 * and in English, so nobody reads them as counted on this map.
 */
import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { aggregateElementRatings } from '../../shared/dialogue/aggregateElementRatings'
import { createDialogueEvaluation } from '../../shared/dialogue/createDialogueRecords'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import {
  type AppServer,
  launchChromium,
  openTrackedPage,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

const SCREENSHOT_DIR = '.tmp/screenshots'

/** A map file with one evaluation whose nine results were revealed on the original map. */
function mapFile(): Buffer {
  const doc = new Y.Doc()
  const results = aggregateElementRatings([
    { motivation: 4, inclusion: 2 },
    { motivation: 5, inclusion: 4 },
  ])
  const elements = Object.fromEntries(
    Object.entries(results).map(([element, result]) => [element, { result, notes: '' }]),
  )
  const evaluation = createDialogueEvaluation({
    id: 'eval-soubre',
    date: '2026-04-15',
    notes: 'Goede opkomst',
    elements,
  })
  expect(writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation).ok).toBe(true)
  const map = exportMapJson(doc, { title: 'Cacaoketen', exportedAt: new Date().toISOString() })
  return Buffer.from(stringifyMapJson(map))
}

describe('an imported map file’s evaluation results', () => {
  let server: AppServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('are on the new map, marked, and its Dialogues tab says they come from an imported file (nl, then en)', async () => {
    const { page, errors } = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await page.goto(server.url)
    await page.getByLabel('Kaartbestand uit Stakeholder Canvas (.json)').setInputFiles({
      name: 'cacaoketen-kaart.json',
      mimeType: 'application/json',
      buffer: mapFile(),
    })
    await page.getByRole('button', { name: 'Als nieuwe kaart importeren' }).click()
    await page.waitForURL((url) => /^\/m\/[^/]+$/.test(url.pathname))
    await waitForMapReady(page)
    const mapId = new URL(page.url()).pathname.split('/')[2] ?? ''
    const token = await page.evaluate(
      (id) =>
        (
          JSON.parse(localStorage.getItem('stakeholder-canvas:access') ?? '{}') as Record<
            string,
            { tokens: { owner?: string } }
          >
        )[id]?.tokens.owner ?? '',
      mapId,
    )
    const response = await fetch(`${server.url}/api/maps/${mapId}/export.json`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const [evaluation] = ((await response.json()) as MapJson).dialogueEvaluations
    expect(evaluation?.elements.motivation.result).toMatchObject({
      count: 2,
      median: 4.5,
      min: 4,
      max: 5,
    })
    expect(evaluation?.elements.motivation.result?.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    for (const [tab, words] of [
      ['Dialogen', 'Resultaten uit een geïmporteerd bestand, overgenomen op'],
      ['Dialogues', 'Results from an imported file, taken over on'],
    ] as const) {
      if (tab === 'Dialogues') {
        await page.evaluate(() => {
          const key = 'stakeholder-canvas:user'
          const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
          localStorage.setItem(key, JSON.stringify({ ...stored, locale: 'en' }))
        })
        await page.reload()
        await waitForMapReady(page)
      }
      await page.getByRole('tab', { name: tab, exact: true }).click()
      const entry = page.locator('section[aria-labelledby="evaluations-heading"] details.entry')
      if (!(await entry.evaluate((element) => (element as HTMLDetailsElement).open))) {
        await entry.locator('summary').click()
      }
      const note = entry.locator('.evaluation__imported')
      await expect.poll(() => note.textContent()).toContain(words)
      expect(await entry.locator('.evaluation__result').first().textContent()).toMatch(/4[,.]5/)
      await note.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SCREENSHOT_DIR}/imported-results-${tab}.png` })
    }
    expect(errors).toEqual([])
  })
})
