/**
 * A stakeholder on the matrix and on the salience diagram, driven with the real mouse in two
 * browsers: drags set half-point scores and say so while dragging, scores given in the
 * register or the editor put the stakeholder on the board that shows them, a card dragged
 * from one board to the other leaves its view behind, and deleting a view keeps the record
 * (client/canvas/showInBoard.ts, placeScoredStakeholders.ts, cardPlacement.ts).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  dragAndHold,
  shapesOfType,
  stakeholderIdOf,
} from './boardHelpers'

type Page = TrackedPage['page']

const SCREENSHOT_DIR = '.tmp/screenshots'

/** The matrix and the diagram of the map, as `page` has them. */
async function boards(page: Page) {
  const [matrix] = await shapesOfType(page, 'influence-impact-matrix')
  const [diagram] = await shapesOfType(page, 'salience-diagram')
  return { matrix: matrix!, diagram: diagram! }
}

const size = (board: PageShape) => ({ w: board.props.w as number, h: board.props.h as number })

/** Where the centre of `card` is, in its board's coordinates. */
const centreOf = (card: PageShape) => ({
  x: card.x + (card.props.w as number) / 2,
  y: card.y + (card.props.h as number) / 2,
})

/** The side panel at its narrow width (the register is wide) and every shape in view. */
async function viewWholeBoard(page: Page) {
  await page.getByRole('tab', { name: 'Stakeholder' }).click()
  await zoomToFit(page)
}

/** Clicks the centre of a card, which selects it and opens its editor. */
async function selectCard(page: Page, cardId: string) {
  const centre = await shapeCentreOnScreen(page, cardId)
  await page.mouse.click(centre.x, centre.y)
}

