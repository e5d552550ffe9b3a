/**
 * The phase-4 follow-up board in real Chromium: an English facilitator adds it in one
 * action; it shows the map's commitments (the overdue one first and flagged) and the
 * evaluation's results, from the records, to a Dutch participant in Dutch. With the
 * keyboard the facilitator chooses the dialogue it follows and ticks a commitment done (the
 * record changes, the flag goes); the participant ticks a step after the dialogue and the
 * facilitator sees it. Split into tables, each table gets a board of its own.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  writeDialogueRecord,
  writeDialoguePlan,
  readDialogueRecord,
} from '../../shared/document/dialogueDocument'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { withoutResults } from '../../shared/exchange/importMapJson'
import { ballotsPath } from '../../shared/protocol/ballotApi'
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { openEvaluationRound } from '../../shared/workshop/evaluationRound'
import { setFacilitation } from '../../shared/workshop/facilitationState'
import { createCommitment } from '../../shared/dialogue/createDialogueRecords'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { evaluation, plan } from '../shared/dialogue/dialogueFixtures'
import { axeViolations } from './axeCheck'
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
} from './browserFixture'

const SHOTS = '/work/notes/shots'

/** The follow-up shapes of a page: records views and their frames. */
function followUpShapes(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as { editor: TestEditor }).editor
    const shapes = editor.getCurrentPageShapes()
    return {
      records: shapes.filter((shape) => shape.type === 'follow-up-records').map((s) => s.id),
      frames: shapes
        .filter((shape) => shape.type === 'frame' && String(shape.props.name).includes('follow-up'))
        .map((shape) => String(shape.props.name))
        .sort(),
      steps: shapes
        .filter((shape) => shape.type === 'checklist-item' && shape.id.includes('followup'))
        .map((shape) => ({ id: shape.id, checked: shape.props.checked as boolean })),
    }
  })
}

/**
 * Opens an evaluation round on `evaluationId` from the owner's `doc`, hands in `ballots` as
 * guests, reveals it and ends it: the record then holds the server's results.
 */
