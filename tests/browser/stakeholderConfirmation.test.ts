/**
 * The stakeholder's own voice (issue 21) in real Chromium: an editor asks for confirmation
 * of an engagement-log entry and copies the one-time link; the stakeholder opens it in a
 * fresh browser (no account, no map link) in Dutch, sees only that entry's summary —
 * not the contact, not the barriers, not another entry or stakeholder — and answers with a
 * correction; the editor then sees the answer on the entry and the link as answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axeCheck'
import { openTrackedPage } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
  revealEntryField,
} from './mapWithRolePages'

const UNION = 'Bravo trade union'
const OTHER = 'Charlie retailers'
const FOLLOW_UP = 'We review the premium by June'
const BARRIER = 'Fear of retaliation by the buyer'
const CONTACT_EMAIL = 'kofi.private@example.org'
const CORRECTION = 'We asked for the review by April, not June'

describe("the stakeholder's confirmation of an entry", () => {
  let setup: MapWithRolePages<'editor'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({ title: 'Cocoa due diligence', roles: ['editor'] })
    await addStakeholders(setup.pages.editor.page, [UNION, OTHER])
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('an editor asks, the stakeholder corrects in Dutch, the editor sees the answer', async () => {
    const { page } = setup.pages.editor
    await openEditorOn(page, UNION)
    const log = page.getByRole('group', { name: 'Engagement log', exact: true })
    await log.getByRole('button', { name: 'Add engagement' }).click()
    const entry = log.locator('details.entry').first()
    await entry.getByLabel('Date', { exact: true }).fill('2026-05-12')
    for (const [label, text] of [
      ['Method', 'Village meeting in Kumasi'],
      ['Input received', 'Prices do not cover a living income'],
      ['Follow-up', FOLLOW_UP],
      ['Barriers met', BARRIER],
    ] as const) {
      const field = entry.getByLabel(label, { exact: true })
      await revealEntryField(page, field)
      await field.fill(text)
      await field.press('Tab')
    }
    await expect
      .poll(async () => (await setup.serverRecord(UNION))?.engagement.log[0]?.followUp)
      .toBe(FOLLOW_UP)

    await entry.getByRole('button', { name: 'Ask for confirmation' }).click()
    const shown = entry.getByTestId('confirmation-link')
    await shown.waitFor()
    const url = await shown.inputValue()
    expect(url).toContain('/confirm/')
    expect(url).not.toContain(setup.map.id)
    await entry.getByText(/Waiting for an answer, until/).waitFor()

    // The stakeholder: a fresh browser in Dutch, with nothing but the link.
    const stakeholder = await openTrackedPage(setup.browser, setup.server.url, {
      locale: 'nl-NL',
      place: null,
    })
    try {
      const visitor = stakeholder.page
      await visitor.goto(url)
      await visitor.getByRole('heading', { name: 'Klopt dit met ons gesprek?' }).waitFor()
      const body = (await visitor.locator('body').textContent()) ?? ''
      expect(body).toContain(FOLLOW_UP)
      expect(body).toContain(UNION)
      for (const never of [BARRIER, OTHER, CONTACT_EMAIL, 'Cocoa due diligence']) {
        expect(body).not.toContain(never)
      }
      expect(await axeViolations(visitor)).toEqual([])
      await visitor.getByRole('link', { name: 'English' }).click()
      await visitor.getByRole('heading', { name: 'Is this what we discussed?' }).waitFor()
      await visitor.getByRole('link', { name: 'Nederlands' }).click()
      await visitor.getByLabel('Nee, er moet iets verbeterd of aangevuld worden').check()
      await visitor.getByLabel('Verbeteringen').fill(CORRECTION)
      await visitor.getByRole('button', { name: 'Mijn antwoord versturen' }).click()
      await visitor
        .getByRole('heading', { name: 'Dank u wel. Uw antwoord is vastgelegd.' })
        .waitFor()
      await visitor.screenshot({
        path: '/tmp/stakeholder-confirmation-answered.png',
        fullPage: true,
      })
      expect(stakeholder.foreignRequests).toEqual([])
      // Opened again, the link shows the answer and takes no other.
      await visitor.reload()
      await visitor.getByText('Er kan geen ander antwoord meer bij.').waitFor()
      expect(await visitor.getByRole('button').count()).toBe(0)
    } finally {
      await stakeholder.context.close()
    }

    const answer = entry.getByTestId('stakeholder-answer')
    await answer.waitFor()
    await expect.poll(() => answer.textContent()).toContain('Corrected by the stakeholder')
    expect(await answer.textContent()).toContain(CORRECTION)
    expect(await answer.textContent()).toContain('on the link asked by Editor')
    await entry.getByText(/Answered on/).waitFor()
    await page.screenshot({ path: '/tmp/stakeholder-confirmation-editor.png' })
    expect(await axeViolations(page)).toEqual([])
  })
})