describe('one stakeholder, two boards: placed by its scores', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let alice: TrackedPage
  let bob: TrackedPage
  const ids = new Map<string, string>()

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Cocoa supply chain')
    alice = await openTrackedPage(browser, server.url)
    bob = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await alice.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await bob.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await waitForMapReady(alice.page)
    await waitForMapReady(bob.page)
    const { page } = alice
    await page.getByRole('tab', { name: 'Add' }).click()
    await page
      .getByLabel('Or paste a list, one name per line')
      .fill('Cocoa farmers\nRabobank\nTrade union FNV')
    await page.getByRole('button', { name: 'Add 3 stakeholders' }).click()
    await page.getByRole('button', { name: 'Influence × impact matrix' }).click()
    await page.getByRole('button', { name: 'Salience diagram' }).click()
    for (const name of ['Cocoa farmers', 'Rabobank', 'Trade union FNV']) {
      ids.set(name, await stakeholderIdOf(page, name))
    }
    for (const { page: p } of [alice, bob]) {
      await p.locator('.salience').waitFor({ state: 'attached' })
      await zoomToFit(p)
    }
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('a matrix drag shows the half-point scores it will set, and sets exactly those', async () => {
    const { page } = alice
    const { matrix } = await boards(page)
    const [card] = await cardsOf(page, ids.get('Cocoa farmers')!)
    const aim = await boardPointOnScreen(
      page,
      matrix.id,
      pointForScores({ influence: 4.38, impact: 3.8 }, size(matrix).w, size(matrix).h),
    )
    await dragAndHold(page, await shapeCentreOnScreen(page, card!.id), aim)
    const readout = page.getByTestId('matrix-drag-readout')
    await expect.poll(() => readout.textContent()).toBe('Influence 4.5 · impact 4Manage closely')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-drag-readout.png` })
    await page.mouse.up()
    await expect.poll(() => readout.count()).toBe(0)

    // The record gets the scores the readout said, and the card sits on their point.
    await page.getByRole('tab', { name: 'Register' }).click()
    const row = page.locator('tr', { hasText: 'Cocoa farmers' })
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('4.5')
    expect(await row.getByTestId('register-impact').inputValue()).toBe('4')
    const [dropped] = await cardsOf(page, ids.get('Cocoa farmers')!)
    const point = pointForScores({ influence: 4.5, impact: 4 }, size(matrix).w, size(matrix).h)
    expect(dropped!.board).toBe('influence-impact-matrix')
    expect(Math.abs(centreOf(dropped!).x - point.x)).toBeLessThan(1)
    expect(Math.abs(centreOf(dropped!).y - point.y)).toBeLessThan(1)
  })

  it('says the scores in Dutch, with a decimal comma, in a Dutch browser', async () => {
    const { page } = bob
    const { matrix } = await boards(page)
    const [card] = await cardsOf(page, ids.get('Cocoa farmers')!)
    const aim = await boardPointOnScreen(
      page,
      matrix.id,
      pointForScores({ influence: 2.1, impact: 4.6 }, size(matrix).w, size(matrix).h),
    )
    await dragAndHold(page, await shapeCentreOnScreen(page, card!.id), aim)
    await expect
      .poll(() => page.getByTestId('matrix-drag-readout').textContent())
      .toBe('Invloed 2 · impact 4,5Versterken en betrekken')
    await page.mouse.up()
    const row = alice.page.locator('tr', { hasText: 'Cocoa farmers' })
    await expect.poll(() => row.getByTestId('register-influence').inputValue()).toBe('2')
    expect(await row.getByTestId('register-impact').inputValue()).toBe('4.5')
  })

  it('scores given in the register move the card from the open canvas into the matrix, once, for everyone', async () => {
    const { page } = alice
    const id = ids.get('Rabobank')!
    expect((await cardsOf(page, id)).map((card) => card.board)).toEqual([null])
    const row = page.locator('tr', { hasText: 'Rabobank' })
    await row.getByTestId('register-influence').fill('4')
    await row.getByTestId('register-influence').press('Enter')
    // Influence alone gives no place in the matrix.
    await page.waitForTimeout(300)
    expect((await cardsOf(page, id)).map((card) => card.board)).toEqual([null])
    await row.getByTestId('register-impact').fill('2')
    await row.getByTestId('register-impact').press('Enter')

    const { matrix } = await boards(page)
    const point = pointForScores({ influence: 4, impact: 2 }, size(matrix).w, size(matrix).h)
    for (const { page: p } of [alice, bob]) {
      await expect
        .poll(async () => (await cardsOf(p, id)).map((card) => card.board), { timeout: 5000 })
        .toEqual(['influence-impact-matrix'])
      const [card] = await cardsOf(p, id)
      expect(Math.abs(centreOf(card!).x - point.x)).toBeLessThan(1)
      expect(Math.abs(centreOf(card!).y - point.y)).toBeLessThan(1)
    }
  })

  it('scores for the salience diagram show the stakeholder there too, as a second view', async () => {
    const { page } = alice
    await viewWholeBoard(page)
    const id = ids.get('Rabobank')!
    const [matrixCard] = await cardsOf(page, id)
    await selectCard(page, matrixCard!.id)
    const views = page.getByRole('region', { name: 'On the board' })
    await expect.poll(() => views.textContent()).toContain('In the influence × impact matrix')
    expect(await views.textContent()).toContain('Not in the salience diagram')
    await page.getByTestId('field-power').selectOption('5')
    await page.getByTestId('field-legitimacy').selectOption('4')

    const { diagram } = await boards(page)
    for (const { page: p } of [alice, bob]) {
      await expect
        .poll(async () => (await cardsOf(p, id)).map((card) => card.board).sort(), {
          timeout: 5000,
        })
        .toEqual(['influence-impact-matrix', 'salience-diagram'])
    }
    const inDiagram = (await cardsOf(page, id)).find((card) => card.board === 'salience-diagram')!
    expect(classAt(centreOf(inDiagram), size(diagram).w, size(diagram).h)).toBe('dominant')
    await expect.poll(() => views.textContent()).toContain('In the salience diagram')

    // Each board keeps following its own scores: a new influence moves only the matrix card.
    const row = () => page.locator('tr', { hasText: 'Rabobank' })
    await page.getByRole('tab', { name: 'Register' }).click()
    await row().getByTestId('register-influence').fill('2')
    await row().getByTestId('register-influence').press('Enter')
    const { matrix } = await boards(page)
    const point = pointForScores({ influence: 2, impact: 2 }, size(matrix).w, size(matrix).h)
    await expect
      .poll(async () => {
        const card = (await cardsOf(page, id)).find((c) => c.board === 'influence-impact-matrix')!
        return Math.round(centreOf(card).y - point.y)
      })
      .toBe(0)
    const after = (await cardsOf(page, id)).find((card) => card.board === 'salience-diagram')!
    expect({ x: after.x, y: after.y }).toEqual({ x: inDiagram.x, y: inDiagram.y })
  })

  it('a card dragged from the matrix into the salience diagram leaves its matrix card behind', async () => {
    const { page } = alice
    await viewWholeBoard(page)
    const id = ids.get('Cocoa farmers')!
    const [card] = await cardsOf(page, id)
    const { diagram, matrix } = await boards(page)
    const target = await boardPointOnScreen(
      page,
      diagram.id,
      regionAnchor('definitive', size(diagram).w, size(diagram).h),
    )
    await dragOnScreen(page, await shapeCentreOnScreen(page, card!.id), target)

    for (const { page: p } of [alice, bob]) {
      await expect
        .poll(async () => (await cardsOf(p, id)).map((c) => c.board).sort(), { timeout: 5000 })
        .toEqual(['influence-impact-matrix', 'salience-diagram'])
    }
    const cards = await cardsOf(page, id)
    const left = cards.find((c) => c.board === 'influence-impact-matrix')!
    const point = pointForScores({ influence: 2, impact: 4.5 }, size(matrix).w, size(matrix).h)
    expect(Math.abs(centreOf(left).x - point.x)).toBeLessThan(1)
    expect(Math.abs(centreOf(left).y - point.y)).toBeLessThan(1)
    // The drop scored power, legitimacy and urgency; influence and impact are untouched.
    const row = page.locator('tr', { hasText: 'Cocoa farmers' })
    await page.getByRole('tab', { name: 'Register' }).click()
    expect(await row.getByTestId('register-influence').inputValue()).toBe('2')
    await expect
      .poll(() => page.locator(`.stakeholder-card[data-stakeholder-id="${id}"]`).count())
      .toBe(2)
    expect(
      await page
        .locator(`.stakeholder-card[data-stakeholder-id="${id}"]`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-salience'))),
    ).toEqual(['definitive', 'definitive'])
    await page.screenshot({ path: `${SCREENSHOT_DIR}/board-two-views.png` })
  })

  it('deleting one view keeps the record and its other card; deleting the last one asks', async () => {
    const { page } = alice
    await viewWholeBoard(page)
    const id = ids.get('Cocoa farmers')!
    const inMatrix = (await cardsOf(page, id)).find((c) => c.board === 'influence-impact-matrix')!
    await selectCard(page, inMatrix.id)
    await page.keyboard.press('Delete')
    for (const { page: p } of [alice, bob]) {
      await expect
        .poll(async () => (await cardsOf(p, id)).map((c) => c.board))
        .toEqual(['salience-diagram'])
    }
    expect(await page.getByTestId('delete-card-only').count()).toBe(0)
    await page.getByRole('tab', { name: 'Register' }).click()
    expect(await page.locator('tr', { hasText: 'Cocoa farmers' }).count()).toBe(1)

    await viewWholeBoard(page)
    const [last] = await cardsOf(page, id)
    await selectCard(page, last!.id)
    await page.keyboard.press('Delete')
    await page.getByTestId('delete-card-only').waitFor()
    await page.getByRole('button', { name: 'Cancel' }).click()
    expect((await cardsOf(page, id)).length).toBe(1)
  })

  it('the editor shows a stakeholder on a board that does not show it, in one click', async () => {
    const { page } = alice
    await viewWholeBoard(page)
    const id = ids.get('Cocoa farmers')!
    const [card] = await cardsOf(page, id)
    await selectCard(page, card!.id)
    await page.getByRole('button', { name: 'Show in the matrix' }).click()
    await expect
      .poll(async () => (await cardsOf(page, id)).map((c) => c.board).sort())
      .toEqual(['influence-impact-matrix', 'salience-diagram'])
    // Undo takes the new view away again: it was an action of its own.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+z')
    await expect
      .poll(async () => (await cardsOf(page, id)).map((c) => c.board))
      .toEqual(['salience-diagram'])

    // A stakeholder without scores is told how to get there, and no button is offered.
    const [union] = await cardsOf(page, ids.get('Trade union FNV')!)
    await selectCard(page, union!.id)
    const views = page.getByRole('region', { name: 'On the board' })
    await expect
      .poll(() => views.textContent())
      .toContain('Not in the matrix: score influence and impact, or drag the card into it.')
    expect(await views.getByRole('button').count()).toBe(0)
  })

  it('a power score alone moves the loose card into the diagram and scores nothing else', async () => {
    const { page } = alice
    await viewWholeBoard(page)
    const id = ids.get('Trade union FNV')!
    const [card] = await cardsOf(page, id)
    expect(card!.board).toBeNull()
    await selectCard(page, card!.id)
    await page.getByTestId('field-power').selectOption('4')
    await expect
      .poll(async () => (await cardsOf(page, id)).map((c) => c.board))
      .toEqual(['salience-diagram'])

    // Being put there for the user is not the group's judgement of the other two attributes.
    await page.waitForTimeout(500)
    const response = await fetch(`${server.url}/api/maps/${map.id}/export.json`, {
      headers: { authorization: `Bearer ${map.tokens.owner}` },
    })
    const { stakeholders } = (await response.json()) as {
      stakeholders: {
        id: string
        power: number | null
        legitimacy: number | null
        urgency: number | null
      }[]
    }
    const union = stakeholders.find((stakeholder) => stakeholder.id === id)!
    expect({ power: union.power, legitimacy: union.legitimacy, urgency: union.urgency }).toEqual({
      power: 4,
      legitimacy: null,
      urgency: null,
    })
    await expect.poll(() => page.getByTestId('field-legitimacy').inputValue()).toBe('')
  })

  it('made no request outside its own origin', () => {
    expect(alice.foreignRequests).toEqual([])
    expect(bob.foreignRequests).toEqual([])
  })
})
