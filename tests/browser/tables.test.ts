/**
 * Splitting the room into tables, as a SER workshop does it: a facilitator, three
 * participants (one remote, one reading Dutch) and the projector on the viewer link. The
 * split takes each participant's view to their own table's area, which holds all of phase 1;
 * the projector stays where it is; the checklist ticks are real tick boxes everyone shares;
 * bringing a table into the plenary covers no card.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type TrackedPage,
  openTrackedPage,
  shapeCentreOnScreen,
  shareLinkFor,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'
import { type WorkshopRoom, openWorkshopRoom } from './workshopRoom'
import { pointForScores } from '../../client/shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_SIZE } from '../../client/shapes/influence-impact-matrix/matrixShape'

const SCREENSHOTS = process.env.TABLES_SCREENSHOTS

interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

interface PageEditor {
  getViewportPageBounds(): Bounds
  getShapePageBounds(id: string): Bounds | undefined
  getCamera(): { x: number; y: number; z: number }
  getShape(id: string): { props: Record<string, unknown> } | undefined
  getCurrentPageShapes(): { id: string; type: string; parentId: string; x: number; y: number }[]
  getSortedChildIdsForParent(id: string): string[]
  createShape(shape: object): void
  select(id: string): void
  focus(): void
}

/** What `page` sees (its viewport) and where the frame `frameId` is, in page coordinates. */
function viewAndFrame(page: Page, frameId: string) {
  return page.evaluate((id) => {
    const editor = (window as unknown as { editor: PageEditor }).editor
    const { x, y, w, h } = editor.getViewportPageBounds()
    const frame = editor.getShapePageBounds(id)
    return {
      view: { x, y, w, h },
      frame: frame ? { x: frame.x, y: frame.y, w: frame.w, h: frame.h } : null,
    }
  }, frameId)
}

/** True when `outer` contains all of `inner` (a pixel of rounding allowed). */
function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    outer.x <= inner.x + 1 &&
    outer.y <= inner.y + 1 &&
    outer.x + outer.w >= inner.x + inner.w - 1 &&
    outer.y + outer.h >= inner.y + inner.h - 1
  )
}

/** The table (0-based) the participant's Workshop tab says they are at. */
async function tableShown(page: Page, pattern: RegExp): Promise<number> {
  const text = (await page.getByText(pattern).textContent()) ?? ''
  return Number(/(\d+)/.exec(text)![1]) - 1
}

