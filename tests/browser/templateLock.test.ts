/**
 * The template lock in use, in Dutch (issue 19): the facilitator locks the template, and an
 * editor still drags a card inside the locked matrix (its scores change), drops new cards
 * into the locked matrix and salience diagram, and cannot move the matrix itself; the
 * editor's socket stays connected throughout, so nothing honest hits the server's check
 * (server/rooms/checkTemplateLock.ts, client/workshop/keepLockedTemplateStill.ts). A map
 * locked by the earlier version (tldraw's own lock on the boards and cards, which froze the
 * cards) comes free once the facilitator opens it (client/workshop/clearOldTemplateLocks.ts).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { TLDRAW_RECORDS_MAP } from '../../shared/document/mapDocumentLayout'
import { pointForScores } from '../../client/shapes/influence-impact-matrix/matrixGeometry'
import { classAt, regionAnchor } from '../../client/shapes/salience-diagram/salienceGeometry'
import {
  type AppServer,
  type CreatedMap,
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
import {
  type PageShape,
  boardPointOnScreen,
  cardsOf,
  shapesOfType,
  stakeholderIdOf,
} from './boardHelpers'

type Page = TrackedPage['page']

const SCREENSHOT_DIR = '.tmp/screenshots'

const size = (board: PageShape) => ({ w: board.props.w as number, h: board.props.h as number })

const centreOf = (card: PageShape) => ({
  x: card.x + (card.props.w as number) / 2,
  y: card.y + (card.props.h as number) / 2,
})

async function boards(page: Page) {
  const [matrix] = await shapesOfType(page, 'influence-impact-matrix')
  const [diagram] = await shapesOfType(page, 'salience-diagram')
  return { matrix: matrix!, diagram: diagram! }
}

/** Drags the card of `stakeholderId` to the matrix point of `scores`. */
async function dragToScores(
  page: Page,
  stakeholderId: string,
  scores: { influence: number; impact: number },
) {
  const { matrix } = await boards(page)
  const [card] = await cardsOf(page, stakeholderId)
  const aim = await boardPointOnScreen(
    page,
    matrix.id,
    pointForScores(scores, size(matrix).w, size(matrix).h),
  )
  await dragOnScreen(page, await shapeCentreOnScreen(page, card!.id), aim)
}

