/**
 * Evaluating a dialogue through the workshop model: the facilitator opens the round for a
 * plan (its evaluation made when it has none), participants score the nine SER elements
 * and may change them until the reveal, everyone sees only the count, then the same
 * results; notes written afterwards keep the results.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDialoguePlan } from '../../../shared/dialogue/createDialogueRecords'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  readDialogueRecords,
  writeDialogueRecord,
} from '../../../shared/document/dialogueDocument'
import { WorkshopRoom } from './workshopRoom'

let room: WorkshopRoom
afterEach(() => room.close())

describe('evaluating a dialogue through the workshop model', () => {
  it('counts until the reveal, then shows every element’s result to everyone and in the record', async () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    const ann = room.join('Ann', 'editor')
    const bram = room.join('Bram', 'editor')
    const projector = room.join('Projector', 'viewer')
    const plan = createDialoguePlan({ id: 'plan-1', title: 'With the cooperative' })
    writeDialogueRecord(fatima.doc, DIALOGUE_PLAN_LAYOUT, plan)
    expect(ann.model.evaluation.plans.get().map((each) => each.id)).toEqual(['plan-1'])

    fatima.model.evaluation.open('plan-1')
    const round = ann.model.evaluation.round.get()!
    expect(round).toMatchObject({ status: 'open' })
    const record = ann.model.evaluation.evaluation.get()!
    expect(record).toMatchObject({ id: round.evaluationId, dialogueId: 'plan-1' })

    void ann.model.evaluation.submit({ motivation: 2, commitment: 5 })
    // Changed before the reveal: the later scores count, the rest kept.
    void ann.model.evaluation.submit({ motivation: 3 })
    expect(ann.model.evaluation.mine.get()).toMatchObject({ motivation: 3, commitment: 5 })
    await bram.model.evaluation.submit({ motivation: 4, commitment: 1, knowledge: 4 })
    expect(await ann.model.evaluation.submit({ knowledge: 9 })).toBe(false)
    for (const { model } of room.people) await model.evaluation.settled()
    for (const { model } of room.people) {
      expect(model.evaluation.submittedCount.get()).toBe(2)
      expect(model.evaluation.result.get()).toBeNull()
    }
    expect(room.ballots.refusedCalls).toEqual([])

    await fatima.model.evaluation.reveal()
    expect(room.ballots.kept(round.id)).toBe(0)
    const result = projector.model.evaluation.result.get()!
    expect(result.motivation).toEqual({
      count: 2,
      median: 3.5,
      min: 3,
      max: 4,
      disagreement: false,
    })
    expect(result.commitment).toMatchObject({ median: 3, min: 1, max: 5, disagreement: true })
    expect(result.inclusion.count).toBe(0)
    expect(projector.model.evaluation.evaluation.get()?.elements.commitment.result).toEqual(
      result.commitment,
    )

    expect(ann.model.evaluation.setNotes('commitment', 'Far apart: talk it through')).toEqual({
      ok: true,
    })
    const noted = bram.model.evaluation.evaluation.get()!.elements.commitment
    expect(noted).toEqual({ result: result.commitment, notes: 'Far apart: talk it through' })

    // Ending keeps the result in the record; the plan's next round goes to the same record,
    // a role play gets one of its own.
    await fatima.model.evaluation.end()
    expect(ann.model.evaluation.round.get()).toBeNull()
    fatima.model.evaluation.open('plan-1')
    expect(ann.model.evaluation.round.get()?.evaluationId).toBe(record.id)
    await fatima.model.evaluation.end()
    fatima.model.evaluation.open(null)
    const evaluations = readDialogueRecords(ann.doc, DIALOGUE_EVALUATION_LAYOUT).records
    expect(evaluations).toHaveLength(2)
    expect(ann.model.evaluation.evaluation.get()).toMatchObject({ dialogueId: null })
  })
})
