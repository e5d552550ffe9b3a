import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personalOffset } from '../../client/canvas/boardActions'
import { pointForScores } from '../../client/shapes/influence-impact-matrix/matrixGeometry'
import { regionAnchor } from '../../client/shapes/salience-diagram/salienceGeometry'
import {
  type AppServer,
  type CreatedMap,
  type TestEditor,
  type TrackedPage,
  createMapViaApi,
  dragOnScreen,
  launchChromium,
  openTrackedPage,
  shapeCentreOnScreen,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
  zoomToFit,
} from './browserFixture'

const SCREENSHOT_DIR = '.tmp/screenshots'
/** The two people's ids: known, so that where their new cards go is known too. */
const ALICE = 'alice-0000-4000-8000-000000000001'
const BOB = 'bob-0000-4000-8000-000000000002'
const CAROL = 'carol-000-4000-8000-000000000003'

/** Shapes of one type on the page open in `page`. */
function shapesOfType(page: TrackedPage['page'], type: string) {
  return page.evaluate(
    (wanted) =>
      (window as unknown as { editor: TestEditor }).editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === wanted),
    type,
  )
}

/** Screen point of a point given in a container shape's own coordinates. */
function containerPointOnScreen(
  page: TrackedPage['page'],
  containerId: string,
  local: { x: number; y: number },
) {
  return page.evaluate(
    ({ id, point }) => {
      const editor = (window as unknown as { editor: TestEditor }).editor
      const bounds = editor.getShapePageBounds(id)!
      return editor.pageToScreen({ x: bounds.x + point.x, y: bounds.y + point.y })
    },
    { id: containerId, point: local },
  )
}

/** The shape id of the card that shows the stakeholder called `name`. */
async function cardShapeId(page: TrackedPage['page'], name: string): Promise<string> {
  const id = await page
    .locator('.tl-shape', { has: page.locator('.stakeholder-card', { hasText: name }) })
    .getAttribute('data-shape-id')
  if (!id) throw new Error(`no card for ${name}`)
  return id
}

