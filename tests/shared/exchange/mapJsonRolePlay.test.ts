/**
 * Phase 3 in the map file (version 4): the role cards, rounds and observer sheets travel
 * exactly, phase 2's example setting too, and the cards' private briefs only with the
 * confidential part; an older file still reads, as a map without any of it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  FACILITATION_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  ROLE_PLAY_MAP,
} from '../../../shared/document/mapDocumentLayout'
import { exportMapJson, stringifyMapJson } from '../../../shared/exchange/exportMapJson'
import { holdsConfidentialContent, importMapJson } from '../../../shared/exchange/importMapJson'
import { parseMapJson } from '../../../shared/exchange/parseMapJson'
import { observerNoteKey } from '../../../shared/workshop/observerNotes'
import { readRoleCards, storedRoleCard } from '../../../shared/workshop/rolePlay'
import { startRound } from '../../../shared/workshop/rolePlayRounds'
import { NOW, richDocuments } from './richMap'

const OPTIONS = { title: 'SER workshop, phase 3', exportedAt: NOW }

/** A map mid-workshop: two cards (one dealt, one observer), two rounds, notes, briefs. */
function workshopMap() {
  const { doc, confidential } = richDocuments()
  const cards = doc.getMap<unknown>(ROLE_PLAY_MAP)
  cards.set(
    'role-buyer',
    storedRoleCard({
      id: 'role-buyer',
      title: 'De inkoper',
      description: 'Leidt de dialoog.',
      holderId: 'g_ann',
      order: 0,
      briefRevision: 2,
      observes: false,
    }),
  )
  cards.set(
    'role-observer',
    storedRoleCard({
      id: 'role-observer',
      title: 'Waarnemer',
      description: 'Noteert hoe het gaat.',
      holderId: 'g_bram',
      order: 1,
      briefRevision: 0,
      observes: true,
    }),
  )
  const first = startRound({ rounds: [], currentId: null }, ['g_bram'], 10, 1_700_000_000_000)
  const second = startRound(first, ['g_bram'], 15, 1_700_000_900_000)
  const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
  facilitation.set('rolePlayRounds', second)
  facilitation.set('exampleShown', true)
  const roundId = second.rounds[0]!.id
  const notes = doc.getMap<unknown>(OBSERVER_NOTES_MAP)
  notes.set(observerNoteKey({ roundId, observerId: 'g_bram', field: 'general' }), 'Ann luisterde.')
  notes.set(observerNoteKey({ roundId, observerId: 'g_bram', field: 'inclusion' }), 'Geen tolk.')
  confidential.getMap<unknown>(ROLE_BRIEFS_MAP).set('role-buyer', 'Blijf binnen het budget.')
  return { doc, confidential }
}

function reimport(text: string, withConfidential: boolean) {
  const parsed = parseMapJson(text)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const doc = new Y.Doc()
  const confidential = withConfidential ? new Y.Doc() : null
  expect(importMapJson(doc, parsed.value, undefined, confidential)).toEqual({ ok: true })
  return { doc, confidential, parsed: parsed.value }
}

describe('phase 3 in the map file', () => {
  it('round-trips cards, rounds, observer notes, briefs and the example setting exactly', () => {
    const source = workshopMap()
    const first = exportMapJson(source.doc, { ...OPTIONS, confidential: source.confidential })
    expect(first.version).toBe(4)
    expect(first.rolePlay.cards.map((card) => card.id)).toEqual(['role-buyer', 'role-observer'])
    expect(first.rolePlay.rounds.map((round) => round.number)).toEqual([1, 2])
    expect(first.rolePlay.briefs).toEqual({ 'role-buyer': 'Blijf binnen het budget.' })
    expect(Object.values(first.observerNotes)).toEqual(['Geen tolk.', 'Ann luisterde.'].sort())
    expect(first.exampleShown).toBe(true)
    const text = stringifyMapJson(first)
    const target = reimport(text, true)
    expect(holdsConfidentialContent(target.parsed)).toBe(true)
    expect(readRoleCards(target.doc.getMap<unknown>(ROLE_PLAY_MAP).entries())).toEqual(
      first.rolePlay.cards,
    )
    expect(target.confidential!.getMap(ROLE_BRIEFS_MAP).get('role-buyer')).toBe(
      'Blijf binnen het budget.',
    )
    const again = exportMapJson(target.doc, { ...OPTIONS, confidential: target.confidential })
    expect(stringifyMapJson(again)).toBe(text)
  })

  it('leaves the briefs out without the confidential part, and refuses a file that has them anyway', () => {
    const source = workshopMap()
    const plain = exportMapJson(source.doc, OPTIONS)
    expect('briefs' in plain.rolePlay).toBe(false)
    expect(plain.rolePlay.cards).toHaveLength(2)
    const target = reimport(stringifyMapJson(plain), false)
    expect(stringifyMapJson(exportMapJson(target.doc, OPTIONS))).toBe(stringifyMapJson(plain))
    const forged = { ...plain, rolePlay: { ...plain.rolePlay, briefs: { 'role-buyer': 'x' } } }
    const parsed = parseMapJson(JSON.stringify(forged))
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors.map((error) => [error.path, error.code])).toEqual([
      ['rolePlay.briefs', 'contacts-not-included'],
    ])
  })

  it('names what does not fit by its path', () => {
    const plain = exportMapJson(workshopMap().doc, OPTIONS)
    const broken = {
      ...plain,
      rolePlay: { ...plain.rolePlay, cards: [{ ...plain.rolePlay.cards[0], id: 'buyer' }] },
      observerNotes: { 'not-a-key': 'x' },
      exampleShown: 'yes',
    }
    const parsed = parseMapJson(JSON.stringify(broken))
    expect(!parsed.ok && parsed.errors.map((error) => error.path)).toEqual([
      'rolePlay.cards[0].id',
      'observerNotes.not-a-key',
      'exampleShown',
    ])
  })

  it('reads a version 3 file as a map without a role play, notes or shown example', () => {
    const map = JSON.parse(stringifyMapJson(exportMapJson(workshopMap().doc, OPTIONS))) as Record<
      string,
      unknown
    >
    const { rolePlay: _r, observerNotes: _n, exampleShown: _e, ...v3 } = map
    const result = parseMapJson(JSON.stringify({ ...v3, version: 3 }))
    expect(result.ok && result.warnings).toEqual([])
    if (!result.ok) throw new Error('not read')
    expect(result.value.rolePlay).toEqual({
      cards: [],
      rounds: [],
      currentRoundId: null,
      briefs: {},
    })
    expect([result.value.observerNotes, result.value.exampleShown]).toEqual([{}, false])
  })
})
