/**
 * The audit trail in real Chromium: an editor's browser changes a stakeholder's legitimacy
 * from 2 to 5; the owner's browser, in Dutch, shows who did it with the old and the new
 * value, filters it by person, downloads it as a Dutch CSV, shows it for that stakeholder
 * from the editor, and compares a version in Dutch words ("Legitimiteit: 2 → 5"). The
 * editor is offered no audit trail. Screenshots in Dutch and English go to /tmp/hc-shots/.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/protocol/accessApi'
import {
  type AppServer,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

const SHOTS = '/tmp/hc-shots'

/** Selects the card of `name` through the editor and opens the stakeholder tab. */
async function selectCard(page: Page, name: string): Promise<void> {
  const shape = page.locator('.tl-shape', {
    has: page.locator('.stakeholder-card', { hasText: name }),
  })
  await shape.waitFor({ state: 'attached', timeout: 10_000 })
  const id = await shape.getAttribute('data-shape-id')
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId!)
  }, id)
  await page.getByRole('tab', { name: 'Stakeholder' }).click()
  await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe(name)
}

describe('audit trail in the browser', () => {
  let server: AppServer
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    // No merging of one person's edits, so 2 and then 5 are two rows of the trail.
    server = await startAppServer({ AUDIT_WINDOW_MS: '0' })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it("shows the owner, in Dutch, the editor's change of legitimacy from 2 to 5", async () => {
    const map = await createMapViaApi(server.url, 'Audit check')
    const audit = async (): Promise<AuditEntry[]> =>
      (await (
        await fetch(`${server.url}/api/maps/${map.id}/audit`, {
          headers: { authorization: `Bearer ${map.tokens.owner}` },
        })
      ).json()) as AuditEntry[]
    const legitimacyTo = async (value: number) =>
      (await audit()).some((row) =>
        row.changes?.some(
          (change) =>
            change.field === 'legitimacy' && change.kind === 'value' && change.to === value,
        ),
      )

    const editor = await openTrackedPage(browser, server.url, { name: 'Ada Bewerker' })
    await editor.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(editor.page)
    await editor.page.getByRole('tab', { name: 'Add' }).click()
    await editor.page.getByLabel('Name', { exact: true }).fill('Fair Cocoa NGO')
    await editor.page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await expect
      .poll(() => editor.page.getByTestId('field-name').inputValue())
      .toBe('Fair Cocoa NGO')
    await editor.page.getByTestId('field-legitimacy').selectOption('2')
    await expect.poll(() => legitimacyTo(2), { timeout: 10_000 }).toBe(true)
    const version = await fetch(`${server.url}/api/maps/${map.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.tokens.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Voor de workshop', by: 'Olga' }),
    })
    expect(version.status).toBe(201)
    await editor.page.getByTestId('field-legitimacy').selectOption('5')
    await expect.poll(() => legitimacyTo(5), { timeout: 10_000 }).toBe(true)
    // The editor's Share tab offers no audit trail (and the server would refuse it).
    await editor.page.getByRole('tab', { name: 'Share' }).click()
    await editor.page.getByRole('heading', { name: 'Version history' }).waitFor()
    expect(await editor.page.getByTestId('audit-trail').count()).toBe(0)

    const owner = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Olga' })
    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(owner.page)
    await owner.page.getByRole('tab', { name: 'Delen' }).click()
    const trail = owner.page.getByTestId('audit-trail')
    await trail.getByRole('heading', { name: 'Audittrail' }).waitFor()
    const rowTexts = () =>
      trail
        .getByTestId('audit-row')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector('[data-testid="audit-who"]')?.textContent?.trim(),
            ...[...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent?.trim()),
          ]),
        )
    await expect
      .poll(rowTexts)
      .toContainEqual(['Ada Bewerker (Bewerker)', 'Fair Cocoa NGO', 'Legitimiteit', '2', '5'])
    expect(await rowTexts()).toContainEqual([
      'Ada Bewerker (Bewerker)',
      'Fair Cocoa NGO',
      'Stakeholder',
      '',
      'toegevoegd',
    ])
    await trail.scrollIntoViewIfNeeded()
    await owner.page.screenshot({ path: `${SHOTS}/audit-trail-nl.png` })

    // Filtered by person (keyboard: focus the select, pick with the arrow keys), then by date.
    const person = trail.getByLabel('Persoon')
    await person.focus()
    await person.press('ArrowDown')
    await expect.poll(() => person.inputValue()).toBe('Ada Bewerker')
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(1)
    await trail.getByLabel('Van').fill('2999-01-01')
    await trail.getByText('Geen wijzigingen vastgelegd bij deze filters.').waitFor()
    await trail.getByLabel('Van').fill('')
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(1)

    // The download: a Dutch CSV with semicolons and the same words.
    const [download] = await Promise.all([
      owner.page.waitForEvent('download'),
      trail.getByRole('button', { name: 'CSV downloaden' }).click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(download.suggestedFilename()).toBe('audittrail.csv')
    expect(csv).toContain('Persoon;Rol;Stakeholder')
    expect(csv).toMatch(/;Ada Bewerker;Bewerker;Fair Cocoa NGO;[^;]+;Legitimiteit;2;5\r\n/)

    // The version compare says the field in Dutch.
    const versions = owner.page.locator('.version-panel')
    const named = versions.locator('.version-panel__item', { hasText: 'Voor de workshop' })
    await named.getByRole('button', { name: 'Vergelijken met nu' }).click()
    await named.getByText('Legitimiteit: 2 → 5').waitFor()
    await named.scrollIntoViewIfNeeded()
    await owner.page.screenshot({ path: `${SHOTS}/version-compare-nl.png` })

    // From the stakeholder editor: that stakeholder's trail, without a stakeholder column.
    await selectCard(owner.page, 'Fair Cocoa NGO')
    const disclosure = owner.page.getByTestId('stakeholder-audit')
    await disclosure.locator('summary').focus()
    await disclosure.locator('summary').press('Enter')
    const own = disclosure.getByTestId('audit-trail')
    await own.getByRole('heading', { name: 'Audittrail van deze stakeholder' }).waitFor()
    await expect
      .poll(() =>
        own
          .getByTestId('audit-row')
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.querySelector('[data-testid="audit-who"]')?.textContent?.trim(),
              ...[...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent?.trim()),
            ]),
          ),
      )
      .toContainEqual(['Ada Bewerker (Bewerker)', 'Legitimiteit', '2', '5'])
    await own.scrollIntoViewIfNeeded()
    await owner.page.screenshot({ path: `${SHOTS}/stakeholder-audit-nl.png` })

    // The same in English.
    await owner.page.locator('select').filter({ hasText: 'Nederlands' }).first().selectOption('en')
    await own.getByRole('heading', { name: 'Audit trail of this stakeholder' }).waitFor()
    await expect
      .poll(() => own.getByTestId('audit-row').allInnerTexts())
      .toContainEqual(expect.stringMatching(/Ada Bewerker \(Editor\)[\s\S]+Legitimacy\s+2\s+5/))
    await owner.page.screenshot({ path: `${SHOTS}/stakeholder-audit-en.png` })
    await owner.page.getByRole('tab', { name: 'Share' }).click()
    await owner.page
      .getByTestId('audit-trail')
      .getByRole('heading', { name: 'Audit trail' })
      .waitFor()
    const enNamed = owner.page.locator('.version-panel__item', { hasText: 'Voor de workshop' })
    await enNamed.getByRole('button', { name: 'Compare with now' }).click()
    await enNamed.getByText('Legitimacy: 2 → 5').waitFor()
    await owner.page.getByTestId('audit-trail').scrollIntoViewIfNeeded()
    await owner.page.screenshot({ path: `${SHOTS}/audit-trail-en.png` })
    expect(owner.errors.concat(editor.errors)).toEqual([])
  })
})
