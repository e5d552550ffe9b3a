/**
 * The role play's rounds on the page: a round starts on the phase-3 block's countdown with
 * the observer card's holder as its observer, ends with its countdown, and each observer's
 * notes come back as their sheet and, per field, for the evaluation opened after it.
 */
import { atom } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { readFacilitation } from '../../../shared/workshop/facilitationState'
import { sheetOf } from '../../../shared/workshop/observerNotes'
import { RolePlayModel } from '../../../client/workshop/model/RolePlayModel'

function setup() {
  const doc = new Y.Doc()
  let now = 1_000_000
  const model = new RolePlayModel(
    doc,
    new Y.Doc(),
    null,
    async () => ({ role: null }),
    atom('self', 'g_ann'),
    () => now,
  )
  return { doc, model, later: (ms: number) => (now += ms) }
}

describe('RolePlayRoundsModel', () => {
  it('starts a round on everyone’s timer with the observer card’s holder, and ends it', () => {
    const { doc, model } = setup()
    model.useDefaultRoles('nl')
    const observer = model.cards.get().find((card) => card.observes)!
    const buyer = model.cards.get()[0]!
    model.deal(observer.id, 'g_ann')
    model.deal(buyer.id, 'g_bram')
    model.rounds.start(7)
    const round = model.rounds.current.get()!
    expect(round).toMatchObject({ number: 1, observerIds: ['g_ann'], minutes: 7 })
    expect(readFacilitation(doc).timer).toMatchObject({
      blockId: 'phase-3',
      partId: round.id,
      durationMs: 7 * 60_000,
    })
    expect(model.rounds.mine.get().map((each) => each.id)).toEqual([round.id])
    model.rounds.end()
    expect(model.rounds.current.get()).toBeNull()
    expect(readFacilitation(doc).timer).toBeNull()
    expect(doc.getMap(FACILITATION_MAP).get('rolePlayRounds')).toMatchObject({ currentId: null })
  })

  it('keeps a countdown the facilitator started for something else when a round ends', () => {
    const { doc, model } = setup()
    model.rounds.start(5)
    const other = {
      blockId: 'phase-4',
      partId: null,
      startedAt: 1,
      durationMs: 60_000,
      pausedAt: null,
    }
    doc.getMap(FACILITATION_MAP).set('timer', other)
    model.rounds.end()
    expect(readFacilitation(doc).timer).toEqual(other)
  })

  it('gives each observer’s notes back as their sheet and, later, to the evaluation', () => {
    const { model, later } = setup()
    model.rounds.start(10)
    const round = model.rounds.current.get()!
    model.rounds.addObserver(round.id, 'g_chen')
    expect(model.rounds.current.get()!.observerIds).toEqual(['g_chen'])
    model.rounds.writeNote(round.id, 'g_chen', 'general', 'Chen noticed this')
    model.rounds.writeNote(round.id, 'g_chen', 'inclusion', 'Nobody asked the villager')
    expect(sheetOf(model.rounds.sheets.get(), round.id, 'g_chen').notes).toEqual({
      general: 'Chen noticed this',
      inclusion: 'Nobody asked the villager',
    })
    expect(model.rounds.notesBefore(round.startedAt).general).toEqual([])
    later(60_000)
    expect(model.rounds.notesBefore(round.startedAt + 1).inclusion).toEqual([
      { roundNumber: 1, observerId: 'g_chen', text: 'Nobody asked the villager' },
    ])
    model.rounds.removeObserver(round.id, 'g_chen')
    expect(model.rounds.current.get()!.observerIds).toEqual([])
    // What they noted stays.
    expect(model.rounds.notesBefore(Infinity).general).toHaveLength(1)
  })
})