async function holdEvaluationRound(
  url: string,
  map: CreatedMap,
  doc: Y.Doc,
  evaluationId: string,
  ballots: readonly Record<string, number>[],
) {
  const round = openEvaluationRound(evaluationId, Date.now())
  setFacilitation(doc, 'evaluation', round)
  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as object) },
    })
  for (const [index, ballot] of ballots.entries()) {
    const guest = await call(`/api/maps/${map.id}/guests`, map.tokens.editor, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Participant ${index + 1}` }),
    })
    const { guestToken } = (await guest.json()) as { guestToken: string }
    // The round reaches the server over the owner's socket; ask again until it is open.
    for (let tries = 0; ; tries++) {
      const put = await call(ballotsPath(map.id, round.id), map.tokens.editor, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', [GUEST_SESSION_HEADER]: guestToken },
        body: JSON.stringify({ ballot }),
      })
      if (put.status === 200) break
      if (tries > 100) throw new Error(`ballot refused: ${await put.text()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const path = ballotsPath(map.id, round.id)
  expect((await call(`${path}/reveal`, map.tokens.facilitator, { method: 'POST' })).status).toBe(
    200,
  )
  expect((await call(path, map.tokens.facilitator, { method: 'DELETE' })).status).toBe(200)
}

describe('the follow-up board', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let trainer: TrackedPage
  let ann: TrackedPage
  let seeder: WebsocketProvider

  const showWorkshop = (page: Page) => page.getByRole('tab', { name: 'Workshop' }).click()

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Follow-up')
    // The records as the Dialogues tab and an evaluation round would have left them.
    seeder = new WebsocketProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      map.id,
      new Y.Doc(),
      {
        params: { token: map.tokens.owner },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    )
    for (let waited = 0; !seeder.synced; waited += 50) {
      if (waited > 10_000) throw new Error('the seeding client did not sync')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const { doc } = seeder
    writeStakeholder(doc, createStakeholder({ id: 'sh-farmers', name: 'Cacaoboeren Soubré' }))
    writeDialoguePlan(doc, plan(), { confidential: null })
    for (const commitment of [
      createCommitment({
        id: 'commit-late',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-soubre',
        what: 'Share the premium calculation',
        owner: 'Buyer',
        dueDate: '2026-05-01',
      }),
      createCommitment({
        id: 'commit-later',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-soubre',
        what: 'Visit the villages again',
        owner: 'Sustainability manager',
        dueDate: '2030-01-15',
      }),
    ]) {
      expect(writeDialogueRecord(doc, COMMITMENT_LAYOUT, commitment).ok).toBe(true)
    }
    // The evaluation's results come only from a round's ballots, as in the workshop: no
    // socket may write them (checkServerWrittenElementResult.ts).
    const recorded = evaluation()
    expect(writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, withoutResults(recorded)).ok).toBe(
      true,
    )
    await holdEvaluationRound(server.url, map, doc, recorded.id, [
      { motivation: 4, inclusion: 2 },
      { motivation: 5, inclusion: 5 },
      { motivation: 4 },
    ])
    trainer = await openTrackedPage(browser, server.url, { name: 'Trainer', locale: 'en-GB' })
    ann = await openTrackedPage(browser, server.url, { name: 'Ann', locale: 'nl-NL' })
    for (const [person, token] of [
      [trainer, map.tokens.facilitator],
      [ann, map.tokens.editor],
    ] as const) {
      await person.page.setViewportSize({ width: 1920, height: 1080 })
      await person.page.goto(shareLinkFor(server.url, map.id, token))
      await waitForMapReady(person.page)
    }
  })

  afterAll(async () => {
    seeder?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('one action puts it on the board, with the records’ commitments and evaluation', async () => {
    const { page } = trainer
    await showWorkshop(page)
    await page.getByRole('button', { name: 'Add the follow-up board' }).click()
    await expect.poll(async () => (await followUpShapes(page)).records.length).toBe(1)
    expect((await followUpShapes(page)).frames).toEqual(['Phase 4 — follow-up'])
    expect((await followUpShapes(page)).steps).toHaveLength(6)
    const board = page.getByTestId('follow-up-records')
    const items = board.getByTestId('follow-up-commitment')
    await expect.poll(() => items.count()).toBe(2)
    // Overdue first, flagged in words.
    expect(await items.nth(0).textContent()).toContain('Overdue Share the premium calculation')
    expect(await items.nth(0).getAttribute('data-overdue')).toBe('true')
    expect(await items.nth(0).textContent()).toContain(
      'to Cacaoboeren Soubré · Buyer · due 2026-05-01',
    )
    expect(await items.nth(1).getAttribute('data-overdue')).toBeNull()
    expect(await board.getByTestId('follow-up-overdue-count').textContent()).toBe('1 overdue')
    expect(await board.getByTestId('follow-up-evaluation').textContent()).toContain(
      'Motivationmedian 4 (4–5)',
    )
    expect(await board.getByTestId('follow-up-evaluation').textContent()).toContain(
      'Inclusionmedian 3.5 (2–5)',
    )
    await waitForCameraToSettle(page)
    await page.screenshot({ path: `${SHOTS}/followup-board-trainer-en.png` })
    expect(await axeViolations(page)).toEqual([])

    // Ann, in Dutch, sees the same records in her words.
    const hers = ann.page.getByTestId('follow-up-records')
    await expect.poll(() => hers.count(), { timeout: 5000 }).toBe(1)
    await ann.page.evaluate(() => {
      ;(window as unknown as { editor: TestEditor }).editor.zoomToFit()
    })
    await waitForCameraToSettle(ann.page)
    expect(await hers.getByTestId('follow-up-overdue-count').textContent()).toBe('1 te laat')
    expect(await hers.textContent()).toContain('Te laat Share the premium calculation')
    expect(await hers.textContent()).toContain('Toezeggingen')
    expect(await hers.getByTestId('follow-up-evaluation').textContent()).toContain(
      'Motivatiemediaan 4 (4–5)',
    )
    // A Dutch decimal comma.
    expect(await hers.getByTestId('follow-up-evaluation').textContent()).toContain(
      'Inclusiemediaan 3,5 (2–5)',
    )
    await ann.page.screenshot({ path: `${SHOTS}/followup-board-ann-nl.png` })
  })

  it('with the keyboard: choose the dialogue, tick a commitment done, and the record changes', async () => {
    const { page } = trainer
    const [recordsId] = (await followUpShapes(page)).records
    await page.evaluate((id) => {
      const editor = (
        window as unknown as {
          editor: { select(id: string): void; focus(): void; getContainer(): HTMLElement }
        }
      ).editor
      // The keyboard on the board, as after a click on it (the panel's button had it).
      editor.getContainer().focus()
      editor.select(id)
      editor.focus()
    }, recordsId!)
    await page.keyboard.press('Enter')
    const select = page.getByTestId('follow-up-dialogue')
    await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true)
    await select.selectOption({ label: 'Living income, cooperative Soubré' })
    await page.keyboard.press('Tab')
    const tick = page.getByRole('checkbox', { name: 'Done: Share the premium calculation' })
    await expect.poll(() => tick.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    await expect
      .poll(
        () => {
          const read = readDialogueRecord(seeder.doc, COMMITMENT_LAYOUT, 'commit-late')
          return read?.ok ? read.value.status : null
        },
        { timeout: 5000 },
      )
      .toBe('done')
    await page.keyboard.press('Escape')
    // The flag goes on every screen; the board follows the chosen plan.
    const hers = ann.page.getByTestId('follow-up-records')
    await expect
      .poll(() => hers.getByTestId('follow-up-overdue-count').count(), { timeout: 5000 })
      .toBe(0)
    expect(await hers.getByTestId('follow-up-dialogue').inputValue()).toBe('plan-soubre')
    expect(await hers.textContent()).toContain('Gedaan')
  })

  it('a step the participant ticks is ticked for everyone', async () => {
    const [step] = (await followUpShapes(ann.page)).steps
    const spot = await shapeCentreOnScreen(ann.page, step!.id)
    await ann.page.mouse.click(spot.x, spot.y)
    await expect
      .poll(async () => (await followUpShapes(trainer.page)).steps[0]?.checked, { timeout: 5000 })
      .toBe(true)
  })

  it('shows the evaluation round while it is open', async () => {
    const { page } = trainer
    await showWorkshop(page)
    await page
      .getByTestId('evaluation-plan')
      .selectOption({ label: 'Living income, cooperative Soubré' })
    await page.getByTestId('start-evaluation').click()
    await expect
      .poll(() => ann.page.getByTestId('follow-up-round').textContent(), { timeout: 5000 })
      .toBe('De evaluatieronde loopt: 0 mensen hebben al gescoord.')
    expect(await page.getByTestId('follow-up-round').textContent()).toBe(
      'The evaluation round is open: 0 people have scored so far.',
    )
    await page.getByTestId('end-evaluation').click()
    await expect
      .poll(() => ann.page.getByTestId('follow-up-round').count(), { timeout: 5000 })
      .toBe(0)
  })

  it('split into tables, each table gets a board of its own', async () => {
    const { page } = trainer
    await showWorkshop(page)
    await page.getByRole('spinbutton', { name: 'Number of tables' }).fill('2')
    await page.getByRole('button', { name: 'Split into tables' }).click()
    await page
      .getByRole('button', { name: 'Add a follow-up board for each of the 2 tables' })
      .click()
    await expect.poll(async () => (await followUpShapes(page)).records.length).toBe(3)
    expect((await followUpShapes(page)).frames).toEqual([
      'Phase 4 — follow-up',
      'Table 1 — Phase 4 — follow-up',
      'Table 2 — Phase 4 — follow-up',
    ])
    await waitForCameraToSettle(page)
    await page.screenshot({ path: `${SHOTS}/followup-board-tables-en.png` })
  })

  it('leaves no errors in either browser', () => {
    for (const person of [trainer, ann]) expect(person.errors).toEqual([])
  })
})
