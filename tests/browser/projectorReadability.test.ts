/**
 * Everything on the board readable from the back of a room (issue 19): on a 1920 × 1080
 * projector in presenter mode, at the zoom the SER template opens with, the cards waiting
 * off the boards each get a name plate of their own (no two overlap), the plates of cards on
 * the boards keep every word of a name whole, and sticky notes,
 * checklist items, the matrix's axis labels and the frames' titles are large enough to read.
 * Screenshots in Dutch and English are left in /work/notes/shots for a person to look at.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  startAppServer,
  waitForCameraToSettle,
  waitForMapReady,
} from './browserFixture'

type Page = Awaited<ReturnType<typeof openTrackedPage>>['page']

const SHOTS = '/work/notes/shots'
const PROJECTOR = { width: 1920, height: 1080 }

/** What a facilitator types, in the language of the workshop. */
const WORKSHOPS = {
  en: {
    locale: 'en-GB',
    add: 'Add',
    paste: 'Or paste a list, one name per line',
    submit: (count: number) => `Add ${count} stakeholders`,
    influence: 'Influence on the company',
    impact: 'Impact of the company',
    scored: ['Municipality', 'Cocoa farmers in Ghana', 'Trade union FNV'],
    waiting: [
      'Chocolate manufacturer',
      'Local NGO',
      'Future generations',
      'Suppliers in Côte d’Ivoire',
      'Ministry of Foreign Affairs',
      'Employees',
      'Nature',
      'Neighbours',
    ],
  },
  nl: {
    locale: 'nl-NL',
    add: 'Toevoegen',
    paste: 'Of plak een lijst, één naam per regel',
    submit: (count: number) => `${count} stakeholders toevoegen`,
    influence: 'Invloed op het bedrijf',
    impact: 'Impact van het bedrijf',
    scored: ['Gemeente', 'Cacaoboeren in Ghana', 'Vakbond FNV'],
    waiting: [
      'Chocoladefabrikant',
      'Belangenorganisatie',
      'Toekomstige generaties',
      'Leveranciers in Ivoorkust',
      'Ministerie van Buitenlandse Zaken',
      'Medewerkers',
      'Natuur',
      'Omwonenden',
    ],
  },
} as const

type Language = keyof typeof WORKSHOPS

interface Box {
  x: number
  y: number
  w: number
  h: number
}

function intersects(a: Box, b: Box) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Size on the screen of an element's type: computed size times the scale it is drawn at. */
function typeOnScreen(page: Page, selector: string) {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll<HTMLElement | SVGGraphicsElement>(selector)]
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => {
        // The canvas scales shapes by the camera's zoom (a frame's heading by its inverse):
        // an element's drawn width over its laid-out width, or an SVG element's scale to the
        // screen (the axis label of the vertical axis is turned, so not its width).
        let scale: number
        if (element instanceof HTMLElement) {
          scale = element.getBoundingClientRect().width / element.offsetWidth
        } else {
          const { a, b } = (element as SVGGraphicsElement).getScreenCTM()!
          scale = Math.hypot(a, b)
        }
        return {
          text: element.textContent ?? '',
          px: parseFloat(getComputedStyle(element).fontSize) * scale,
        }
      })
  }, selector)
}

/** The part of tldraw's editor these tests read (window.editor). */
interface ViewEditor {
  getCurrentPageShapes(): { id: string; type: string; parentId: string }[]
  getShape(id: string): { type: string } | undefined
}

/** Name plates as drawn on the screen: of cards off the boards, or of cards on them. */
function namePlates(page: Page, where: 'waiting' | 'on boards') {
  return page.evaluate((where) => {
    const editor = (window as unknown as { editor: ViewEditor }).editor
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'stakeholder-card')
      .filter((card) => {
        const parent = editor.getShape(card.parentId)?.type
        const onBoard = parent === 'influence-impact-matrix' || parent === 'salience-diagram'
        return onBoard === (where === 'on boards')
      })
      .map((card) => {
        const plate = document.querySelector(
          `.tl-shape[data-shape-id="${card.id}"] .stakeholder-card__presenter-name`,
        )!
        const { x, y, width, height } = plate.getBoundingClientRect()
        return { name: plate.textContent ?? '', x, y, w: width, h: height }
      })
  }, where)
}

