/**
 * What the board tells a new user, driven in real Chromium: the hint on an empty board and
 * its actions, the legend, the model's warnings marked on the cards (also zoomed out), the
 * style panel only when something can be styled, and the register's sortable headers, text
 * search and "show on the board".
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  waitForCameraToSettle,
  waitForMapReady,
  zoomToFit,
} from './browserFixture'
import { cardsOf, stakeholderIdOf } from './boardHelpers'

type Page = TrackedPage['page']

const SCREENSHOT_DIR = '.tmp/screenshots'

/** The element that has keyboard focus: its id, test id, value and where it is. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null
    return {
      id: element?.id ?? '',
      testId: element?.getAttribute('data-testid') ?? '',
      value: element?.value ?? '',
      inEditor: !!element?.closest('.stakeholder-form'),
    }
  })
}

/** The names in the register's rows, top to bottom. */
function registerNames(page: Page) {
  return page.locator('.register tbody th[scope="row"] button').allTextContents()
}

describe('guidance on the board and in the register', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let owner: TrackedPage
  let viewer: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cobalt from Congo')
    owner = await openTrackedPage(browser, server.url)
    viewer = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await viewer.page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
    await waitForMapReady(owner.page)
    await waitForMapReady(viewer.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens without tldraw’s style panel over the board', async () => {
    const { page } = owner
    await page.waitForTimeout(500)
    expect(await page.getByTestId('style.panel').count()).toBe(0)
  })

  it('an empty board says what to do first, and its actions lead there', async () => {
    const { page } = owner
    const hint = page.getByTestId('empty-hint')
    await hint.waitFor()
    expect(await hint.textContent()).toContain('Start by adding your stakeholders')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-empty-hint.png` })
    // The legend opens where the hint is: the hint steps aside, and comes back after.
    await page.getByTestId('legend-toggle').click()
    await expect.poll(() => hint.isVisible()).toBe(false)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-empty-legend.png` })
    await page.getByTestId('legend-toggle').click()
    await expect.poll(() => hint.isVisible()).toBe(true)
    // A viewer cannot add anything: it is only told the map is empty, in Dutch.
    const viewerHint = viewer.page.getByTestId('empty-hint')
    await viewerHint.waitFor()
    expect(await viewerHint.textContent()).toContain('Nog niets op deze kaart')
    expect(await viewerHint.getByRole('button', { name: 'Stakeholder toevoegen' }).count()).toBe(0)

    await hint.getByRole('button', { name: 'Paste a list' }).click()
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('quick-add-list')
    await page.keyboard.type('Artisanal miners in Kolwezi\nChildren in mining communities\nAmnesty')
    await page.getByRole('button', { name: 'Add 3 stakeholders' }).click()
    // With something on the board the hint is gone, for everyone.
    await expect.poll(() => hint.count()).toBe(0)
    await expect.poll(() => viewerHint.count()).toBe(0)
  })

  it('stays dismissed on this map once closed', async () => {
    const other = await createMapViaApi(server.url, 'Second map')
    const { page } = owner
    await page.goto(shareLinkFor(server.url, other.id, other.tokens.owner))
    await waitForMapReady(page)
    const hint = page.getByTestId('empty-hint')
    await hint.getByRole('button', { name: 'Add a stakeholder' }).click()
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('quick-add-name')
    await hint.getByRole('button', { name: 'Close this hint' }).click()
    await expect.poll(() => hint.count()).toBe(0)
    await page.reload()
    await waitForMapReady(page)
    await page.waitForTimeout(500)
    expect(await hint.count()).toBe(0)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(page)
    await page.locator('.stakeholder-card').first().waitFor()
  })

  it('shows tldraw’s style panel for a sticky note, not for a stakeholder card', async () => {
    const { page } = owner
    await zoomToFit(page)
    const [card] = await cardsOf(page, await stakeholderIdOf(page, 'Amnesty'))
    const centre = await shapeCentreOnScreen(page, card!.id)
    await page.mouse.click(centre.x, centre.y)
    await page.getByTestId('field-name').waitFor()
    expect(await page.getByTestId('style.panel').count()).toBe(0)
    const noteId = await page.evaluate(() => {
      const editor = (
        window as unknown as {
          editor: TestEditor & {
            createShape(shape: object): void
            select(id: string): void
            getCurrentPageShapes(): { id: string; type: string }[]
          }
        }
      ).editor
      editor.createShape({ type: 'note', x: -600, y: -400 })
      const note = editor.getCurrentPageShapes().find((shape) => shape.type === 'note')!
      editor.select(note.id)
      return note.id
    })
    await page.getByTestId('style.panel').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('style.panel').count()).toBe(0)
    await page.evaluate((id) => {
      ;(window as unknown as { editor: { deleteShapes(ids: string[]): void } }).editor.deleteShapes(
        [id],
      )
    }, noteId)
  })

  it('marks a card whose record the model warns about, named for screen readers, in Dutch too', async () => {
    const { page } = owner
    await zoomToFit(page)
    const id = await stakeholderIdOf(page, 'Children in mining communities')
    const card = page.locator(`.stakeholder-card[data-stakeholder-id="${id}"]`)
    expect(await card.getByTestId('card-alert').count()).toBe(0)
    const [shape] = await cardsOf(page, id)
    const centre = await shapeCentreOnScreen(page, shape!.id)
    await page.mouse.click(centre.x, centre.y)
    await page.getByTestId('field-affected').check()
    await page.getByTestId('field-vulnerable').check()

    // Affected with no engagement and no impact recorded, vulnerable with no barriers noted.
    const badge = card.getByRole('img', { name: /^Points of attention \(3\)/ })
    await badge.waitFor()
    const label = (await badge.getAttribute('aria-label'))!
    expect(label).toContain('Affected stakeholder with no engagement recorded')
    expect(label).toContain('Vulnerable: record how barriers to engagement were lowered')
    // What the panel lists as information (e.g. no scores yet) is not marked on the board.
    expect(label).not.toContain('not assessed')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-alert-badge.png` })

    // The viewer, in Dutch, sees it too; zoomed out, the card's own label names the warnings.
    const viewerCard = viewer.page.locator(`.stakeholder-card[data-stakeholder-id="${id}"]`)
    await viewerCard.getByRole('img', { name: /^Aandachtspunten \(3\)/ }).waitFor()
    await viewer.page.evaluate(() => {
      const editor = (
        window as unknown as {
          editor: {
            getViewportPageBounds(): { center: { x: number; y: number } }
            getViewportScreenBounds(): { w: number; h: number }
            setCamera(camera: { x: number; y: number; z: number }): void
          }
        }
      ).editor
      const centre = editor.getViewportPageBounds().center
      const { w, h } = editor.getViewportScreenBounds()
      editor.setCamera({ x: w / 2 / 0.2 - centre.x, y: h / 2 / 0.2 - centre.y, z: 0.2 })
    })
    await waitForCameraToSettle(viewer.page)
    await expect
      .poll(() => viewerCard.getAttribute('aria-label'))
      .toMatch(
        /^Children in mining communities: Saillantie niet beoordeeld\. Aandachtspunten \(3\): /,
      )
    expect(await viewerCard.getByTestId('card-alert').count()).toBe(1)

    // Recording an impact answers one of them: the badge follows the record.
    await page.getByRole('button', { name: 'Add impact' }).click()
    await expect
      .poll(() =>
        card.getByRole('img', { name: /^Points of attention/ }).getAttribute('aria-label'),
      )
      .toMatch(/^Points of attention \(2\)/)
  })

  it('opens a legend of colours, badges and quadrants, in the reader’s language', async () => {
    const { page } = viewer
    await page.getByRole('button', { name: 'Legenda' }).click()
    const legend = page.getByRole('region', { name: 'Legenda' })
    await legend.waitFor()
    const text = await legend.textContent()
    for (const words of [
      'Definitief',
      'Geen stakeholder',
      'Saillantie niet beoordeeld',
      'Geraakt',
      'Kwetsbaar',
      'Aandachtspunten',
      'Versterken en betrekken',
      'Nauw betrekken',
    ]) {
      expect(text).toContain(words)
    }
    // On a projector: no text in the legend below 14 px.
    const smallest = await legend.evaluate((element) =>
      Math.min(
        ...[...element.querySelectorAll('*')]
          .filter((child) => child.childNodes.length && child.textContent?.trim())
          .map((child) => parseFloat(getComputedStyle(child).fontSize)),
      ),
    )
    expect(smallest).toBeGreaterThanOrEqual(14)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-legend-nl.png` })
    await page.keyboard.press('Escape')
    await expect.poll(() => legend.count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Legenda' }).getAttribute('aria-expanded')).toBe(
      'false',
    )
  })

  it('sorts the register from its column headers, by mouse or keyboard, and says how', async () => {
    const { page } = owner
    await page.getByRole('tab', { name: 'Register' }).click()
    const rows = page.locator('.register tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    for (const [name, power, influence] of [
      ['Amnesty', '4', '4'],
      ['Artisanal miners in Kolwezi', '2', '1.5'],
      ['Children in mining communities', '', ''],
    ] as const) {
      const row = page.locator('tr', { hasText: name })
      if (power) await row.getByTestId('register-power').selectOption(power)
      if (influence) {
        await row.getByTestId('register-influence').fill(influence)
        await row.getByTestId('register-influence').press('Enter')
      }
    }
    const nameHeader = page.locator('th', { has: page.getByTestId('register-sort-name') })
    const influenceHeader = page.locator('th', {
      has: page.getByTestId('register-sort-influence'),
    })
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('#')

    await page.getByTestId('register-sort-name').click()
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending')
    expect(await registerNames(page)).toEqual([
      'Amnesty',
      'Artisanal miners in Kolwezi',
      'Children in mining communities',
    ])
    // The keyboard: the header is a button, Enter sorts the other way.
    await page.getByTestId('register-sort-name').focus()
    await page.keyboard.press('Enter')
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending')
    expect((await registerNames(page))[0]).toBe('Children in mining communities')

    // Scores sort highest first; the unscored come last.
    await page.getByTestId('register-sort-influence').focus()
    await page.keyboard.press('Space')
    expect(await influenceHeader.getAttribute('aria-sort')).toBe('descending')
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none')
    expect(await registerNames(page)).toEqual([
      'Amnesty',
      'Artisanal miners in Kolwezi',
      'Children in mining communities',
    ])
    await page.screenshot({ path: `${SCREENSHOT_DIR}/register-sorted.png` })
  })

  it('searches the register by name, category, region and notes', async () => {
    const { page } = owner
    const search = page.getByRole('searchbox', { name: 'Search' })
    await search.fill('kolwezi')
    expect(await registerNames(page)).toEqual(['Artisanal miners in Kolwezi'])
    await page.getByText('1 of 3 stakeholders').waitFor()
    // A category's label in the reader's language.
    await search.fill('other')
    expect((await registerNames(page)).length).toBe(3)
    await search.fill('mining children')
    expect(await registerNames(page)).toEqual(['Children in mining communities'])
    await search.fill('Ghana')
    expect(await registerNames(page)).toEqual([])
    await page.getByText('nothing matches “Ghana”').waitFor()
    await search.fill('')
  })

  it('“show on the board” centres the card, opens its editor and moves the focus there', async () => {
    const { page } = owner
    await page.getByRole('button', { name: 'Show Amnesty on the board' }).click()
    await expect
      .poll(() => focused(page), { timeout: 5000 })
      .toMatchObject({ testId: 'field-name', value: 'Amnesty', inEditor: true })
    await waitForCameraToSettle(page)
    const id = await stakeholderIdOf(page, 'Amnesty')
    const [card] = await cardsOf(page, id)
    const { cardCentre, viewCentre, selected } = await page.evaluate((shapeId) => {
      const editor = (
        window as unknown as {
          editor: TestEditor & {
            getViewportScreenBounds(): { center: { x: number; y: number } }
            getSelectedShapeIds(): string[]
          }
        }
      ).editor
      return {
        cardCentre: editor.pageToScreen(editor.getShapePageBounds(shapeId)!.center),
        viewCentre: editor.getViewportScreenBounds().center,
        selected: editor.getSelectedShapeIds(),
      }
    }, card!.id)
    expect(selected).toEqual([card!.id])
    expect(Math.abs(cardCentre.x - viewCentre.x)).toBeLessThan(2)
    expect(Math.abs(cardCentre.y - viewCentre.y)).toBeLessThan(2)
    // Typing goes to the record, not to the canvas's shortcuts.
    await page.keyboard.press('End')
    await page.keyboard.type(' International')
    await page.keyboard.press('Tab')
    await page.locator('.stakeholder-card', { hasText: 'Amnesty International' }).waitFor()
  })

  it('made no request outside its own origin', () => {
    expect(owner.foreignRequests).toEqual([])
    expect(viewer.foreignRequests).toEqual([])
  })
})
