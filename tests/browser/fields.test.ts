/**
 * Every way out of every kind of text field keeps what was typed: the text reaches the
 * server (read back through the export API, as an integrator would), whatever the person
 * does next — a click on the canvas or on another card, another panel tab, Tab, Enter,
 * Escape, a reload within 100 ms of the last keystroke, or closing the tab while offline.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import {
  type AppServer,
  type CreatedMap,
  type TestEditor,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shapeCentreOnScreen,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
  zoomToFit,
} from './browserFixture'
import { cutOffLocalCopyCommits } from './waysOutOfAField'

const SCREENSHOT_DIR = '.tmp/screenshots'
const FIRST = 'Alpha cocoa farmers'
const SECOND = 'Bravo trade union'

/** The stakeholder called `name` as the server holds it, contacts included. */
async function serverRecord(server: AppServer, map: CreatedMap, name: string) {
  const response = await fetch(`${server.url}/api/maps/${map.id}/export.json?contacts=1`, {
    headers: { authorization: `Bearer ${map.tokens.owner}` },
  })
  expect(response.status).toBe(200)
  const json = (await response.json()) as MapJson
  return json.stakeholders.find((stakeholder) => stakeholder.name === name) as
    Stakeholder | undefined
}

/** The shape id of the card showing `name`. */
async function cardId(page: Page, name: string): Promise<string> {
  const id = await page
    .locator('.tl-shape', { has: page.locator('.stakeholder-card', { hasText: name }) })
    .first()
    .getAttribute('data-shape-id')
  if (!id) throw new Error(`no card for ${name}`)
  return id
}

/** Opens the editor on `name` (selecting its card, as the register's "show" does). */
async function openEditor(page: Page, name: string) {
  const id = await cardId(page, name)
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId)
  }, id)
  await page.getByRole('tab', { name: 'Stakeholder' }).click()
  await page.waitForFunction(
    (wanted) =>
      (document.querySelector('[data-testid="field-name"]') as HTMLInputElement | null)?.value ===
      wanted,
    name,
  )
}

/** A point of the canvas with no shape under it, away from tldraw's own menus. */
async function emptyCanvasPoint(page: Page) {
  return page.evaluate(() => {
    const editor = (
      window as unknown as {
        editor: TestEditor & {
          screenToPage(point: { x: number; y: number }): { x: number; y: number }
          getShapeAtPoint(point: { x: number; y: number }, options: object): unknown
        }
      }
    ).editor
    for (let y = 200; y < 650; y += 40) {
      for (let x = 80; x < 700; x += 40) {
        const page = editor.screenToPage({ x, y })
        if (!editor.getShapeAtPoint(page, { hitInside: true, margin: 30 })) return { x, y }
      }
    }
    throw new Error('no empty spot on the canvas')
  })
}

/** Opens the entry block (impact, log entry, contact) that holds `input`, if it is closed. */
async function revealEntryField(page: Page, input: Locator) {
  if (await input.isVisible()) return
  await page.locator('details.entry', { has: input }).locator('summary').first().click()
  await input.waitFor({ state: 'visible' })
}

interface FieldKind {
  name: string
  input(page: Page): Locator
  /** The field's value in the server's record. */
  read(record: Stakeholder): string
  /** A distinct text for the `n`th test, as a person would type it here. */
  text(n: number): string
  multiline?: boolean
}

const KINDS: FieldKind[] = [
  {
    name: 'one-line text (country or region)',
    input: (page) => page.getByLabel('Country or region'),
    read: (record) => record.countryOrRegion,
    text: (n) => `Ghana, region ${n}`,
  },
  {
    name: 'text area (interests)',
    input: (page) => page.getByLabel('Interests', { exact: true }),
    read: (record) => record.interests,
    text: (n) => `A living income, case ${n}`,
    multiline: true,
  },
  {
    name: 'score (influence)',
    input: (page) => page.getByLabel('Influence on the company'),
    read: (record) => String(record.influence),
    text: (n) => String(1 + ((n * 0.5) % 4)),
  },
  {
    name: 'impact topic',
    input: (page) => page.getByLabel('Topic', { exact: true }),
    read: (record) => record.impacts[0]?.topic ?? '',
    text: (n) => `Child labour ${n}`,
  },
  {
    name: 'engagement log method',
    input: (page) => page.getByLabel('Method', { exact: true }),
    read: (record) => record.engagement.log[0]?.method ?? '',
    text: (n) => `Village meeting ${n}`,
  },
  {
    name: 'contact e-mail',
    input: (page) => page.getByLabel('E-mail'),
    read: (record) => record.contacts[0]?.email ?? '',
    text: (n) => `ama.${n}@example.org`,
  },
]