describe('a workshop split into tables: facilitator, three participants and the projector', () => {
  let room: WorkshopRoom
  let facilitator: TrackedPage
  let participants: TrackedPage[]
  let projector: TrackedPage

  beforeAll(async () => {
    room = await openWorkshopRoom({
      title: 'SER workshop 4 tables',
      template: 'ser-phase-1',
      facilitator: { name: 'Fatima (trainer)' },
      participants: [
        { name: 'Ann', place: 'room' },
        { name: 'Bram', place: 'remote' },
        { name: 'Chen', place: 'room', locale: 'nl-NL' },
      ],
      projector: { name: 'Beamer' },
    })
    ;({ facilitator, participants } = room)
    projector = room.projector!
    await facilitator.page.getByRole('tab', { name: 'Workshop' }).click()
  })

  afterAll(async () => {
    await room?.close()
  })

  it('takes each participant’s view to their own table’s area at once, and leaves the projector where it is', async () => {
    // Everyone is known to the facilitator's page before the split.
    // The projector is counted apart as a viewer, not as a participant (nor renamed).
    await expect
      .poll(() => facilitator.page.getByTestId('participants').locator('li').count(), {
        timeout: 10_000,
      })
      .toBe(4)
    const viewers = facilitator.page.getByTestId('viewers')
    expect(await viewers.locator('li').count()).toBe(1)
    expect(await facilitator.page.getByTestId('participants').textContent()).not.toContain('Beamer')
    expect(await viewers.getByRole('button').count()).toBe(0)
    expect(await viewers.textContent()).not.toContain('idle')
    expect(await facilitator.page.getByText('1 viewer (projector or onlooker)').count()).toBe(1)
    await waitForCameraToSettle(projector.page)
    const projectorBefore = await projector.page.evaluate(() =>
      (window as unknown as { editor: PageEditor }).editor.getCamera(),
    )
    const { page } = facilitator
    await page.getByRole('spinbutton', { name: 'Number of tables' }).fill('3')
    await page.getByRole('button', { name: 'Split into tables' }).click()

    const tables: number[] = []
    for (const [index, { page: p }] of participants.entries()) {
      const dutch = index === 2
      await p.getByRole('tab', { name: 'Workshop' }).click()
      const pattern = dutch ? /Je zit aan tafel \d\./ : /You are at table \d\./
      await p.getByText(pattern).waitFor({ timeout: 5000 })
      const table = await tableShown(p, pattern)
      tables.push(table)
      await expect
        .poll(
          async () => {
            const { view, frame } = await viewAndFrame(p, `shape:table-${table}-frame`)
            return frame !== null && contains(view, frame)
          },
          { timeout: 5000 },
        )
        .toBe(true)
      await waitForCameraToSettle(p)
      // Their own table, not the overview of all of them.
      const other = `shape:table-${(table + 1) % 3}-frame`
      const { view, frame } = await viewAndFrame(p, other)
      expect(contains(view, frame!)).toBe(false)
    }
    expect([...tables].sort()).toEqual([0, 1, 2])

    // The projector gets no table and its camera did not move.
    await projector.page.waitForTimeout(800)
    const projectorAfter = await projector.page.evaluate(() =>
      (window as unknown as { editor: PageEditor }).editor.getCamera(),
    )
    expect(projectorAfter).toEqual(projectorBefore)
    // The facilitator's list seats the three participants, and neither projector nor trainer.
    const seating = await page.locator('.workshop__groups').textContent()
    for (const name of ['Ann', 'Bram', 'Chen']) expect(seating).toContain(name)
    expect(seating).not.toContain('Beamer')
    expect(seating).not.toContain('Fatima')
    // Back on the Workshop tab, the field says how many tables there are: 3, not 4.
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByRole('tab', { name: 'Workshop' }).click()
    expect(await page.getByRole('spinbutton', { name: 'Number of tables' }).inputValue()).toBe('3')

    if (SCREENSHOTS) {
      await participants[2]!.page.screenshot({ path: `${SCREENSHOTS}/table-chen-nl.png` })
      await participants[0]!.page.screenshot({ path: `${SCREENSHOTS}/table-ann.png` })
      await waitForCameraToSettle(page)
      await page.screenshot({ path: `${SCREENSHOTS}/tables-facilitator.png` })
      await projector.page.screenshot({ path: `${SCREENSHOTS}/tables-projector.png` })
    }
  })

  it('seats a participant who arrives after the split, and takes their view to that table', async () => {
    const dana = await openTrackedPage(room.browser, room.server.url, {
      name: 'Dana',
      place: 'remote',
    })
    await dana.page.goto(shareLinkFor(room.server.url, room.map.id, room.map.tokens.editor))
    await waitForMapReady(dana.page)
    await dana.page.getByRole('tab', { name: 'Workshop' }).click()
    const pattern = /You are at table \d\./
    await dana.page.getByText(pattern).waitFor({ timeout: 5000 })
    const table = await tableShown(dana.page, pattern)
    await expect
      .poll(
        async () => {
          const { view, frame } = await viewAndFrame(dana.page, `shape:table-${table}-frame`)
          return frame !== null && contains(view, frame)
        },
        { timeout: 5000 },
      )
      .toBe(true)
    await expect
      .poll(() => facilitator.page.locator('.workshop__groups li').nth(table).textContent())
      .toContain('Dana')
    await dana.context.close()
  })

  it('gives every table all of phase 1, with a checklist that ticks by mouse and by keyboard for everyone', async () => {
    const ann = participants[0]!.page
    const table = await tableShown(ann, /You are at table \d\./)
    const itemId = `shape:table-${table}-prepare-item-0`
    const checked = (page: Page) =>
      page.evaluate(
        (id) => (window as unknown as { editor: PageEditor }).editor.getShape(id)?.props.checked,
        itemId,
      )
    for (const suffix of ['why', 'prepare', 'who', 'matrix', 'salience']) {
      expect(
        await ann.evaluate(
          (id) => (window as unknown as { editor: PageEditor }).editor.getShape(id) !== undefined,
          `shape:table-${table}-${suffix}`,
        ),
      ).toBe(true)
    }
    // A click ticks the first point; the facilitator sees it ticked.
    const centre = await shapeCentreOnScreen(ann, itemId)
    await ann.mouse.click(centre.x, centre.y)
    await expect.poll(() => checked(facilitator.page), { timeout: 5000 }).toBe(true)
    if (SCREENSHOTS) {
      await ann.evaluate((id) => {
        const editor = (
          window as unknown as { editor: PageEditor & { zoomToBounds(b: Bounds): void } }
        ).editor
        editor.zoomToBounds(editor.getShapePageBounds(id)!)
      }, `shape:table-${table}-prepare`)
      await waitForCameraToSettle(ann)
      await ann.screenshot({ path: `${SCREENSHOTS}/checklist-ticked.png` })
    }
    // Keyboard: with the point selected, Enter goes to its tick box and Space unticks it.
    await ann.evaluate((id) => {
      const editor = (window as unknown as { editor: PageEditor }).editor
      editor.select(id)
      editor.focus()
    }, itemId)
    await ann.keyboard.press('Enter')
    await expect
      .poll(() => ann.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('checkbox')
    await ann.keyboard.press('Space')
    await expect.poll(() => checked(facilitator.page), { timeout: 5000 }).toBe(false)
    await ann.keyboard.press('Escape')
    expect(await ann.evaluate(() => document.activeElement?.getAttribute('type'))).not.toBe(
      'checkbox',
    )
  })

  it('puts the cards a table adds by its own area, where its people look, covering nothing', async () => {
    const chen = participants[2]!.page
    const table = await tableShown(chen, /Je zit aan tafel \d\./)
    await chen.getByRole('tab', { name: 'Toevoegen' }).click()
    await chen.getByLabel('Naam', { exact: true }).fill('Boeren van tafel')
    await chen.getByRole('button', { name: 'Stakeholder toevoegen', exact: true }).click()
    await chen.getByRole('tab', { name: 'Toevoegen' }).click()
    await chen.getByLabel('Of plak een lijst, één naam per regel').fill('Opkoper\nDorpsraad')
    await chen.getByRole('button', { name: '2 stakeholders toevoegen', exact: true }).click()
    await waitForCameraToSettle(chen)
    const placed = await chen.evaluate(() => {
      const editor = (window as unknown as { editor: PageEditor }).editor
      const shapes = editor.getCurrentPageShapes()
      const bounds = (id: string) => {
        const { x, y, w, h } = editor.getShapePageBounds(id)!
        return { x, y, w, h }
      }
      const tableFrames = shapes.filter((shape) => /^shape:table-\d+-frame$/.test(shape.id))
      return {
        view: editor.getViewportPageBounds(),
        tables: tableFrames.map((frame) => ({ id: frame.id, ...bounds(frame.id) })),
        cards: shapes
          .filter((shape) => shape.type === 'stakeholder-card')
          .map((card) => ({ id: card.id, ...bounds(card.id) })),
        // Everything but the tables' own frames: their assignments' frames, notes, boards.
        others: shapes
          .filter((shape) => shape.type !== 'stakeholder-card' && !tableFrames.includes(shape))
          .map((shape) => bounds(shape.id)),
      }
    })
    expect(placed.cards).toHaveLength(3)
    const overlaps = (a: Bounds, b: Bounds) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    const distance = (card: Bounds, area: Bounds) =>
      Math.hypot(
        Math.max(area.x - (card.x + card.w / 2), 0, card.x + card.w / 2 - (area.x + area.w)),
        Math.max(area.y - (card.y + card.h / 2), 0, card.y + card.h / 2 - (area.y + area.h)),
      )
    for (const card of placed.cards) {
      expect(contains(placed.view, card)).toBe(true)
      expect(placed.others.filter((other) => overlaps(card, other))).toEqual([])
      for (const another of placed.cards)
        if (another.id !== card.id) expect(overlaps(card, another)).toBe(false)
      // By Chen's table: no other table's area is nearer.
      const nearest = [...placed.tables].sort((a, b) => distance(card, a) - distance(card, b))[0]!
      expect(nearest.id).toBe(`shape:table-${table}-frame`)
    }
    // Gone again, so the plenary test below starts from the cards it makes itself.
    await chen.evaluate(
      (ids) => {
        ;(
          window as unknown as { editor: { deleteShapes(ids: string[]): void } }
        ).editor.deleteShapes(ids)
      },
      placed.cards.map((card) => card.id),
    )
  })

  it('brings a table into the plenary without covering a card', async () => {
    const { page } = facilitator
    // Three stakeholders scored alike: their cards all belong at one point.
    const names = ['Cocoa farmers in Ghana', 'Trade union FNV', 'Municipality of Tema']
    for (const name of names) {
      await page.getByRole('tab', { name: 'Add' }).click()
      await page.getByLabel('Name', { exact: true }).fill(name)
      await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    }
    await page.getByRole('tab', { name: 'Register' }).click()
    const ids: string[] = []
    for (const name of names) {
      const row = page.locator('tr', { hasText: name })
      ids.push((await row.getAttribute('data-stakeholder-id'))!)
      await row.getByTestId('register-influence').fill('4')
      await row.getByTestId('register-influence').press('Enter')
      await row.getByTestId('register-impact').fill('4')
      await row.getByTestId('register-impact').press('Enter')
    }
    // Ann's table puts all three on its matrix, at the point of their scores.
    const ann = participants[0]!.page
    const table = await tableShown(ann, /You are at table \d\./)
    const point = pointForScores({ influence: 4, impact: 4 }, MATRIX_SIZE.w, MATRIX_SIZE.h)
    await ann.evaluate(
      ({ ids, parentId, at }) => {
        const editor = (window as unknown as { editor: PageEditor }).editor
        for (const stakeholderId of ids) {
          editor.createShape({
            type: 'stakeholder-card',
            parentId,
            ...at,
            props: { stakeholderId, w: 170, h: 76 },
          })
        }
      },
      { ids, parentId: `shape:table-${table}-matrix`, at: { x: point.x - 85, y: point.y - 38 } },
    )
    // The facilitator's page has them before bringing the table in.
    await expect
      .poll(
        () =>
          page.evaluate(
            ({ parentId, ids }) => {
              const editor = (window as unknown as { editor: PageEditor }).editor
              const shown = editor
                .getSortedChildIdsForParent(parentId)
                .map((id) => editor.getShape(id)?.props.stakeholderId)
              return ids.every((id) => shown.includes(id))
            },
            { parentId: `shape:table-${table}-matrix`, ids },
          ),
        { timeout: 5000 },
      )
      .toBe(true)

    await page.getByRole('tab', { name: 'Workshop' }).click()
    await page
      .locator('.workshop__groups li')
      .nth(table)
      .getByRole('button', { name: 'Bring into the plenary map' })
      .click()
    await page.getByRole('status').filter({ hasText: 'brought into the plenary map' }).waitFor()
    const plenaryCards = await page.evaluate(() => {
      const editor = (window as unknown as { editor: PageEditor }).editor
      const matrix = 'shape:ser1-matrix'
      return editor
        .getSortedChildIdsForParent(matrix)
        .map((id) => editor.getShapePageBounds(id)!)
        .map(({ x, y, w, h }) => ({ x, y, w, h }))
    })
    expect(plenaryCards.length).toBeGreaterThanOrEqual(3)
    for (const [index, a] of plenaryCards.entries()) {
      for (const b of plenaryCards.slice(index + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
        expect(overlap).toBe(false)
      }
    }
    // Placed beside each other, their scores are still the table's: 4 and 4.
    await page.getByRole('tab', { name: 'Register' }).click()
    for (const name of names) {
      const row = page.locator('tr', { hasText: name })
      expect(await row.getByTestId('register-influence').inputValue()).toBe('4')
      expect(await row.getByTestId('register-impact').inputValue()).toBe('4')
    }
    if (SCREENSHOTS) {
      await page.evaluate(() => {
        const editor = (
          window as unknown as { editor: PageEditor & { zoomToBounds(b: Bounds): void } }
        ).editor
        editor.zoomToBounds(editor.getShapePageBounds('shape:ser1-matrix')!)
      })
      await waitForCameraToSettle(page)
      await page.screenshot({ path: `${SCREENSHOTS}/plenary-after-bring.png` })
    }
  })
})
