/**
 * The Dialogues tab in real Chromium: a Dutch owner plans a dialogue (title, date, goal,
 * invited stakeholders with a representative, a barrier, safety, feedback) and an English
 * editor sees it and adds to it at the same time; the plan's points of attention come and
 * go as the plan is filled in; "held" adds an entry to the engagement log of everyone who
 * took part; a commitment past its due date is marked overdue and listed first; a viewer
 * sees all of it as text with nothing to change; a plan's text typed offline survives the
 * tab closing before the local copy stored it; a plan the owner marks confidential leaves the
 * viewer's and the editor's tab (an editor may not mark one). Each step is checked on the
 * server.
 */
import { mkdirSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import { shareLinkFor, waitForMapReady, zoomToFit } from './browserFixture'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
} from './mapWithRolePages'
import { closeTabAndReopenOnline, cutOffLocalCopyCommits, goOffline } from './waysOutOfAField'

const SCREENSHOT_DIR = '.tmp/screenshots'
const FARMERS = 'Cacaoboeren in Soubré'
const UNION = 'Vakbond van plantagearbeiders'
const NGO = 'Stichting Eerlijke Cacao'

async function serverMap(setup: MapWithRolePages<'owner' | 'editor' | 'viewer'>) {
  const response = await fetch(
    `${setup.server.url}/api/maps/${setup.map.id}/export.json?contacts=1`,
    { headers: { authorization: `Bearer ${setup.map.tokens.owner}` } },
  )
  expect(response.status).toBe(200)
  return (await response.json()) as MapJson
}

async function openDialogues(page: Page, name: 'Dialogen' | 'Dialogues') {
  await page.getByRole('tab', { name, exact: true }).click()
}

/** The row of `name` in a plan's invited stakeholders. */
function invitedItem(form: Locator, name: string) {
  return form
    .locator('.invited__item')
    .filter({ has: form.page().locator('.invited__name', { hasText: name }) })
}