interface WayOut {
  name: string
  leave(page: Page, input: Locator): Promise<void>
  oneLineOnly?: boolean
}

const WAYS_OUT: WayOut[] = [
  {
    name: 'a click on an empty spot of the canvas',
    async leave(page) {
      const spot = await emptyCanvasPoint(page)
      await page.mouse.click(spot.x, spot.y)
    },
  },
  {
    name: 'a click on another card',
    async leave(page) {
      const centre = await shapeCentreOnScreen(page, await cardId(page, SECOND))
      await page.mouse.click(centre.x, centre.y)
    },
  },
  {
    name: 'another panel tab',
    leave: (page) => page.getByRole('tab', { name: 'Register' }).click(),
  },
  { name: 'Tab', leave: (page) => page.keyboard.press('Tab') },
  { name: 'Enter', leave: (page) => page.keyboard.press('Enter'), oneLineOnly: true },
  { name: 'Escape', leave: (page) => page.keyboard.press('Escape') },
  {
    name: 'a reload within 100 ms of the last keystroke',
    async leave(page) {
      await page.reload()
      await waitForMapReady(page)
    },
  },
]

describe('no typed word is lost, whichever way a person leaves a field', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let alice: TrackedPage
  let bob: TrackedPage

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cocoa due diligence')
    alice = await openTrackedPage(browser, server.url, { name: 'Alice' })
    bob = await openTrackedPage(browser, server.url, { name: 'Bob' })
    for (const { page } of [alice, bob]) page.setDefaultTimeout(10_000)
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await bob.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(alice.page)
    await waitForMapReady(bob.page)
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Or paste a list, one name per line').fill(`${FIRST}\n${SECOND}`)
    await page.getByRole('button', { name: /Add 2 stakeholders/ }).click()
    await zoomToFit(page)
    await openEditor(page, FIRST)
    for (const add of ['Add impact', 'Add engagement', 'Add contact']) {
      await page.getByRole('button', { name: add }).click()
    }
    const contactName = page.locator('fieldset.confidential').getByLabel('Name', { exact: true })
    await contactName.fill('Ama Mensah')
    await contactName.press('Tab')
    await page.getByLabel('E-mail').waitFor({ state: 'attached' })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  let n = 0
  for (const way of WAYS_OUT) {
    for (const kind of KINDS) {
      if (way.oneLineOnly && kind.multiline) continue
      it(`${kind.name}: typed, then ${way.name}, reaches the server`, async () => {
        const { page } = alice
        const text = kind.text(++n)
        await openEditor(page, FIRST)
        const input = kind.input(page)
        await revealEntryField(page, input)
        await input.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(text)
        await way.leave(page, input)
        await expect
          .poll(async () => kind.read((await serverRecord(server, map, FIRST))!), {
            timeout: 5000,
          })
          .toBe(text)
      })
    }
  }

  it('typed offline, then the tab closed: reopened online, the text is back in its field and reaches the server', async () => {
    const { context } = alice
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(alice.page)
    await context.setOffline(true)
    await expect
      .poll(() => alice.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('offline')
    await zoomToFit(alice.page)
    await openEditor(alice.page, FIRST)
    await alice.page.getByLabel('Interests', { exact: true }).click()
    await alice.page.keyboard.press('ControlOrMeta+A')
    // The tab closes before IndexedDB committed the text written as the page went away.
    await cutOffLocalCopyCommits(alice.page)
    await alice.page.keyboard.type('Typed on the train, offline')
    await alice.page.close()

    await context.setOffline(false)
    alice.page = await context.newPage()
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(alice.page)
    await expect
      .poll(async () => (await serverRecord(server, map, FIRST))?.interests, { timeout: 10_000 })
      .toBe('Typed on the train, offline')
    await zoomToFit(alice.page)
    await openEditor(alice.page, FIRST)
    expect(await alice.page.getByLabel('Interests', { exact: true }).inputValue()).toBe(
      'Typed on the train, offline',
    )
  })

  it("someone else's edit of the field being typed in does not wipe the typist's text", async () => {
    await openEditor(alice.page, FIRST)
    await openEditor(bob.page, FIRST)
    const mine = alice.page.getByLabel('Concerns', { exact: true })
    await mine.click()
    await alice.page.keyboard.type('Alice: prices too low')
    // A pause: Alice's text is written, and she is still in the field.
    await expect
      .poll(async () => (await serverRecord(server, map, FIRST))?.concerns)
      .toBe('Alice: prices too low')
    await bob.page.getByLabel('Concerns', { exact: true }).fill('Bob: deforestation')
    await bob.page.getByLabel('Concerns', { exact: true }).press('Tab')
    // Bob's edit of another field meanwhile is kept as well.
    await bob.page.getByLabel('Notes', { exact: true }).first().fill('Bob was here')
    await bob.page.getByLabel('Notes', { exact: true }).first().press('Tab')
    await expect
      .poll(() => alice.page.locator('.field__notice').first().textContent(), { timeout: 5000 })
      .toContain('Someone else changed this field')
    expect(await mine.inputValue()).toBe('Alice: prices too low')
    await alice.page.keyboard.type(', and late payment')
    await alice.page.keyboard.press('Tab')
    await expect
      .poll(async () => (await serverRecord(server, map, FIRST))?.concerns)
      .toBe('Alice: prices too low, and late payment')
    expect((await serverRecord(server, map, FIRST))?.notes).toBe('Bob was here')
    await expect
      .poll(() => bob.page.getByLabel('Concerns', { exact: true }).inputValue())
      .toBe('Alice: prices too low, and late payment')
  })

  it('a new contact stays open while it is filled in, Tab after Tab', async () => {
    const { page } = alice
    await openEditor(page, SECOND)
    await page.getByRole('button', { name: 'Add contact' }).click()
    const contact = page.locator('fieldset.confidential details.entry').first()
    await contact.getByLabel('Name', { exact: true }).fill('Kofi Boateng')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Chair')
    await page.keyboard.press('Tab')
    await page.keyboard.type('FNV')
    await page.keyboard.press('Tab')
    expect(await contact.getAttribute('open')).not.toBeNull()
    await expect
      .poll(async () => (await serverRecord(server, map, SECOND))?.contacts[0])
      .toMatchObject({ name: 'Kofi Boateng', role: 'Chair', organisation: 'FNV' })
    // Collapsing is the person's own act, and it stays collapsed.
    await contact.locator('summary').click()
    expect(await contact.getAttribute('open')).toBeNull()
  })

  it('an invalid e-mail is reported at its field, stays there, and survives leaving the editor', async () => {
    const { page } = alice
    await openEditor(page, FIRST)
    const email = page.getByLabel('E-mail')
    await revealEntryField(page, email)
    await email.fill('ama.mensah.example.org')
    await email.press('Tab')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await email.getAttribute('aria-describedby'))!.split(' ')
    const error = page.locator('.field__error', { hasText: 'not an e-mail address' })
    expect(describedBy).toContain(await error.getAttribute('id'))
    expect(await email.inputValue()).toBe('ama.mensah.example.org')
    // Not at the top of the contact: inside the e-mail field's own frame.
    expect(await page.locator('.field', { has: email }).locator('.field__error').count()).toBe(1)

    const spot = await emptyCanvasPoint(page)
    await page.mouse.click(spot.x, spot.y)
    await openEditor(page, FIRST)
    await revealEntryField(page, email)
    expect(await email.inputValue()).toBe('ama.mensah.example.org')
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    await email.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fields-contact-error-en.png` })
    await email.fill('ama.mensah@example.org')
    await email.press('Tab')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBeNull()
    await expect
      .poll(async () => (await serverRecord(server, map, FIRST))?.contacts[0]?.email)
      .toBe('ama.mensah@example.org')
  })

  it('an emptied engagement date says it is required and stays empty until fixed', async () => {
    const { page } = alice
    await openEditor(page, FIRST)
    const date = page.getByLabel('Date', { exact: true })
    await revealEntryField(page, date)
    const before = (await serverRecord(server, map, FIRST))!.engagement.log[0]!.date
    await date.fill('')
    // Tab moves between the day, month and year of a date input: leave it by a click.
    await page.getByLabel('Method', { exact: true }).click()
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('.field', { has: date }).textContent()).toContain(
      'A log entry needs a date',
    )
    expect(await date.inputValue()).toBe('')
    expect((await serverRecord(server, map, FIRST))!.engagement.log[0]!.date).toBe(before)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fields-date-error-en.png` })
    await date.fill('2026-05-12')
    await page.getByLabel('Method', { exact: true }).click()
    await expect
      .poll(async () => (await serverRecord(server, map, FIRST))?.engagement.log[0]?.date)
      .toBe('2026-05-12')
    expect(await date.getAttribute('aria-invalid')).toBeNull()
  })

  it('a stakeholder removed by someone else while open can be restored with what was typed', async () => {
    await openEditor(alice.page, SECOND)
    await alice.page.getByLabel('Notes', { exact: true }).first().click()
    await alice.page.keyboard.type('Typed just before Bob removed it')
    await openEditor(bob.page, SECOND)
    bob.page.once('dialog', (dialog) => void dialog.accept())
    await bob.page.getByRole('button', { name: 'Remove stakeholder…' }).click()
    await expect.poll(async () => serverRecord(server, map, SECOND)).toBeUndefined()
    await alice.page.getByRole('button', { name: 'Restore this stakeholder' }).click()
    await expect
      .poll(async () => (await serverRecord(server, map, SECOND))?.notes, { timeout: 5000 })
      .toBe('Typed just before Bob removed it')
    expect((await serverRecord(server, map, SECOND))?.contacts[0]?.name).toBe('Kofi Boateng')
  })

  it("an agenda block's minutes are one change when typed, and a wrong number stays with the reason", async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Workshop' }).click()
    await bob.page.getByRole('tab', { name: 'Workshop' }).click()
    const minutes = page.getByRole('textbox', { name: /^Minutes for / }).first()
    const name = (await minutes.getAttribute('aria-label'))!.replace('Minutes for ', '')
    await minutes.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('45')
    const spot = await emptyCanvasPoint(page)
    await page.mouse.click(spot.x, spot.y)
    const bobsBlock = bob.page.locator('.workshop__agenda li', { hasText: name }).first()
    await expect.poll(() => bobsBlock.textContent(), { timeout: 5000 }).toContain('45 min')
    await minutes.fill('0')
    await minutes.press('Enter')
    await expect.poll(() => minutes.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('.workshop__agenda .field__error').textContent()).toBe(
      'A whole number of minutes, 1 to 600.',
    )
    expect(await minutes.inputValue()).toBe('0')
    expect(await bobsBlock.textContent()).toContain('45 min')
    await minutes.fill('30')
    await minutes.press('Enter')
    await expect.poll(() => bobsBlock.textContent(), { timeout: 5000 }).toContain('30 min')
  })

  it('text typed into the Add panel and a version name survives a tab switch and a reload', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Half-typed NGO')
    await page.getByRole('tab', { name: 'Share' }).click()
    await page.getByLabel('Name this version').fill('Before the workshop')
    await page.getByRole('tab', { name: 'Register' }).click()
    await page.getByRole('tab', { name: 'Add' }).click()
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Half-typed NGO')
    await page.reload()
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Add' }).click()
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Half-typed NGO')
    await page.getByRole('tab', { name: 'Share' }).click()
    expect(await page.getByLabel('Name this version').inputValue()).toBe('Before the workshop')
  })
})

