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
import { startNetworkCutProxy } from '../server/networkCutProxy'

/** Seconds left on the shared timer as a page shows it. */
async function secondsLeft(page: TrackedPage['page']): Promise<number> {
  return Number(await page.getByTestId('timer').getAttribute('data-remaining'))
}

async function openWorkshopTab(page: TrackedPage['page']) {
  await page.getByRole('tab', { name: 'Workshop' }).click()
}

describe('a hybrid workshop: a facilitator and three participants', () => {
  let room: WorkshopRoom
  let facilitator: TrackedPage
  let participants: TrackedPage[]

  beforeAll(async () => {
    room = await openWorkshopRoom({
      title: 'Workshop 12 May',
      facilitator: { name: 'Fatima (trainer)' },
      participants: [
        { name: 'Ann', place: 'room' },
        { name: 'Bram', place: 'remote' },
        { name: 'Chen', place: 'remote' },
      ],
    })
    ;({ facilitator, participants } = room)
    for (const { page } of [facilitator, ...participants]) await openWorkshopTab(page)
  })

  afterAll(async () => {
    await room?.close()
  })

  it('lists who is here, with role and room or remote', async () => {
    const list = facilitator.page.getByTestId('participants')
    await expect.poll(() => list.locator('li').count(), { timeout: 5000 }).toBe(4)
    await expect.poll(() => list.textContent()).toContain('Bram')
    expect(await list.locator('li', { hasText: 'Bram' }).textContent()).toContain('remote')
    expect(await list.locator('li', { hasText: 'Ann' }).textContent()).toContain('in the room')
    expect(await list.locator('li', { hasText: 'Fatima' }).textContent()).toContain('facilitator')
  })

  it('starts a block whose countdown everyone sees alike, also after a reload', async () => {
    await facilitator.page.getByTestId('start-phase-1').click()
    for (const { page } of [facilitator, ...participants]) await page.getByTestId('timer').waitFor()
    const values = await Promise.all(
      [facilitator, ...participants].map(({ page }) => secondsLeft(page)),
    )
    for (const value of values) {
      expect(value).toBeLessThanOrEqual(55 * 60 + 1)
      expect(value).toBeGreaterThan(55 * 60 - 10)
    }
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(2)

    const { page } = participants[1]!
    await page.reload()
    await waitForMapReady(page)
    await page.getByTestId('timer').waitFor()
    expect(
      Math.abs((await secondsLeft(page)) - (await secondsLeft(facilitator.page))),
    ).toBeLessThanOrEqual(2)
    await openWorkshopTab(page)
  })

  it('participants follow the facilitator’s view', async () => {
    await facilitator.page.getByTestId('follow-me').click()
    await facilitator.page.evaluate(() => {
      const editor = (window as unknown as { editor: { setCamera(c: object): void } }).editor
      editor.setCamera({ x: -3000, y: -2000, z: 1 })
    })
    const leader = await facilitator.page.evaluate(
      () =>
        (
          window as unknown as {
            editor: { getViewportPageBounds(): { center: { x: number; y: number } } }
          }
        ).editor.getViewportPageBounds().center,
    )
    for (const { page } of participants) {
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const editor = (
                window as unknown as {
                  editor: { getViewportPageBounds(): { center: { x: number; y: number } } }
                }
              ).editor
              return editor.getViewportPageBounds().center
            }),
          { timeout: 5000 },
        )
        .toMatchObject({ x: expect.closeTo(leader.x, -1), y: expect.closeTo(leader.y, -1) })
    }
    // The facilitator sees who follows, and who moved away on their own (issue 19).
    const list = facilitator.page.getByTestId('participants')
    const followState = (name: string) =>
      list.locator('li', { hasText: name }).getByTestId('follow-state').textContent()
    for (const name of ['Ann', 'Bram', 'Chen']) {
      await expect.poll(() => followState(name), { timeout: 5000 }).toBe('follows')
    }
    const chen = participants[2]!.page
    await chen.mouse.move(400, 300)
    await chen.mouse.wheel(0, 400)
    await expect.poll(() => followState('Chen'), { timeout: 5000 }).toBe('stopped following')
    expect(await followState('Ann')).toBe('follows')
    // Nobody is asked about the leader, and participants see no follow states.
    expect(
      await list
        .locator('li')
        .filter({ has: facilitator.page.locator('.participants__name', { hasText: 'Fatima' }) })
        .getByTestId('follow-state')
        .count(),
    ).toBe(0)
    expect(await participants[0]!.page.getByTestId('follow-state').count()).toBe(0)
    await facilitator.page.getByTestId('follow-me').click()
    await expect.poll(() => list.getByTestId('follow-state').count()).toBe(0)
  })

  it('keeps private scores hidden until the facilitator reveals them', async () => {
    const { page } = facilitator
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Cocoa farmers in Ghana')
    await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await openWorkshopTab(page)
    await page.getByTestId('start-scoring').click()

    const scores = [
      { power: '2', legitimacy: '5', urgency: '4' },
      { power: '3', legitimacy: '5', urgency: '5' },
      { power: '5', legitimacy: '4', urgency: '4' },
    ]
    for (const [index, { page: p }] of participants.entries()) {
      await p.getByTestId('submit-scores').waitFor()
      for (const [attribute, value] of Object.entries(scores[index]!)) {
        await p.getByTestId(`my-${attribute}`).selectOption(value)
      }
      await p.getByTestId('submit-scores').click()
    }
    // Everyone, the facilitator too, sees only how many of the four who may score have.
    for (const { page: p } of [facilitator, ...participants]) {
      await expect
        .poll(() => p.getByTestId('scoring-count').textContent(), { timeout: 5000 })
        .toBe('3 of 4 have scored.')
      expect(await p.getByTestId('scoring-anonymous').textContent()).toContain(
        'Scores are anonymous',
      )
    }
    // After a reload a participant sees the scores they handed in (kept by the server).
    const chen = participants[2]!.page
    await chen.reload()
    await waitForMapReady(chen)
    await openWorkshopTab(chen)
    await expect.poll(() => chen.getByTestId('my-power').inputValue(), { timeout: 5000 }).toBe('5')
    expect(await chen.getByTestId('submit-scores').textContent()).toBe('Update my scores')
    // Before the reveal nobody sees the group's scores, on the panel or on the card.
    for (const { page: p } of participants) {
      expect(await p.getByTestId('scoring-result').count()).toBe(0)
      expect(await p.getByTestId('card-ratings').count()).toBe(0)
    }
    await page.getByTestId('reveal-scores').click()
    for (const { page: p } of participants) {
      await p.getByTestId('scoring-result').waitFor({ timeout: 5000 })
      const ratings = p.getByTestId('card-ratings')
      await ratings.waitFor()
      // Power was scored 2, 3 and 5: median 3, spread 3, flagged as disagreement.
      expect(await ratings.textContent()).toContain('P 3 (2–5)')
      expect(await ratings.locator('.card-decoration__rating--disagree').count()).toBeGreaterThan(0)
    }
    await page.getByTestId('adopt-scores').click()
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    const card = page.locator('.tl-shape', { has: page.locator('.stakeholder-card') }).first()
    const id = await card.getAttribute('data-shape-id')
    const centre = await shapeCentreOnScreen(page, id!)
    await page.mouse.click(centre.x, centre.y)
    await expect.poll(() => page.getByTestId('field-power').inputValue()).toBe('3')
    expect(await page.getByTestId('field-legitimacy').inputValue()).toBe('5')
  })

  it('keeps each participant within the vote budget and shows the tally when the vote closes', async () => {
    const { page } = facilitator
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByLabel('Or paste a list, one name per line').fill('Trade union FNV\nRabobank')
    await page.getByRole('button', { name: 'Add 2 stakeholders' }).click()
    await waitForCameraToSettle(page)
    await openWorkshopTab(page)
    await page.getByTestId('open-vote').click()

    const ann = participants[0]!.page
    await ann.getByTestId('votes-left').waitFor({ timeout: 5000 })
    const giveDot = (p: TrackedPage['page'], name: string) =>
      p.getByRole('button', { name: `Give a dot to ${name}` }).click()
    await giveDot(ann, 'Cocoa farmers in Ghana')
    await giveDot(ann, 'Cocoa farmers in Ghana')
    await giveDot(ann, 'Trade union FNV')
    await giveDot(ann, 'Rabobank')
    await ann.getByText('You have used all your dots').waitFor()
    expect(await ann.getByTestId('votes-left').textContent()).toContain('0 of 3')
    await ann.getByRole('button', { name: 'Take a dot back from Trade union FNV' }).click()
    await giveDot(ann, 'Rabobank')
    const bram = participants[1]!.page
    await bram.getByTestId('votes-left').waitFor()
    await giveDot(bram, 'Rabobank')
    await expect
      .poll(() => page.getByTestId('vote-count').textContent(), { timeout: 5000 })
      .toBe('2 of 4 have voted.')
    // The tally is the server's: nobody sees it before the close.
    expect(await page.getByTestId('vote-results').count()).toBe(0)

    await page.getByTestId('close-vote').click()
    for (const { page: p } of participants) {
      const results = p.getByTestId('vote-results')
      await results.waitFor({ timeout: 5000 })
      const items = await results.locator('li').allTextContents()
      expect(items).toEqual(['Cocoa farmers in Ghana: 2 dots', 'Rabobank: 2 dots'])
    }
  })

  it('queues raised hands for the facilitator, who lowers them', async () => {
    const bram = participants[1]!.page
    const chen = participants[2]!.page
    await bram.getByTestId('raise-hand').click()
    await chen.getByTestId('raise-hand').click()
    const queue = facilitator.page.getByTestId('hand-queue')
    await expect
      .poll(() => queue.locator('li').allTextContents(), { timeout: 5000 })
      .toEqual([expect.stringContaining('Bram'), expect.stringContaining('Chen')])
    // Each participant sees their place in the queue (issue 19).
    expect(await bram.getByTestId('hand-place').textContent()).toBe('You are 1st in the queue')
    await expect
      .poll(() => chen.getByTestId('hand-place').textContent())
      .toBe('You are 2nd in the queue')
    expect(await participants[0]!.page.getByTestId('hand-place').textContent()).toBe('')
    // The facilitator sees the hands on the Workshop tab's label from another tab, or with
    // the panel hidden; participants get no badge.
    const { page } = facilitator
    await page.getByRole('tab', { name: 'Register' }).click()
    const badge = page.getByRole('tab', { name: 'Workshop' }).getByTestId('hands-badge')
    expect(await badge.locator('span[aria-hidden="true"]').textContent()).toBe('2')
    // Screen readers hear it as part of the tab's name.
    expect(await page.getByRole('tab', { name: 'Workshop 2 hands raised' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Hide panel' }).click()
    expect(await page.getByTestId('hands-badge').textContent()).toContain('2 hands raised')
    await page.getByRole('button', { name: /Show panel/ }).click()
    await openWorkshopTab(page)
    expect(await bram.getByTestId('hands-badge').count()).toBe(0)

    await queue.getByRole('button', { name: 'Lower Bram’s hand' }).click()
    await expect
      .poll(() => bram.getByTestId('raise-hand').getAttribute('aria-pressed'))
      .toBe('false')
    expect(await queue.locator('li').allTextContents()).toEqual([expect.stringContaining('Chen')])
    await expect
      .poll(() => chen.getByTestId('hand-place').textContent())
      .toBe('You are 1st in the queue')
    expect(await bram.getByTestId('hand-place').textContent()).toBe('')
    expect(await page.getByTestId('hands-badge').textContent()).toContain('1 hand raised')
    // In Dutch too.
    const language = chen.getByRole('combobox', { name: /^(Language|Taal)$/ })
    await language.selectOption('nl')
    await expect
      .poll(() => chen.getByTestId('hand-place').textContent())
      .toBe('Je bent 1e in de rij')
    await language.selectOption('en')
    await chen.getByTestId('raise-hand').click()
    await expect.poll(() => page.getByTestId('hands-badge').count()).toBe(0)
  })

  it('a participant who goes offline keeps editing and loses nothing when back', async () => {
    const offline = participants[2]!
    const online = participants[0]!
    await offline.context.setOffline(true)
    await expect
      .poll(() => offline.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 10_000,
      })
      .toBe('offline')
    await offline.page.getByRole('tab', { name: 'Add' }).click()
    await offline.page.getByLabel('Name', { exact: true }).fill('Written offline')
    await offline.page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await online.page.getByRole('tab', { name: 'Add' }).click()
    await online.page.getByLabel('Name', { exact: true }).fill('Written online meanwhile')
    await online.page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await offline.page
      .locator('.stakeholder-card', { hasText: 'Written offline' })
      .waitFor({ state: 'attached' })

    await offline.context.setOffline(false)
    await expect
      .poll(() => offline.page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('connected')
    for (const { page } of [facilitator, ...participants]) {
      // In everyone's register. (Added at the same moment, the two cards may share a spot
      // on the canvas, one hidden under the other: the register lists both.)
      await page.getByRole('tab', { name: 'Register' }).click()
      for (const name of ['Written offline', 'Written online meanwhile']) {
        await page.locator('tr', { hasText: name }).waitFor({ timeout: 10_000 })
      }
    }
  })

  it('undo takes back only your own edit, never someone else’s', async () => {
    const selectCard = async (page: TrackedPage['page'], name: string) => {
      const id = await page
        .locator('.tl-shape', { has: page.locator('.stakeholder-card', { hasText: name }) })
        .getAttribute('data-shape-id')
      await page.evaluate((shapeId) => {
        ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId)
      }, id!)
      await page.getByRole('tab', { name: 'Stakeholder' }).click()
    }
    const mine = facilitator.page
    const theirs = participants[0]!.page
    await selectCard(mine, 'Trade union FNV')
    await selectCard(theirs, 'Trade union FNV')
    await mine.getByTestId('field-name').fill('FNV trade union')
    await mine.getByTestId('field-name').press('Enter')
    await theirs.getByTestId('field-affected').check()
    await expect
      .poll(() => mine.getByTestId('field-affected').isChecked(), { timeout: 5000 })
      .toBe(true)
    await expect.poll(() => theirs.getByTestId('field-name').inputValue()).toBe('FNV trade union')

    await mine.getByTestId('undo-record').click()
    for (const page of [mine, theirs]) {
      await expect
        .poll(() => page.getByTestId('field-name').inputValue(), { timeout: 5000 })
        .toBe('Trade union FNV')
      expect(await page.getByTestId('field-affected').isChecked()).toBe(true)
    }
  })

  it('splits participants over table areas, shows them side by side and brings a table into the plenary map', async () => {
    const { page } = facilitator
    await page.getByRole('tab', { name: 'Add' }).click()
    await page.getByRole('button', { name: 'Influence × impact matrix' }).click()
    await openWorkshopTab(page)
    await page.getByRole('spinbutton', { name: 'Number of tables' }).fill('2')
    await page.getByRole('button', { name: 'Split into tables' }).click()
    // Each participant is told their table and their view is taken there.
    for (const { page: p } of participants) {
      await openWorkshopTab(p)
      await p.getByText(/You are at table [12]\./).waitFor({ timeout: 5000 })
    }
    const frames = await page.evaluate(() =>
      (
        window as unknown as { editor: { getCurrentPageShapes(): { id: string; type: string }[] } }
      ).editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'frame')
        .map((shape) => shape.id),
    )
    expect(frames).toEqual(expect.arrayContaining(['shape:table-0-frame', 'shape:table-1-frame']))

    // Table 1 places the cocoa farmers on its matrix, with influence and impact scored...
    await page.getByRole('tab', { name: 'Register' }).click()
    const row = page.locator('tr', { hasText: 'Cocoa farmers in Ghana' })
    const stakeholderId = await row.getAttribute('data-stakeholder-id')
    await row.getByTestId('register-influence').fill('4.5')
    await row.getByTestId('register-influence').press('Enter')
    await row.getByTestId('register-impact').fill('4')
    await row.getByTestId('register-impact').press('Enter')
    await page.evaluate((id) => {
      const editor = (window as unknown as { editor: { createShape(shape: object): void } }).editor
      editor.createShape({
        type: 'stakeholder-card',
        parentId: 'shape:table-0-matrix',
        x: 700,
        y: 150,
        props: { stakeholderId: id, w: 170, h: 76 },
      })
    }, stakeholderId)
    // ...and the facilitator brings table 1's result into the plenary matrix.
    await openWorkshopTab(page)
    await page.getByRole('button', { name: 'Bring into the plenary map' }).first().click()
    await page.getByRole('status').filter({ hasText: 'brought into the plenary map' }).waitFor()
    const inPlenary = await page.evaluate((id) => {
      const editor = (
        window as unknown as {
          editor: {
            getCurrentPageShapes(): {
              type: string
              parentId: string
              props: Record<string, unknown>
            }[]
          }
        }
      ).editor
      const shapes = editor.getCurrentPageShapes()
      const plenary = shapes.find(
        (shape) =>
          shape.type === 'influence-impact-matrix' &&
          !String((shape as unknown as { id: string }).id).startsWith('shape:table-'),
      )
      return shapes.filter(
        (shape) =>
          shape.type === 'stakeholder-card' &&
          shape.props.stakeholderId === id &&
          shape.parentId === (plenary as unknown as { id: string }).id,
      ).length
    }, stakeholderId)
    expect(inPlenary).toBe(1)
  })

  it('locks the template’s boards so they cannot be dragged by accident', async () => {
    const { page } = facilitator
    await openWorkshopTab(page)
    await page.getByRole('checkbox', { name: 'Lock the template’s frames and boards' }).check()
    const participantPage = participants[0]!.page
    type Editor = {
      getCurrentPageShapes(): { id: string; type: string; x: number }[]
      select(id: string): void
      selectNone(): void
      getSelectedShapeIds(): string[]
      updateShape(partial: { id: string; type: string; x: number }): void
      getShape(id: string): { x: number } | undefined
    }
    // Once the lock reaches the participant, no frame or board can be selected …
    await expect
      .poll(
        () =>
          participantPage.evaluate(() => {
            const editor = (window as unknown as { editor: Editor }).editor
            const shapes = editor
              .getCurrentPageShapes()
              .filter((shape) => shape.type === 'influence-impact-matrix' || shape.type === 'frame')
            const selectable = shapes.filter((shape) => {
              editor.select(shape.id)
              const selected = editor.getSelectedShapeIds().length > 0
              editor.selectNone()
              return selected
            })
            return shapes.length > 0 && selectable.length === 0
          }),
        { timeout: 5000 },
      )
      .toBe(true)
    // … nor moved (the tldraw lock is not used: it would freeze the cards inside too).
    const unmoved = await participantPage.evaluate(() => {
      const editor = (window as unknown as { editor: Editor }).editor
      return editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'influence-impact-matrix' || shape.type === 'frame')
        .every((shape) => {
          editor.updateShape({ id: shape.id, type: shape.type, x: shape.x + 100 })
          return editor.getShape(shape.id)?.x === shape.x
        })
    })
    expect(unmoved).toBe(true)
  })

  it('shows a participant whose network is cut as disconnected within 10 s', async () => {
    // Dana's browser reaches the server through a network that can be pulled out from under
    // it (Chromium's offline mode keeps open sockets answering, so it cannot stand for this).
    const proxy = await startNetworkCutProxy(Number(new URL(room.server.url).port))
    const viaProxy = `http://127.0.0.1:${proxy.port}`
    const dana = await openTrackedPage(room.browser, viaProxy, { name: 'Dana', place: 'remote' })
    try {
      await dana.page.goto(shareLinkFor(viaProxy, room.map.id, room.map.tokens.editor))
      await waitForMapReady(dana.page)
      await openWorkshopTab(facilitator.page)
      const row = facilitator.page.getByTestId('participants').locator('li', { hasText: 'Dana' })
      await row.waitFor({ timeout: 5000 })
      expect(await row.getAttribute('class')).not.toContain('disconnected')
      proxy.cut()
      await expect
        .poll(() => row.getAttribute('class'), { timeout: 10_000 })
        .toContain('participants__item--disconnected')
      expect(await row.textContent()).toContain('disconnected')
    } finally {
      await dana.context.close()
      proxy.close()
    }
  })
})
