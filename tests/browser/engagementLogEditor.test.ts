/**
 * The engagement-log editor in real Chromium: an owner records a dialogue with its date, step,
 * method and every evidence field; a confidential entry reaches the facilitator's browser and
 * never the editor's (not on the page, not offered as a level), while a public one reaches
 * both; the log's text fields keep what was typed whichever way the owner leaves them.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shareLinkFor, zoomToFit } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
  revealEntryField,
} from './mapWithRolePages'
import {
  closeTabAndReopenOnline,
  cutOffLocalCopyCommits,
  goOffline,
  waysOutOfAField,
} from './waysOutOfAField'

const FARMERS = 'Alpha cocoa farmers'
const UNION = 'Bravo trade union'
const SECRET = 'Named a farmer who fears reprisals'

/** The editor's engagement-log section. */
function log(page: Page) {
  return page.getByRole('group', { name: 'Engagement log', exact: true })
}

/** The evidence a company reports about one dialogue, by field label. */
const EVIDENCE = {
  Method: 'Village meeting in Kumasi',
  'Information shared': 'The draft sourcing policy',
  'Input received': SECRET,
  'How the input was used': 'Grievance channel made anonymous',
  'Follow-up': 'Visit again in June',
  'Barriers met': 'Meeting held in English only',
  'How barriers were lowered': 'An interpreter for Twi',
} as const

describe('the engagement-log editor', () => {
  let setup: MapWithRolePages<'owner' | 'facilitator' | 'editor'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({
      title: 'Cocoa due diligence',
      roles: ['owner', 'facilitator', 'editor'],
    })
    await addStakeholders(setup.pages.owner.page, [FARMERS, UNION])
    for (const role of ['facilitator', 'editor'] as const) await zoomToFit(setup.pages[role].page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('an entry with date, step and evidence reaches the server field by field', async () => {
    const { page } = setup.pages.owner
    await openEditorOn(page, FARMERS)
    await log(page).getByRole('button', { name: 'Add engagement' }).click()
    const entry = log(page).locator('details.entry').first()
    await entry.getByLabel('Date', { exact: true }).fill('2026-05-12')
    await entry.getByLabel('Due-diligence step').selectOption({
      label: '2. Identify and assess adverse impacts',
    })
    for (const [label, text] of Object.entries(EVIDENCE)) {
      await entry.getByLabel(label, { exact: true }).fill(text)
      await entry.getByLabel(label, { exact: true }).press('Tab')
    }
    await entry.getByLabel('Confidentiality').selectOption({ label: 'Confidential' })
    await expect
      .poll(async () => (await setup.serverRecord(FARMERS))?.engagement.log)
      .toMatchObject([
        {
          date: '2026-05-12',
          step: 'identify-assess',
          method: EVIDENCE.Method,
          informationShared: EVIDENCE['Information shared'],
          inputReceived: SECRET,
          howInputWasUsed: EVIDENCE['How the input was used'],
          followUp: EVIDENCE['Follow-up'],
          barriers: EVIDENCE['Barriers met'],
          barrierMeasures: EVIDENCE['How barriers were lowered'],
          confidentiality: 'confidential',
        },
      ])
    expect(await entry.locator('summary').textContent()).toBe(
      '2026-05-12 · 2. Identify and assess adverse impacts',
    )
  })

  it("a confidential entry is in the facilitator's browser and absent from the editor's", async () => {
    const facilitator = setup.pages.facilitator.page
    await openEditorOn(facilitator, FARMERS)
    const seen = log(facilitator).locator('details.entry').first()
    await revealEntryField(facilitator, seen.getByLabel('Input received'))
    await expect.poll(() => seen.getByLabel('Input received').inputValue()).toBe(SECRET)
    expect(await seen.getByLabel('Confidentiality').inputValue()).toBe('confidential')

    const editor = setup.pages.editor.page
    await openEditorOn(editor, FARMERS)
    await expect.poll(() => log(editor).textContent()).toContain('No engagement recorded yet.')
    expect(await log(editor).locator('details.entry').count()).toBe(0)
    expect(await editor.content()).not.toContain(SECRET)

    // A public entry the owner adds next reaches the editor, alone.
    const { page } = setup.pages.owner
    await log(page).getByRole('button', { name: 'Add engagement' }).click()
    const second = log(page).locator('details.entry').nth(1)
    await second.getByLabel('Method', { exact: true }).fill('Open letter')
    await second.getByLabel('Method', { exact: true }).press('Tab')
    await second.getByLabel('Confidentiality').selectOption({ label: 'Public' })
    await expect.poll(() => log(editor).locator('details.entry').count()).toBe(1)
    const editorsEntry = log(editor).locator('details.entry').first()
    await revealEntryField(editor, editorsEntry.getByLabel('Method', { exact: true }))
    expect(await editorsEntry.getByLabel('Method', { exact: true }).inputValue()).toBe(
      'Open letter',
    )
    // The editor may not choose a level it could not read back.
    expect(
      await editorsEntry.getByLabel('Confidentiality').locator('option').allTextContents(),
    ).toEqual(['Public', 'Internal'])
    expect(await editor.content()).not.toContain(SECRET)
    await expect.poll(() => log(facilitator).locator('details.entry').count()).toBe(2)
    expect(
      setup.pages.owner.errors.concat(setup.pages.facilitator.errors, setup.pages.editor.errors),
    ).toEqual([])
  })

  let n = 0
  for (const way of waysOutOfAField('en')) {
    for (const field of [
      { label: 'Method', key: 'method', multiline: false },
      { label: 'Follow-up', key: 'followUp', multiline: true },
    ] as const) {
      if (way.oneLineOnly && field.multiline) continue
      it(`log ${field.key}: typed, then ${way.name}, reaches the server`, async () => {
        const { page } = setup.pages.owner
        const text = `Second village meeting ${++n}`
        await openEditorOn(page, FARMERS)
        const entry = log(page).locator('details.entry').first()
        const id = await entry.getAttribute('data-entry-id')
        const input = entry.getByLabel(field.label, { exact: true })
        await revealEntryField(page, input)
        await input.click()
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type(text)
        await way.leave(page)
        await expect
          .poll(
            async () =>
              (await setup.serverRecord(FARMERS))?.engagement.log.find((e) => e.id === id)?.[
                field.key
              ],
            { timeout: 5000 },
          )
          .toBe(text)
      })
    }
  }

  it('a log date typed offline, then the tab closed, reaches the server when reopened', async () => {
    const owner = setup.pages.owner
    await goOffline(owner)
    await openEditorOn(owner.page, FARMERS)
    const entry = log(owner.page).locator('details.entry').first()
    const id = await entry.getAttribute('data-entry-id')
    await revealEntryField(owner.page, entry.getByLabel('Date', { exact: true }))
    // The tab closes before IndexedDB committed what was written.
    await cutOffLocalCopyCommits(owner.page)
    await entry.getByLabel('Date', { exact: true }).fill('2026-06-03')
    // Tab moves between the day, month and year of a date input: leave it by a click.
    await entry.getByLabel('Method', { exact: true }).click()

    await closeTabAndReopenOnline(
      owner,
      shareLinkFor(setup.server.url, setup.map.id, setup.map.tokens.owner),
    )
    await expect
      .poll(
        async () =>
          (await setup.serverRecord(FARMERS))?.engagement.log.find((e) => e.id === id)?.date,
        {
          timeout: 10_000,
        },
      )
      .toBe('2026-06-03')
  })
})