/**
 * Words broken across lines on the cards' name plates on the boards: for each plate, the
 * places where a line starts with no space before it (read from where each letter is drawn).
 */
function wordsBrokenOnBoardPlates(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as { editor: ViewEditor }).editor
    const boards = ['influence-impact-matrix', 'salience-diagram']
    const onBoards = editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'stakeholder-card')
      .filter((card) => boards.includes(editor.getShape(card.parentId)?.type ?? ''))
    return onBoards.flatMap((card) => {
      const plate = document.querySelector(
        `.tl-shape[data-shape-id="${card.id}"] .stakeholder-card__presenter-name`,
      )
      const text = plate?.firstChild
      if (!(text instanceof Text)) return []
      const name = text.data
      const range = document.createRange()
      const broken: string[] = []
      let lineTop: number | null = null
      for (let i = 0; i < name.length; i++) {
        if (/\s/.test(name[i]!)) continue
        range.setStart(text, i)
        range.setEnd(text, i + 1)
        const top = range.getBoundingClientRect().top
        if (lineTop !== null && top > lineTop + 1 && !/\s/.test(name[i - 1]!))
          broken.push(`${name.slice(0, i)}|${name.slice(i)}`)
        lineTop = top
      }
      return broken
    })
  })
}

describe.each(['nl', 'en'] as const)('the board on a projector, in %s', (language: Language) => {
  const workshop = WORKSHOPS[language]
  let server: AppServer
  let browser: Browser
  let projector: Page
  let projectorErrors: string[] = []

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    const map = await createMapViaApi(server.url, 'Workshop 12 May', 'ser-phase-1')
    const facilitator = await openTrackedPage(browser, server.url, {
      name: 'Fatima (trainer)',
      locale: workshop.locale,
    })
    const page = facilitator.page
    await page.goto(`${server.url}/m/${map.id}#t=${map.tokens.facilitator}`)
    await waitForMapReady(page, 30_000)
    await page.getByRole('tab', { name: workshop.add }).click()
    const names = [...workshop.scored, ...workshop.waiting]
    await page.getByLabel(workshop.paste).fill(names.join('\n'))
    await page.getByRole('button', { name: workshop.submit(names.length) }).click()
    await page.getByRole('tab', { name: 'Register' }).click()
    for (const [index, name] of workshop.scored.entries()) {
      await page.getByLabel(`${workshop.influence}: ${name}`).fill(String(index + 2))
      await page.keyboard.press('Tab')
      await page.getByLabel(`${workshop.impact}: ${name}`).fill(String(4 - index))
      await page.keyboard.press('Tab')
    }
    await page.waitForTimeout(500)
    const opened = await openTrackedPage(browser, server.url, {
      place: null,
      locale: workshop.locale,
    })
    projector = opened.page
    projectorErrors = opened.errors
    await projector.setViewportSize(PROJECTOR)
    await projector.goto(`${server.url}/m/${map.id}?present#t=${map.tokens.viewer}`)
    await projector
      .locator('[data-testid="connection-status"][data-status="connected"]')
      .waitFor({ state: 'attached', timeout: 15_000 })
    await projector.waitForFunction(() => 'editor' in window, null, { timeout: 15_000 })
    await waitForCameraToSettle(projector)
    await projector.waitForFunction(
      (count) => document.querySelectorAll('.stakeholder-card__presenter-name').length === count,
      names.length,
    )
    await waitForCameraToSettle(projector)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows the whole board with every waiting card on a name plate of its own', async () => {
    await projector.screenshot({ path: `${SHOTS}/projector-whole-board-${language}.png` })
    const plates = await namePlates(projector, 'waiting')
    expect(plates.map((plate) => plate.name).sort()).toEqual([...workshop.waiting].sort())
    for (const [index, plate] of plates.entries())
      for (const other of plates.slice(index + 1))
        expect(intersects(plate, other), `${plate.name} / ${other.name}`).toBe(false)
    // Each plate is where a person looks for it: on the screen, with the name whole in it.
    for (const plate of plates) {
      expect(plate.x).toBeGreaterThanOrEqual(0)
      expect(plate.y + plate.h).toBeLessThanOrEqual(PROJECTOR.height)
    }
    expect(projectorErrors).toEqual([])
  })

  it('keeps every word of a name whole on the plates of the cards placed on the boards', async () => {
    const onBoards = await namePlates(projector, 'on boards')
    expect(onBoards.map((plate) => plate.name).sort()).toEqual([...workshop.scored].sort())
    expect(await wordsBrokenOnBoardPlates(projector)).toEqual([])
  })

  it('sets notes, checklist items and axis labels at 18 px (prompts above a board 15) and titles at 24 px or more', async () => {
    const sizes = {
      note: await typeOnScreen(projector, '.presenter-note'),
      checklistItem: await typeOnScreen(projector, '.checklist-item__text'),
      axisLabel: await typeOnScreen(projector, '.matrix__axis'),
      quadrantName: await typeOnScreen(projector, '.matrix__quadrant-label strong'),
      circleLabel: await typeOnScreen(projector, '.salience__attribute'),
      frameTitle: await typeOnScreen(projector, '.tl-frame-label'),
      boardTitle: await typeOnScreen(projector, '.matrix__title'),
    }
    // The prompts right above the matrix have 280 page pixels of room: they are set down to
    // no less than 15 px rather than cover the boards; the other notes get the full 18 px.
    for (const { text, px } of sizes.note) expect(px, text).toBeGreaterThanOrEqual(15)
    expect(sizes.note.filter((note) => note.px >= 18).length).toBeGreaterThanOrEqual(4)
    const smallest = {
      checklistItem: 18,
      axisLabel: 18,
      quadrantName: 18,
      circleLabel: 18,
    }
    for (const [kind, least] of Object.entries({ ...smallest, frameTitle: 24, boardTitle: 24 })) {
      const found = sizes[kind as keyof typeof sizes]
      expect(found.length, kind).toBeGreaterThan(0)
      for (const { text, px } of found) expect(px, `${kind}: ${text}`).toBeGreaterThanOrEqual(least)
    }
    expect(sizes.note).toHaveLength(8)
    expect(sizes.checklistItem).toHaveLength(6)
    expect(sizes.frameTitle).toHaveLength(3)
  })

  it('keeps the enlarged notes and checklist items apart and inside their frames', async () => {
    const boxes = await projector.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.presenter-note, .checklist-item')].map(
        (element) => {
          const { x, y, width, height } = element.getBoundingClientRect()
          return { text: element.textContent ?? '', x, y, w: width, h: height }
        },
      ),
    )
    for (const [index, box] of boxes.entries())
      for (const other of boxes.slice(index + 1))
        expect(intersects(box, other), `${box.text} / ${other.text}`).toBe(false)
    // Nor do they lie over the boards below them.
    const boards = await projector.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.tl-shape[data-shape-type="influence-impact-matrix"], .tl-shape[data-shape-type="salience-diagram"]',
        ),
      ].map((board) => {
        const { x, y, width, height } = board.getBoundingClientRect()
        return { x, y, w: width, h: height }
      }),
    )
    expect(boards).toHaveLength(2)
    for (const box of boxes)
      for (const board of boards) expect(intersects(box, board), box.text).toBe(false)
    const frames = await projector.evaluate(() =>
      [...document.querySelectorAll('.tl-shape[data-shape-type="frame"]')].map((frame) => {
        const { x, y, width, height } = frame.getBoundingClientRect()
        return { x, y, w: width, h: height }
      }),
    )
    for (const box of boxes)
      expect(
        frames.some(
          (frame) =>
            box.x >= frame.x &&
            box.y >= frame.y &&
            box.x + box.w <= frame.x + frame.w + 1 &&
            box.y + box.h <= frame.y + frame.h + 1,
        ),
        box.text,
      ).toBe(true)
  })

  it('out of presenter mode draws the board as on a laptop: its own type, no plates', async () => {
    await projector.keyboard.press('Escape')
    await projector.locator('.presenter-note').first().waitFor({ state: 'detached' })
    expect(await projector.locator('.stakeholder-card__presenter-name').count()).toBe(0)
    const [item] = await typeOnScreen(projector, '.checklist-item__text')
    expect(item!.px).toBeLessThan(18)
  })
})
