/**
 * Issue 21, attacking the trainers' wording of two boards: the filled-in example of phase 2
 * (the map document's `exampleWorksheet` root) and the follow-up board's steps
 * (`followUpSteps`). A trainer rewords them with the published y-websocket client; a
 * participant with the editor link and one with the viewer link try to rewrite them, delete
 * them, or add a key the root does not have. The server closes an editor's socket (1008),
 * drops a viewer's updates, and keeps the trainers' wording for everyone; a field nobody
 * reworded reads as the built-in text in the reader's language.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  EXAMPLE_WORKSHEET,
  readExampleWorksheet,
  writeExampleWorksheetField,
} from '../../shared/dialogue/exampleWorksheet'
import { EXAMPLE_WORKSHEET_MAP, FOLLOW_UP_STEPS_MAP } from '../../shared/document/mapDocumentLayout'
import { FOLLOW_UP_STEP_TEXTS } from '../../shared/labels/followUpStepLabels'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { followUpStepText, writeFollowUpStep } from '../../shared/workshop/followUpSteps'
import { createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const GOAL = 'Hear the pickers of our own supplier in Sinfra, before the new contract'
const FEEDBACK = 'Call the cooperative’s chair within a week, then visit the village'

/** A map whose example and steps a facilitator reworded, and an editor who received them. */
async function mapWithWording() {
  const test = await fixture.startServer()
  const mapId = await createMap(test)
  const trainer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  await waitForSync(trainer)
  writeExampleWorksheetField(trainer.doc, 'goal', GOAL)
  writeFollowUpStep(trainer.doc, 'feedback', FEEDBACK)
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
  await waitForSync(witness)
  await waitFor(() => followUpStepText(witness.doc, 'feedback', 'nl') === FEEDBACK)
  await waitFor(() => readExampleWorksheet(witness.doc, 'en').fields.goal === GOAL)
  return { test, mapId, trainer, witness }
}

/** An editor's socket that makes `change` is closed as a policy violation. */
async function editorRefused(
  test: Awaited<ReturnType<typeof fixture.startServer>>,
  mapId: string,
  change: (doc: Y.Doc) => void,
) {
  const attacker = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
  await waitForSync(attacker)
  await waitFor(() => followUpStepText(attacker.doc, 'feedback', 'en') === FEEDBACK)
  const closed = nextClose(attacker)
  change(attacker.doc)
  expect(await closed).toBe(CloseCode.policyViolation)
}

describe('the trainers’ wording of the example and the follow-up steps', () => {
  it('reaches everyone as reworded, the rest in each reader’s language', async () => {
    const { test, mapId } = await mapWithWording()
    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    await waitFor(() => readExampleWorksheet(viewer.doc, 'nl').fields.goal === GOAL)
    const dutch = readExampleWorksheet(viewer.doc, 'nl')
    expect(dutch.title).toBe(EXAMPLE_WORKSHEET.nl.title)
    expect(dutch.fields.whyNow).toBe(EXAMPLE_WORKSHEET.nl.fields.whyNow)
    expect(readExampleWorksheet(viewer.doc, 'en').fields.whyNow).toBe(
      EXAMPLE_WORKSHEET.en.fields.whyNow,
    )
    expect(followUpStepText(viewer.doc, 'feedback', 'nl')).toBe(FEEDBACK)
    expect(followUpStepText(viewer.doc, 'updateMap', 'nl')).toBe(FOLLOW_UP_STEP_TEXTS.nl.updateMap)
    expect(followUpStepText(viewer.doc, 'updateMap', 'en')).toBe(FOLLOW_UP_STEP_TEXTS.en.updateMap)
  })

  it('closes an editor’s socket that rewords, deletes or adds to either, and keeps the trainers’ words', async () => {
    const { test, mapId, trainer, witness } = await mapWithWording()
    await editorRefused(test, mapId, (doc) =>
      doc.getMap(EXAMPLE_WORKSHEET_MAP).set('goal', 'Tell them the price is final'),
    )
    await editorRefused(test, mapId, (doc) => doc.getMap(EXAMPLE_WORKSHEET_MAP).delete('goal'))
    await editorRefused(test, mapId, (doc) =>
      doc.getMap(EXAMPLE_WORKSHEET_MAP).set('title', 'Our own example'),
    )
    await editorRefused(test, mapId, (doc) =>
      doc.getMap(FOLLOW_UP_STEPS_MAP).set('feedback', 'No need to go back'),
    )
    await editorRefused(test, mapId, (doc) =>
      doc.getMap(FOLLOW_UP_STEPS_MAP).set('evaluate', 'Skip the evaluation'),
    )
    await editorRefused(test, mapId, (doc) => doc.getMap(FOLLOW_UP_STEPS_MAP).delete('feedback'))

    const late = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(late)
    await waitFor(() => followUpStepText(late.doc, 'feedback', 'en') === FEEDBACK)
    for (const client of [trainer, witness, late]) {
      expect(readExampleWorksheet(client.doc, 'en').fields.goal).toBe(GOAL)
      expect(readExampleWorksheet(client.doc, 'en').title).toBe(EXAMPLE_WORKSHEET.en.title)
      expect(followUpStepText(client.doc, 'feedback', 'en')).toBe(FEEDBACK)
      expect(followUpStepText(client.doc, 'evaluate', 'en')).toBe(FOLLOW_UP_STEP_TEXTS.en.evaluate)
    }
  })

  it('drops a viewer’s rewording and keeps its socket open', async () => {
    const { test, mapId, trainer } = await mapWithWording()
    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    await waitFor(() => followUpStepText(viewer.doc, 'feedback', 'en') === FEEDBACK)
    viewer.doc.getMap(EXAMPLE_WORKSHEET_MAP).set('goal', 'A viewer’s goal')
    viewer.doc.getMap(FOLLOW_UP_STEPS_MAP).set('feedback', 'A viewer’s step')

    const late = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(late)
    await waitFor(() => followUpStepText(late.doc, 'feedback', 'en') === FEEDBACK)
    expect(readExampleWorksheet(late.doc, 'en').fields.goal).toBe(GOAL)
    expect(readExampleWorksheet(trainer.doc, 'en').fields.goal).toBe(GOAL)
    expect(viewer.wsconnected).toBe(true)
  })

  it('refuses even a trainer’s key that neither root has', async () => {
    const { test, mapId, witness } = await mapWithWording()
    for (const root of [EXAMPLE_WORKSHEET_MAP, FOLLOW_UP_STEPS_MAP]) {
      const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
      await waitForSync(owner)
      const closed = nextClose(owner)
      owner.doc.getMap(root).set('script', '<img src=x onerror=alert(1)>')
      expect(await closed).toBe(CloseCode.policyViolation)
      expect(witness.doc.getMap(root).has('script')).toBe(false)
    }
  })

  it('lets the owner reword another step beside the facilitator’s, keeping both', async () => {
    const { test, mapId, witness } = await mapWithWording()
    const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(owner)
    writeFollowUpStep(owner.doc, 'dueDiligenceRecord', 'Into the file: the plan and the notes')
    writeExampleWorksheetField(owner.doc, 'title', 'Our own cocoa case')
    await waitFor(() => readExampleWorksheet(witness.doc, 'nl').title === 'Our own cocoa case')
    expect(followUpStepText(witness.doc, 'dueDiligenceRecord', 'nl')).toBe(
      'Into the file: the plan and the notes',
    )
    expect(followUpStepText(witness.doc, 'feedback', 'nl')).toBe(FEEDBACK)
  })
})