describe('fields in Dutch, and what a viewer is shown', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let owner: TrackedPage
  let viewer: TrackedPage

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cacaoketen')
    owner = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Eva' })
    viewer = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Kijker' })
    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(owner.page)
    await owner.page.getByRole('tab', { name: 'Toevoegen' }).click()
    await owner.page.getByLabel('Naam', { exact: true }).fill('Cacaoboeren in Ghana')
    await owner.page.getByRole('button', { name: 'Stakeholder toevoegen', exact: true }).click()
    await owner.page.locator('.stakeholder-card', { hasText: 'Cacaoboeren' }).waitFor()
    await zoomToFit(owner.page)
    for (const { page } of [owner, viewer]) page.setDefaultTimeout(10_000)
    await viewer.page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
    await waitForMapReady(viewer.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('reads a Dutch "1,5" as one and a half, in the editor and in the register', async () => {
    const { page } = owner
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    const influence = page.getByTestId('field-influence')
    await influence.fill('1,5')
    await influence.press('Tab')
    await expect
      .poll(async () => (await serverRecord(server, map, 'Cacaoboeren in Ghana'))?.influence)
      .toBe(1.5)
    expect(await influence.inputValue()).toBe('1,5')
    expect(await influence.getAttribute('aria-invalid')).toBeNull()

    await page.getByRole('tab', { name: 'Register' }).click()
    const cell = page.locator('tr', { hasText: 'Cacaoboeren' }).getByTestId('register-impact')
    await cell.fill('4,5')
    await cell.press('Enter')
    await expect
      .poll(async () => (await serverRecord(server, map, 'Cacaoboeren in Ghana'))?.impact)
      .toBe(4.5)
    await cell.fill('7')
    await cell.press('Enter')
    await expect.poll(() => cell.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('.register .field__error').textContent()).toBe(
      'Vul een getal van 1 tot 5 in, zoals 3 of 2,5.',
    )
    expect(await cell.inputValue()).toBe('7')
    await cell.fill('4,5')
    await cell.press('Enter')
  })

  it('says in Dutch, at the field, what is wrong, and which scores take whole numbers', async () => {
    const { page } = owner
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    expect(await page.locator('#salience-scores-hint').textContent()).toContain(
      'hele getallen van 1 (laag) tot 5 (hoog)',
    )
    expect(await page.getByTestId('field-power').getAttribute('aria-describedby')).toContain(
      'salience-scores-hint',
    )
    await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click()
    await page
      .locator('fieldset.confidential')
      .getByLabel('Naam', { exact: true })
      .fill('Ama Mensah')
    const email = page.getByLabel('E-mail')
    await email.fill('ama.mensah')
    await email.press('Tab')
    const frame = page.locator('.field', { has: email })
    await expect
      .poll(() => frame.locator('.field__error').textContent())
      .toBe('Dit is geen e-mailadres (naam@voorbeeld.nl). Het is nog niet opgeslagen.')
    expect(await email.inputValue()).toBe('ama.mensah')
    await email.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fields-contact-error-nl.png` })
    await page.getByRole('button', { name: 'Dialoog toevoegen' }).click()
    const date = page.getByLabel('Datum', { exact: true })
    await date.fill('')
    // Tab moves between the day, month and year of a date input: leave it by a click.
    await page.getByLabel('Werkwijze', { exact: true }).click()
    await expect
      .poll(() => page.locator('.field', { has: date }).locator('.field__error').textContent())
      .toBe(
        'Een dialoog in het logboek heeft een datum nodig. Vul de datum in waarop die plaatsvond.',
      )
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fields-date-error-nl.png` })
  })

  it('shows a viewer no Add tab and no inputs, only the record as text', async () => {
    const { page } = viewer
    await expect.poll(() => page.getByRole('tab').allTextContents()).not.toContain('Toevoegen')
    await page.evaluate(async () => {
      const editor = (
        window as unknown as {
          editor: TestEditor & { select(id: string): void }
        }
      ).editor
      const card = editor.getCurrentPageShapes().find((shape) => shape.type === 'stakeholder-card')
      editor.select(card!.id)
    })
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    const body = page.locator('.side-panel__body')
    await expect.poll(() => body.textContent()).toContain('Cacaoboeren in Ghana')
    const controls = body.locator('input, textarea, select, button')
    expect(await controls.evaluateAll((all) => all.map((e) => e.outerHTML))).toEqual([])
    await page.getByRole('tab', { name: 'Register' }).click()
    await body.locator('tr', { hasText: 'Cacaoboeren' }).waitFor()
    // Sorting and filtering stay; the scores are text.
    expect(await body.locator('table').locator('input, textarea, select').count()).toBe(0)
  })
})