/** Opens an entry's block if it is closed. */
async function openEntry(entry: Locator) {
  if (!(await entry.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await entry.locator('summary').click()
  }
}

function plan(page: Page) {
  return page.locator('.dialogues-panel details.entry').first()
}

describe('the Dialogues tab', () => {
  let setup: MapWithRolePages<'owner' | 'editor' | 'viewer'>

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    setup = await openMapWithRolePages({
      title: 'Cacaoketen',
      roles: ['owner', 'editor', 'viewer'],
      locale: 'nl-NL',
    })
    await addStakeholders(setup.pages.owner.page, [FARMERS, UNION, NGO])
    // The editor works in English.
    await setup.pages.editor.page.evaluate(() => {
      const key = 'stakeholder-canvas:user'
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      localStorage.setItem(key, JSON.stringify({ ...stored, locale: 'en' }))
    })
    await setup.pages.editor.page.reload()
    await waitForMapReady(setup.pages.editor.page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  it('a plan filled in by the owner in Dutch reaches the server and the English editor', async () => {
    const { page } = setup.pages.owner
    await openDialogues(page, 'Dialogen')
    await page.getByRole('button', { name: 'Nieuw dialoogplan' }).click()
    const form = plan(page)
    await form.getByLabel('Titel', { exact: true }).fill('Leefbaar inkomen, coöperatie Soubré')
    await form.getByLabel('Titel', { exact: true }).press('Tab')
    await form.getByLabel('Datum', { exact: true }).fill('2026-11-20')
    await form.getByLabel('Doel', { exact: true }).fill('Horen wat een leefbaar inkomen vraagt')
    await form.getByLabel('Doel', { exact: true }).press('Tab')
    await form.getByLabel('Een stakeholder uitnodigen').selectOption({ label: FARMERS })
    await form.getByLabel('Een stakeholder uitnodigen').selectOption({ label: UNION })
    await invitedItem(form, FARMERS).getByRole('combobox').selectOption({ label: UNION })
    await expect
      .poll(async () => (await serverMap(setup)).dialoguePlans[0])
      .toMatchObject({
        title: 'Leefbaar inkomen, coöperatie Soubré',
        date: '2026-11-20',
        goal: 'Horen wat een leefbaar inkomen vraagt',
      })
    const stored = (await serverMap(setup)).dialoguePlans[0]!
    const ids = Object.fromEntries(
      (await serverMap(setup)).stakeholders.map((each) => [each.name, each.id]),
    )
    expect(stored.invited).toEqual(
      expect.arrayContaining([
        { stakeholderId: ids[FARMERS], representedBy: ids[UNION] },
        { stakeholderId: ids[UNION], representedBy: null },
      ]),
    )

    const editor = setup.pages.editor.page
    await openDialogues(editor, 'Dialogues')
    const theirs = plan(editor)
    await expect
      .poll(() => theirs.locator('summary').textContent())
      .toBe('Leefbaar inkomen, coöperatie Soubré · Draft · 2026-11-20')
    await theirs.locator('summary').click()
    await expect.poll(() => invitedItem(theirs, FARMERS).textContent()).toContain('Represented by')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/dialogues-plan-nl.png` })
    await editor.screenshot({ path: `${SCREENSHOT_DIR}/dialogues-plan-en.png` })
  })

  it('points of attention for rightsholders go once barriers, safety and feedback are filled in', async () => {
    const { page } = setup.pages.owner
    // The farmers are affected: the plan now invites rightsholders.
    await openEditorOn(page, FARMERS)
    await page.getByTestId('field-affected').check()
    await openDialogues(page, 'Dialogen')
    const alerts = page.locator('.dialogues-panel .alerts li')
    await expect
      .poll(() => alerts.allTextContents())
      .toEqual([
        'Leefbaar inkomen, coöperatie Soubré: Plan voor rechthebbenden zonder inschatting van drempels om mee te doen',
        'Leefbaar inkomen, coöperatie Soubré: Plan voor rechthebbenden zonder inschatting van hun veiligheid en vertrouwelijkheid',
        'Leefbaar inkomen, coöperatie Soubré: Geen stap gepland waarin de stakeholders horen wat er met hun inbreng is gedaan',
      ])
    const form = plan(page)
    await openEntry(form)
    await form.getByRole('button', { name: 'Drempel toevoegen' }).click()
    await form
      .getByLabel('Drempel', { exact: true })
      .selectOption({ label: 'Angst voor represailles' })
    await form.getByLabel('Hoe hij wordt verlaagd').fill('Gesprek zonder de opkoper erbij')
    await form.getByLabel('Hoe hij wordt verlaagd').press('Tab')
    await form
      .getByLabel('Veiligheid en vertrouwelijkheid', { exact: true })
      .fill('Geen namen in het verslag')
    await form.getByLabel('Veiligheid en vertrouwelijkheid', { exact: true }).press('Tab')
    await form
      .getByLabel('Hoe stakeholders terughoren')
      .fill('Verslag in het Baoulé binnen twee weken')
    await form.getByLabel('Hoe stakeholders terughoren').press('Tab')
    await expect.poll(() => alerts.count()).toBe(0)
    await expect
      .poll(async () => (await serverMap(setup)).dialoguePlans[0])
      .toMatchObject({
        barriers: [
          {
            kind: 'fear-of-retaliation',
            description: '',
            howLowered: 'Gesprek zonder de opkoper erbij',
          },
        ],
        safety: 'Geen namen in het verslag',
        feedback: 'Verslag in het Baoulé binnen twee weken',
      })
  })

  it('held: each stakeholder who took part gets an engagement-log entry, once', async () => {
    const { page } = setup.pages.owner
    const form = plan(page)
    await form.getByRole('button', { name: 'Gehouden: toevoegen aan de logboeken' }).click()
    await expect
      .poll(() => form.getByRole('status').last().textContent())
      .toBe('Toegevoegd aan de logboeken van 2 stakeholders.')
    const map = await serverMap(setup)
    expect(map.dialoguePlans[0]!.status).toBe('held')
    for (const name of [FARMERS, UNION]) {
      const log = map.stakeholders.find((each) => each.name === name)!.engagement.log
      expect(log).toEqual([
        expect.objectContaining({ date: '2026-11-20', informationShared: '', inputReceived: '' }),
      ])
    }
    await form.getByRole('button', { name: 'Gehouden: toevoegen aan de logboeken' }).click()
    await expect
      .poll(() => form.getByRole('status').last().textContent())
      .toBe('Staat al in het logboek van iedereen die deelnam.')
  })

  it('a commitment past its due date is marked overdue and listed first; one without a date after it', async () => {
    const { page } = setup.pages.owner
    const commitments = page.locator('section[aria-labelledby="commitments-heading"]')
    await commitments.getByRole('button', { name: 'Nieuwe toezegging' }).click()
    await commitments.getByRole('button', { name: 'Nieuwe toezegging' }).click()
    const entries = commitments.locator('details.entry')
    await expect.poll(() => entries.count()).toBe(2)
    const late = entries.nth(1)
    await openEntry(late)
    await late.getByLabel('Stakeholder', { exact: true }).selectOption({ label: NGO })
    await late.getByLabel('Wat is toegezegd').fill('Prijsopbouw delen')
    await late.getByLabel('Wat is toegezegd').press('Tab')
    await late.getByLabel('Uiterste datum').fill('2020-01-31')
    await late.getByLabel('Uiterste datum').press('Tab')
    await expect
      .poll(() => entries.first().locator('summary').textContent())
      .toBe(`Te laat${NGO}: Prijsopbouw delen · 2020-01-31`)
    await expect
      .poll(() => page.getByTestId('overdue-count').textContent())
      .toBe('1 toezegging te laat')
    // The card of the stakeholder it was promised to says so too, for everyone.
    const ngoCard = (on: Page) => on.locator('.stakeholder-card', { hasText: NGO }).first()
    for (const on of [page, setup.pages.editor.page]) {
      await expect
        .poll(() => ngoCard(on).getAttribute('data-alerts'))
        .toContain('overdue-commitments')
    }
    expect(await ngoCard(page).getByTestId('card-alert').getAttribute('aria-label')).toContain(
      '1 toezegging te laat',
    )
    // Dropped needs a reason: refused at the status until one is written.
    const first = entries.first()
    await first.getByLabel('Status', { exact: true }).selectOption({ label: 'Vervallen' })
    await expect.poll(() => first.locator('.field__error').count()).toBeGreaterThan(0)
    await first.getByLabel('Reden vervallen').fill('De NGO bestaat niet meer')
    await first.getByLabel('Reden vervallen').press('Tab')
    await first.getByLabel('Status', { exact: true }).selectOption({ label: 'Vervallen' })
    await expect.poll(() => page.getByTestId('overdue-count').count()).toBe(0)
    await expect
      .poll(async () => (await ngoCard(page).getAttribute('data-alerts')) ?? '')
      .not.toContain('overdue-commitments')
    const ngo = (await serverMap(setup)).stakeholders.find((each) => each.name === NGO)!
    await expect
      .poll(async () =>
        (await serverMap(setup)).commitments.find((each) => each.stakeholderId === ngo.id),
      )
      .toMatchObject({
        what: 'Prijsopbouw delen',
        dueDate: '2020-01-31',
        status: 'dropped',
        droppedReason: 'De NGO bestaat niet meer',
      })
    await page.screenshot({ path: `${SCREENSHOT_DIR}/dialogues-commitments-nl.png` })
  })

  it('an evaluation of the plan: the nine elements not scored yet, notes per element and what the stakeholders said reach the server', async () => {
    const { page } = setup.pages.owner
    const section = page.locator('section[aria-labelledby="evaluations-heading"]')
    await section.getByRole('button', { name: 'Nieuwe evaluatie' }).click()
    const evaluation = section.locator('details.entry').first()
    await evaluation.getByLabel('Dialoog', { exact: true }).selectOption({
      label: 'Leefbaar inkomen, coöperatie Soubré',
    })
    expect(await evaluation.locator('.evaluation__element').count()).toBe(9)
    expect(await evaluation.locator('.evaluation__result').first().textContent()).toBe(
      'nog niet gescoord',
    )
    const notes = evaluation.getByLabel('Notities bij het element: Inclusie')
    await notes.fill('De vrouwen kwamen niet aan het woord')
    await notes.press('Tab')
    const said = evaluation.getByLabel('Wat de stakeholders zeiden')
    await said.fill('Eindelijk werd er geluisterd')
    await said.press('Tab')
    const planId = (await serverMap(setup)).dialoguePlans[0]!.id
    await expect
      .poll(async () => (await serverMap(setup)).dialogueEvaluations[0])
      .toMatchObject({
        dialogueId: planId,
        elements: { inclusion: { result: null, notes: 'De vrouwen kwamen niet aan het woord' } },
        stakeholderRemarks: 'Eindelijk werd er geluisterd',
      })
  })

  it('a viewer sees the plan and the commitments as text, with nothing to change', async () => {
    const { page } = setup.pages.viewer
    await openDialogues(page, 'Dialogen')
    await plan(page).locator('summary').click()
    await expect
      .poll(() => plan(page).textContent())
      .toContain('Verslag in het Baoulé binnen twee weken')
    expect(await page.locator('.dialogues-panel :is(input, textarea, select)').count()).toBe(0)
    expect(await page.locator('.dialogues-panel button').count()).toBe(0)
  })

  it("a plan's text typed offline, then the tab closed, reaches the server when reopened", async () => {
    const owner = setup.pages.owner
    await goOffline(owner)
    const form = plan(owner.page)
    await openEntry(form)
    await cutOffLocalCopyCommits(owner.page)
    await form.getByLabel('Waarom nu', { exact: true }).click()
    await owner.page.keyboard.type('De oogst begint in oktober')

    await closeTabAndReopenOnline(
      owner,
      shareLinkFor(setup.server.url, setup.map.id, setup.map.tokens.owner),
    )
    await expect
      .poll(async () => (await serverMap(setup)).dialoguePlans[0]?.whyNow, { timeout: 10_000 })
      .toBe('De oogst begint in oktober')
    await zoomToFit(owner.page)
  })

  it("a plan marked Vertrouwelijk leaves the viewer's and editor's tab; an editor may not mark one", async () => {
    const editor = setup.pages.editor.page
    await openDialogues(editor, 'Dialogues')
    const theirs = plan(editor)
    await openEntry(theirs)
    await theirs.getByLabel('Confidentiality', { exact: true }).selectOption({
      label: 'Confidential',
    })
    await expect
      .poll(() => theirs.locator('.field__error').allTextContents())
      .toContain('Only owners and facilitators may change this. Your text is kept here.')
    expect((await serverMap(setup)).dialoguePlans[0]!.confidentiality).toBe('internal')

    const { page } = setup.pages.owner
    await openDialogues(page, 'Dialogen')
    const form = plan(page)
    await openEntry(form)
    await form.getByLabel('Vertrouwelijkheid', { exact: true }).selectOption({
      label: 'Vertrouwelijk',
    })
    const plans = (on: Page) => on.locator('section[aria-labelledby="dialogue-plans-heading"]')
    const evaluations = (on: Page) => on.locator('section[aria-labelledby="evaluations-heading"]')
    const viewer = setup.pages.viewer.page
    await openDialogues(viewer, 'Dialogen')
    await expect.poll(() => plans(viewer).locator('details.entry').count()).toBe(0)
    await expect.poll(() => plans(viewer).textContent()).toContain('Nog geen dialoogplannen.')
    await expect.poll(() => plans(editor).locator('details.entry').count()).toBe(0)
    await expect.poll(() => plans(editor).textContent()).toContain('No dialogue plans yet.')
    // The owner still has it; the server keeps it where only owners and facilitators read.
    expect(await form.locator('summary').textContent()).toContain('Leefbaar inkomen')
    await expect
      .poll(async () => (await serverMap(setup)).dialoguePlans[0]?.confidentiality)
      .toBe('confidential')
    const asViewer = await fetch(`${setup.server.url}/api/maps/${setup.map.id}/export.json`, {
      headers: { authorization: `Bearer ${setup.map.tokens.viewer}` },
    })
    const viewersFile = (await asViewer.json()) as MapJson
    expect(viewersFile.dialoguePlans).toEqual([])
    // Its evaluation (notes, what the stakeholders said) goes with it: gone from their tabs
    // and file, still with the owner.
    const said = 'Eindelijk werd er geluisterd'
    expect(viewersFile.dialogueEvaluations).toEqual([])
    expect(JSON.stringify(viewersFile)).not.toContain(said)
    await expect.poll(() => evaluations(viewer).locator('details.entry').count()).toBe(0)
    await expect.poll(() => evaluations(editor).locator('details.entry').count()).toBe(0)
    await expect.poll(() => evaluations(editor).textContent()).toContain('No evaluations yet.')
    expect(await evaluations(page).locator('details.entry').count()).toBe(1)
    const secret = await serverMap(setup)
    expect(secret.dialogueEvaluations[0]!.stakeholderRemarks).toBe(said)
  })
})