describe('een vergrendeld sjabloon: de kaarten blijven vrij', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let fatima: TrackedPage
  let ann: TrackedPage
  const ids = new Map<string, string>()

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cacaoketen')
    fatima = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Fatima' })
    ann = await openTrackedPage(browser, server.url, { locale: 'nl-NL', name: 'Ann' })
    await fatima.page.goto(shareLinkFor(server.url, map.id, map.tokens.facilitator))
    await ann.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(fatima.page)
    await waitForMapReady(ann.page)
    const { page } = fatima
    await page.getByRole('tab', { name: 'Toevoegen' }).click()
    await page
      .getByLabel('Of plak een lijst, één naam per regel')
      .fill('Cacaoboeren\nRabobank\nVakbond FNV')
    await page.getByRole('button', { name: '3 stakeholders toevoegen' }).click()
    await page.getByRole('button', { name: 'Invloed × impact-matrix' }).click()
    await page.getByRole('button', { name: 'Saillantiediagram' }).click()
    for (const name of ['Cacaoboeren', 'Rabobank', 'Vakbond FNV']) {
      ids.set(name, await stakeholderIdOf(page, name))
    }
    for (const { page: p } of [fatima, ann]) {
      await p.locator('.salience').waitFor({ state: 'attached' })
      await p.getByRole('tab', { name: 'Stakeholder' }).click()
      await zoomToFit(p)
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('de facilitator vergrendelt het sjabloon terwijl er al een kaart in de matrix staat', async () => {
    // A card already in the matrix before the lock (earlier, the lock froze it there).
    await dragToScores(ann.page, ids.get('Cacaoboeren')!, { influence: 2, impact: 2 })
    const row = fatima.page.locator('tr', { hasText: 'Cacaoboeren' })
    await fatima.page.getByRole('tab', { name: 'Register' }).click()
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('2')
    await fatima.page.getByRole('tab', { name: 'Workshop' }).click()
    await fatima.page
      .getByRole('checkbox', { name: 'Vlakken en borden van het sjabloon vastzetten' })
      .check()
    // The lock has reached Ann's browser when her matrix can no longer be selected.
    await expect
      .poll(async () => {
        const { matrix } = await boards(ann.page)
        return ann.page.evaluate((id) => {
          const editor = (
            window as unknown as {
              editor: {
                select(id: string): void
                getSelectedShapeIds(): string[]
                selectNone(): void
              }
            }
          ).editor
          editor.select(id)
          const selected = editor.getSelectedShapeIds().length
          editor.selectNone()
          return selected
        }, matrix.id)
      })
      .toBe(0)
  })

  it('een deelnemer sleept een kaart binnen de vergrendelde matrix en de scores veranderen', async () => {
    const id = ids.get('Cacaoboeren')!
    await dragToScores(ann.page, id, { influence: 4.5, impact: 4 })
    const row = fatima.page.locator('tr', { hasText: 'Cacaoboeren' })
    await fatima.page.getByRole('tab', { name: 'Register' }).click()
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('4,5')
    expect(await row.getByTestId('register-impact').inputValue()).toBe('4')
    const { matrix } = await boards(ann.page)
    const [card] = await cardsOf(ann.page, id)
    const point = pointForScores({ influence: 4.5, impact: 4 }, size(matrix).w, size(matrix).h)
    expect(card!.board).toBe('influence-impact-matrix')
    expect(Math.abs(centreOf(card!).x - point.x)).toBeLessThan(1)
    await ann.page.screenshot({ path: `${SCREENSHOT_DIR}/template-lock-card-moved.png` })
  })

  it('nieuwe kaarten vallen in de vergrendelde matrix en het saillantiediagram', async () => {
    await dragToScores(ann.page, ids.get('Rabobank')!, { influence: 1.5, impact: 4.5 })
    const row = fatima.page.locator('tr', { hasText: 'Rabobank' })
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('1,5')
    expect(await row.getByTestId('register-impact').inputValue()).toBe('4,5')

    const union = ids.get('Vakbond FNV')!
    const { diagram } = await boards(ann.page)
    const [card] = await cardsOf(ann.page, union)
    const target = await boardPointOnScreen(
      ann.page,
      diagram.id,
      regionAnchor('definitive', size(diagram).w, size(diagram).h),
    )
    await dragOnScreen(ann.page, await shapeCentreOnScreen(ann.page, card!.id), target)
    await expect
      .poll(async () => (await cardsOf(fatima.page, union)).map((c) => c.board))
      .toEqual(['salience-diagram'])
    // The board can arrive before the drop's last position does: wait for where it ends.
    await expect
      .poll(async () => {
        const [inDiagram] = await cardsOf(fatima.page, union)
        return classAt(centreOf(inDiagram!), size(diagram).w, size(diagram).h)
      })
      .toBe('definitive')
  })

  it('de deelnemer kan de vergrendelde matrix niet verplaatsen', async () => {
    const { page } = ann
    const { matrix: before } = await boards(page)
    // A drag from the matrix's edge, as one would grab it.
    const edge = await boardPointOnScreen(page, before.id, { x: size(before).w / 2, y: 2 })
    await dragOnScreen(page, edge, { x: edge.x + 150, y: edge.y + 120 })
    // Selecting it and nudging with the arrow keys, and a change from the console.
    await page.evaluate((id) => {
      const editor = (
        window as unknown as {
          editor: {
            select(id: string): void
            getShape(id: string): { type: string; x: number } | undefined
            updateShape(partial: { id: string; type: string; x: number }): void
          }
        }
      ).editor
      editor.select(id)
      const shape = editor.getShape(id)!
      editor.updateShape({ id, type: shape.type, x: shape.x + 300 })
    }, before.id)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Delete')
    await page.waitForTimeout(500)
    for (const { page: p } of [fatima, ann]) {
      const { matrix } = await boards(p)
      expect({ x: matrix.x, y: matrix.y, ...size(matrix) }).toEqual({
        x: before.x,
        y: before.y,
        ...size(before),
      })
    }
    // Ann's browser never sent what the server would refuse: still connected.
    expect(await page.getByTestId('connection-status').getAttribute('data-status')).toBe(
      'connected',
    )
    expect(ann.errors).toEqual([])
  })

  it('een kaart die een eerdere versie vastzette, komt vrij zodra de facilitator de kaart opent', async () => {
    const id = ids.get('Cacaoboeren')!
    const { matrix, diagram } = await boards(ann.page)
    const [card] = await cardsOf(ann.page, id)
    // What the earlier version's lock left in a map: tldraw's own lock on boards and cards.
    const old = new WebsocketProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      map.id,
      new Y.Doc(),
      {
        params: { token: map.tokens.facilitator },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    )
    await expect.poll(() => old.synced).toBe(true)
    const records = old.doc.getMap<Record<string, unknown>>(TLDRAW_RECORDS_MAP)
    old.doc.transact(() => {
      for (const shapeId of [matrix.id, diagram.id, card!.id]) {
        records.set(shapeId, { ...records.get(shapeId), isLocked: true })
      }
    })
    const frozen = (shapeId: string) =>
      ann.page.evaluate(
        (shapeId) =>
          (
            window as unknown as { editor: { isShapeOrAncestorLocked(id: string): boolean } }
          ).editor.isShapeOrAncestorLocked(shapeId),
        shapeId,
      )
    // Frozen as in such a map: Ann could not move the card.
    await expect.poll(() => frozen(card!.id)).toBe(true)
    old.destroy()

    await fatima.page.reload()
    await waitForMapReady(fatima.page)
    for (const shapeId of [card!.id, matrix.id, diagram.id]) {
      await expect.poll(() => frozen(shapeId)).toBe(false)
    }
    // The template lock itself is still on, and the card moves with its scores.
    await fatima.page.getByRole('tab', { name: 'Workshop' }).click()
    expect(
      await fatima.page
        .getByRole('checkbox', { name: 'Vlakken en borden van het sjabloon vastzetten' })
        .isChecked(),
    ).toBe(true)
    await dragToScores(ann.page, id, { influence: 2, impact: 1 })
    await fatima.page.getByRole('tab', { name: 'Register' }).click()
    const row = fatima.page.locator('tr', { hasText: 'Cacaoboeren' })
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('2')
    expect(await row.getByTestId('register-impact').inputValue()).toBe('1')
    expect(await ann.page.getByTestId('connection-status').getAttribute('data-status')).toBe(
      'connected',
    )
    expect(fatima.errors).toEqual([])
  })
})
