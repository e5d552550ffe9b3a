import { describe, expect, it } from 'vitest'
import { MAP_DOCUMENT_SHAPE } from '../../../shared/document/documentShape'
import { OBSERVER_NOTES_MAP } from '../../../shared/document/mapDocumentLayout'
import {
  OBSERVER_NOTE_LIMIT,
  hasObserverNotes,
  notesByField,
  observerNoteKey,
  parseObserverNoteKey,
  readObserverSheets,
  refusedObserverNote,
  sheetOf,
} from '../../../shared/workshop/observerNotes'
import { NO_ROUNDS, endRound, startRound } from '../../../shared/workshop/rolePlayRounds'

describe('observer notes', () => {
  it('keys a note by round, observer and field, and reads the key back', () => {
    const key = observerNoteKey({ roundId: 'play-abc', observerId: 'g_ann-1', field: 'inclusion' })
    expect(key).toBe('play-abc/g_ann-1/inclusion')
    expect(parseObserverNoteKey(key)).toEqual({
      roundId: 'play-abc',
      observerId: 'g_ann-1',
      field: 'inclusion',
    })
    for (const bad of [
      'play-abc/g_ann/unknown',
      'round-abc/g_ann/general',
      'play-abc//general',
      'x',
    ]) {
      expect(parseObserverNoteKey(bad)).toBeNull()
    }
  })

  it('is a text of bounded length, as the document’s shape says', () => {
    expect(refusedObserverNote('ok')).toBeNull()
    expect(refusedObserverNote(3)).not.toBeNull()
    expect(refusedObserverNote('x'.repeat(OBSERVER_NOTE_LIMIT + 1))).not.toBeNull()
    const root = MAP_DOCUMENT_SHAPE[OBSERVER_NOTES_MAP]!
    expect(root.kind).toBe('map')
    if (root.kind !== 'map') return
    expect(root.map.slot('play-abc/g_ann/general')?.refuseValue?.({})).not.toBeNull()
    expect(root.map.slot('play-abc/g_ann/general')?.map).toBeNull()
    expect(root.map.slot('anything')).toBeNull()
  })

  it('gathers each observer’s sheet, and per field every round’s notes in order', () => {
    const one = startRound(NO_ROUNDS, ['g_bram', 'g_ann'], 10, 1_000)
    const two = startRound(endRound(one), ['g_ann'], 10, 2_000)
    const [r1, r2] = two.rounds
    const sheets = readObserverSheets([
      [`${r2!.id}/g_ann/general`, 'Round two went better.'],
      [`${r1!.id}/g_ann/general`, 'Ann on round one'],
      [`${r1!.id}/g_bram/general`, 'Bram on round one'],
      [`${r1!.id}/g_bram/inclusion`, '   '],
      [`${r1!.id}/g_bram/transparency`, 42],
      ['play-gone/g_ann/general', 'A round since removed'],
    ])
    expect(sheetOf(sheets, r1!.id, 'g_bram').notes).toEqual({
      general: 'Bram on round one',
      inclusion: '   ',
    })
    expect(sheetOf(sheets, r2!.id, 'g_chen').notes).toEqual({})
    const byField = notesByField(two, sheets)
    expect(byField.general).toEqual([
      { roundNumber: 1, observerId: 'g_bram', text: 'Bram on round one' },
      { roundNumber: 1, observerId: 'g_ann', text: 'Ann on round one' },
      { roundNumber: 2, observerId: 'g_ann', text: 'Round two went better.' },
    ])
    expect(byField.inclusion).toEqual([])
    expect(hasObserverNotes(byField)).toBe(true)
    expect(hasObserverNotes(notesByField(NO_ROUNDS, sheets))).toBe(false)
  })
})

describe('observer notes with an evaluation', () => {
  it('shows only the rounds played before the evaluation opened', () => {
    const one = startRound(NO_ROUNDS, ['g_ann'], 10, 1_000)
    const two = startRound(endRound(one), ['g_ann'], 10, 5_000)
    const sheets = readObserverSheets([
      [`${two.rounds[0]!.id}/g_ann/general`, 'first'],
      [`${two.rounds[1]!.id}/g_ann/general`, 'second'],
    ])
    expect(notesByField(two, sheets, 3_000).general.map((note) => note.text)).toEqual(['first'])
    expect(notesByField(two, sheets, 9_000).general.map((note) => note.text)).toEqual([
      'first',
      'second',
    ])
  })
})
