/**
 * A map's engagement stages in real Chromium: a Dutch owner renames a CSDDD stage, adds one
 * of the map's own, chooses it for a plan and then removes it from the list; the plan keeps
 * it, marked as removed, for the owner in Dutch and for an English editor, who has no way to
 * change the list. The server's CSV exports and report say the same, in both languages.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitForMapReady } from './browserFixture'
import { type MapWithRolePages, openMapWithRolePages } from './mapWithRolePages'

const SCREENSHOT_DIR = '.tmp/screenshots'
const OWN = 'Gemeenschapsmonitoring'

function plan(page: Page) {
  return page.locator('.dialogues-panel details.entry').first()
}

function stagesSection(page: Page) {
  return page.locator('section[aria-labelledby="engagement-stages-heading"]')
}

/** The words of the options of a plan's stage select, and the chosen one. */
async function stageSelect(page: Page, label: string) {
  const select = plan(page).getByLabel(label, { exact: true })
  const options = await select.locator('option').allTextContents()
  const chosen = await select.evaluate(
    (element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
  )
  return { options, chosen }
}

describe("a map's engagement stages", () => {
  let setup: MapWithRolePages<'owner' | 'editor'>

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    setup = await openMapWithRolePages({
      title: 'Cacaoketen',
      roles: ['owner', 'editor'],
      locale: 'nl-NL',
    })
    await setup.pages.editor.page.evaluate(() => {
      const key = 'stakeholder-canvas:user'
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      localStorage.setItem(key, JSON.stringify({ ...stored, locale: 'en' }))
    })
    await setup.pages.editor.page.reload()
    await waitForMapReady(setup.pages.editor.page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  const download = async (file: string) => {
    const response = await fetch(`${setup.server.url}/api/maps/${setup.map.id}/${file}`, {
      headers: { authorization: `Bearer ${setup.map.tokens.editor}` },
    })
    expect(response.status).toBe(200)
    return response.text()
  }

  it('the owner renames one in Dutch, adds one, uses it in a plan and removes it; the plan keeps it, marked', async () => {
    const { page } = setup.pages.owner
    await page.getByRole('tab', { name: 'Dialogen', exact: true }).click()
    await page.getByRole('button', { name: 'Nieuw dialoogplan' }).click()
    await plan(page).getByLabel('Titel', { exact: true }).fill('Herstel bij de coöperatie')
    await plan(page).getByLabel('Titel', { exact: true }).press('Tab')
    const section = stagesSection(page)
    await section.locator('summary').click()
    // Fase 4 is "Herstel"; empty, its field shows the standard words as its placeholder.
    const fourth = section.getByLabel('Fase 4', { exact: true })
    expect(await fourth.getAttribute('placeholder')).toBe('Herstel')
    await fourth.fill('Herstel en verhaal')
    await fourth.press('Tab')
    await section.getByRole('button', { name: 'Fase toevoegen' }).click()
    const sixth = section.getByLabel('Fase 6', { exact: true })
    await sixth.fill(OWN)
    await sixth.press('Enter')
    await expect
      .poll(async () => (await stageSelect(page, 'Fase van betrokkenheid')).options)
      .toEqual([
        'Nog niet besloten',
        'Impact identificeren, beoordelen en prioriteren',
        'Preventie- en correctieve actieplannen opstellen',
        'Besluiten een zakelijke relatie op te schorten of te beëindigen',
        'Herstel en verhaal',
        'Indicatoren voor monitoring opstellen',
        OWN,
      ])
    await plan(page)
      .getByLabel('Fase van betrokkenheid', { exact: true })
      .selectOption({ label: OWN })
    await expect.poll(async () => await download('dialogue-plans.csv?lang=nl')).toContain(OWN)

    await section.getByRole('button', { name: `Fase verwijderen: ${OWN}` }).click()
    const marked = `${OWN} (van de lijst gehaald)`
    await expect
      .poll(async () => (await stageSelect(page, 'Fase van betrokkenheid')).chosen)
      .toBe(marked)
    expect(await section.getByRole('button', { name: `Terugzetten: ${OWN}` }).count()).toBe(1)
    expect(await section.getByLabel('Fase 6', { exact: true }).count()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/engagement-stages-nl.png` })
    await expect.poll(() => download('dialogue-plans.csv?lang=nl')).toContain(marked)
    expect(await download('report.html?lang=nl')).toContain(marked)
  })

  it('the English editor sees the map’s stages in the plan, the removed one marked, and cannot change the list', async () => {
    const { page } = setup.pages.editor
    await page.getByRole('tab', { name: 'Dialogues', exact: true }).click()
    await plan(page).locator('summary').click()
    await expect
      .poll(async () => (await stageSelect(page, 'Engagement stage')).chosen)
      .toBe(`${OWN} (removed from the list)`)
    const { options } = await stageSelect(page, 'Engagement stage')
    expect(options).toContain('Herstel en verhaal')
    expect(options).toContain('Identifying, assessing and prioritising impacts')
    expect(options).not.toContain('Remediation')
    expect(await stagesSection(page).count()).toBe(0)
    // Choosing another stage is theirs to do; the removed one is then no longer offered.
    await plan(page).getByLabel('Engagement stage', { exact: true }).selectOption({
      label: 'Herstel en verhaal',
    })
    await expect
      .poll(async () => (await stageSelect(page, 'Engagement stage')).options)
      .not.toContain(`${OWN} (removed from the list)`)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/engagement-stages-en.png` })
    await expect.poll(() => download('dialogue-plans.csv?lang=en')).toContain('Herstel en verhaal')
  })
})