describe('the stakeholder canvas, driven with real clicks and drags', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let alice: TrackedPage
  let bob: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cocoa supply chain')
    alice = await openTrackedPage(browser, server.url, { userId: ALICE })
    bob = await openTrackedPage(browser, server.url, { userId: BOB })
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await bob.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(alice.page)
    await waitForMapReady(bob.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates a stakeholder card from the Add panel, for everyone', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Cocoa farmers in Ghana')
    await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await page.locator('.stakeholder-card', { hasText: 'Cocoa farmers in Ghana' }).waitFor()
    await bob.page.locator('.stakeholder-card', { hasText: 'Cocoa farmers in Ghana' }).waitFor()
    // The new card is selected, so the editor shows its record.
    await expect
      .poll(() => page.getByTestId('field-name').inputValue())
      .toBe('Cocoa farmers in Ghana')
  })

  it('dragging the card into the matrix sets its influence, impact and quadrant', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByRole('button', { name: 'Influence × impact matrix' }).click()
    await zoomToFit(page)
    const [card] = await shapesOfType(page, 'stakeholder-card')
    const [matrix] = await shapesOfType(page, 'influence-impact-matrix')
    const w = matrix!.props.w as number
    const h = matrix!.props.h as number
    const target = await containerPointOnScreen(
      page,
      matrix!.id,
      pointForScores({ influence: 4.5, impact: 4.5 }, w, h),
    )
    await dragOnScreen(page, await shapeCentreOnScreen(page, card!.id), target)

    const cardLocator = page.locator('.stakeholder-card', { hasText: 'Cocoa farmers in Ghana' })
    await expect
      .poll(() => cardLocator.getAttribute('data-quadrant'), { timeout: 5000 })
      .toBe('manage-closely')
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    const influence = Number(await page.getByTestId('field-influence').inputValue())
    const impact = Number(await page.getByTestId('field-impact').inputValue())
    // Within a few pixels of where it was dropped, on a 1–5 scale.
    expect(influence).toBeGreaterThan(4.3)
    expect(influence).toBeLessThan(4.7)
    expect(impact).toBeGreaterThan(4.3)
    expect(impact).toBeLessThan(4.7)
    expect(await page.getByTestId('model-quadrant').textContent()).toBe('Manage closely')
    const moved = await page.evaluate(
      (id) => (window as unknown as { editor: TestEditor }).editor.getShape(id),
      card!.id,
    )
    expect(moved?.parentId).toBe(matrix!.id)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/canvas-matrix.png` })
  })

  it('editing a score in the register moves the card in a second browser', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Register' }).click()
    const row = page.locator('tr', { hasText: 'Cocoa farmers in Ghana' })
    await row.getByTestId('register-influence').fill('1.5')
    await row.getByTestId('register-influence').press('Enter')
    await expect
      .poll(() => row.getByTestId('register-quadrant').textContent())
      .toBe('Empower and engage')

    const [matrix] = await shapesOfType(bob.page, 'influence-impact-matrix')
    const expected = pointForScores(
      { influence: 1.5, impact: Number(await row.getByTestId('register-impact').inputValue()) },
      matrix!.props.w as number,
      matrix!.props.h as number,
    )
    await expect
      .poll(
        async () => {
          const [card] = await shapesOfType(bob.page, 'stakeholder-card')
          const centreY = card!.y + (card!.props.h as number) / 2
          return Math.abs(centreY - expected.y)
        },
        { timeout: 3000 },
      )
      .toBeLessThan(1)
    await expect
      .poll(() => bob.page.locator('.stakeholder-card').first().getAttribute('data-quadrant'))
      .toBe('empower')
  })

  it('dropping a card into a region of the salience diagram sets its attributes', async () => {
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page
      .getByLabel('Or paste a list, one name per line')
      .fill('- Trade union FNV\n- Rabobank\n')
    await page.getByRole('button', { name: 'Add 2 stakeholders' }).click()
    await page.getByRole('button', { name: 'Salience diagram' }).click()
    await zoomToFit(page)
    const cards = await shapesOfType(page, 'stakeholder-card')
    const unionId = await cardShapeId(page, 'Trade union FNV')
    expect(cards.length).toBe(3)
    const [diagram] = await shapesOfType(page, 'salience-diagram')
    const anchor = regionAnchor(
      'definitive',
      diagram!.props.w as number,
      diagram!.props.h as number,
    )
    const target = await containerPointOnScreen(page, diagram!.id, anchor)
    await dragOnScreen(page, await shapeCentreOnScreen(page, unionId), target)

    const unionCard = page.locator('.stakeholder-card', { hasText: 'Trade union FNV' })
    await expect
      .poll(() => unionCard.getAttribute('data-salience'), { timeout: 5000 })
      .toBe('definitive')
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    for (const attribute of ['power', 'legitimacy', 'urgency']) {
      expect(
        Number(await page.getByTestId(`field-${attribute}`).inputValue()),
      ).toBeGreaterThanOrEqual(3)
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/canvas-salience.png` })
  })

  it('deleting a card asks whether to remove the stakeholder or only the card', async () => {
    const { page } = alice
    const rabobank = page.locator('.stakeholder-card', { hasText: 'Rabobank' })
    const shapeId = await cardShapeId(page, 'Rabobank')
    const centre = await shapeCentreOnScreen(page, shapeId)
    await page.mouse.click(centre.x, centre.y)
    await page.keyboard.press('Delete')
    await page.getByTestId('delete-card-only').click()
    await expect.poll(() => rabobank.count()).toBe(0)
    await page.getByRole('tab', { name: 'Register' }).click()
    await page.locator('tr', { hasText: 'Rabobank' }).waitFor()
    // The register shows it has no card any more when asked to find it.
    await page.getByRole('button', { name: 'Show Rabobank on the board' }).click()
    await page.getByText('No card on the board').waitFor()
  })

  it('two people adding a card at the same moment do not hide each other’s', async () => {
    // The two place their cards at one free spot, each nudged by their own offset.
    expect(personalOffset(ALICE)).not.toEqual(personalOffset(BOB))
    // Offline for a moment, Bob cannot see Alice's new card before placing his own.
    await bob.context.setOffline(true)
    await expect
      .poll(() => bob.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('offline')
    for (const [{ page }, name] of [
      [alice, 'Added by Alice'],
      [bob, 'Added by Bob'],
    ] as const) {
      await zoomToFit(page)
      await page.getByRole('tab', { name: 'Add' }).click()
      await page.getByLabel('Name', { exact: true }).fill(name)
      await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    }
    await bob.context.setOffline(false)
    for (const { page } of [alice, bob]) {
      // A card exactly under another is drawn as an empty box: both must show their names.
      for (const name of ['Added by Alice', 'Added by Bob']) {
        await page
          .locator('.stakeholder-card', { hasText: name })
          .waitFor({ state: 'attached', timeout: 20_000 })
      }
    }
    const [aliceCard, bobCard] = await Promise.all(
      ['Added by Alice', 'Added by Bob'].map((name) => cardShapeId(alice.page, name)),
    )
    expect(await shapeCentreOnScreen(alice.page, aliceCard!)).not.toEqual(
      await shapeCentreOnScreen(alice.page, bobCard!),
    )
  })

  it('a browser whose local copy holds a deletion of content nobody has still saves its edits', async () => {
    // Carol's local copy (IndexedDB) holds a deletion of an edit that exists nowhere, as an
    // edit lost with a dead server could leave behind. Every sync sends it along, and the
    // server refuses updates that refer to content it does not know.
    const carol = await openTrackedPage(browser, server.url, { userId: CAROL })
    const { page } = carol
    await page.goto(server.url)
    await page.evaluate(async (mapId) => {
      // y-indexeddb's layout: an 'updates' store of Yjs updates and a 'custom' store.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(`stakeholder-canvas:${mapId}`)
        request.onupgradeneeded = () => {
          request.result.createObjectStore('updates', { autoIncrement: true })
          request.result.createObjectStore('custom')
        }
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      // No structs; deletes clock 0 of client 12345 (varuint 0xB9 0x60).
      const deletion = new Uint8Array([0, 1, 0xb9, 0x60, 1, 0, 1])
      await new Promise((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite')
        transaction.objectStore('updates').add(deletion)
        transaction.oncomplete = resolve
        transaction.onerror = reject
      })
      db.close()
    }, map.id)
    await page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(page)
    // The local copy is loaded once y-indexeddb has added its own first record beside ours.
    await expect
      .poll(() =>
        page.evaluate(
          (mapId) =>
            new Promise<number>((resolve) => {
              const request = indexedDB.open(`stakeholder-canvas:${mapId}`)
              request.onsuccess = () => {
                const count = request.result.transaction('updates').objectStore('updates').count()
                count.onsuccess = () => {
                  resolve(count.result)
                  request.result.close()
                }
              }
            }),
          map.id,
        ),
      )
      .toBeGreaterThan(1)
    // A server restart: every client syncs afresh, Carol's sync carrying the deletion, and
    // what she adds meanwhile travels with it.
    await server.restart()
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Added by Carol')
    await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await alice.page
      .locator('.stakeholder-card', { hasText: 'Added by Carol' })
      .waitFor({ state: 'attached', timeout: 15_000 })
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'))
      .toBe('connected')
    await carol.context.close()
  })

  it('switches the whole UI, tldraw included, to Dutch', async () => {
    const { page } = bob
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl')
    await page.getByRole('tab', { name: 'Toevoegen' }).waitFor()
    await expect
      .poll(() => page.locator('[data-testid="tools.select"]').getAttribute('aria-label'))
      .toMatch(/^Selecteer/)
    await expect
      .poll(() => page.locator('.stakeholder-card', { hasText: 'Trade union FNV' }).textContent())
      .toContain('Definitief')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/canvas-dutch.png` })
  })

  it('made no request outside its own origin', () => {
    expect(alice.foreignRequests).toEqual([])
    expect(bob.foreignRequests).toEqual([])
  })
})
