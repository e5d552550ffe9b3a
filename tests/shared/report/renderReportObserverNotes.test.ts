/**
 * The role play's observer sheets in the report's evaluations chapter: per round, each
 * observer by the role card they held (or counted), their notes in general and per SER
 * element, in Dutch and English, escaped; nothing when no one noted anything.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  FACILITATION_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_PLAY_MAP,
} from '../../../shared/document/mapDocumentLayout'
import { readRolePlayObservations } from '../../../shared/document/observerNotesDocument'
import { renderReport } from '../../../shared/report/renderReport'
import { observerNoteKey } from '../../../shared/workshop/observerNotes'
import { readRoleCard, storedRoleCard } from '../../../shared/workshop/rolePlay'
import { NO_ROUNDS, endRound, startRound } from '../../../shared/workshop/rolePlayRounds'

function mapWithNotes() {
  const doc = new Y.Doc()
  const one = startRound(NO_ROUNDS, ['g_ann'], 10, 1_000)
  const two = startRound(endRound(one), ['g_ann', 'g_bram'], 10, 2_000)
  doc.getMap(FACILITATION_MAP).set('rolePlayRounds', two)
  const card = readRoleCard('role-a-observer', { title: 'Waarnemer', holderId: 'g_ann' })!
  doc.getMap(ROLE_PLAY_MAP).set(card.id, storedRoleCard(card))
  const notes = doc.getMap(OBSERVER_NOTES_MAP)
  const [r1, r2] = two.rounds
  notes.set(
    observerNoteKey({ roundId: r1!.id, observerId: 'g_ann', field: 'general' }),
    'Eerste <b>ronde</b>',
  )
  notes.set(
    observerNoteKey({ roundId: r1!.id, observerId: 'g_ann', field: 'inclusion' }),
    'Bewoner kwam niet aan het woord',
  )
  notes.set(
    observerNoteKey({ roundId: r2!.id, observerId: 'g_bram', field: 'transparency' }),
    'Figures shared',
  )
  return doc
}

function report(doc: Y.Doc, locale: 'nl' | 'en') {
  return renderReport({
    title: 'Rollenspel',
    generatedAt: '2026-12-07T12:00:00.000Z',
    stakeholders: [],
    locale,
    observations: readRolePlayObservations(doc),
  })
}

describe('observer notes in the report', () => {
  it('prints each round’s sheets in the evaluations chapter, escaped', () => {
    const html = report(mapWithNotes(), 'nl')
    const chapter = html.slice(html.indexOf('id="evaluations"'), html.indexOf('id="method"'))
    expect(chapter).toContain('Aantekeningen van de waarnemers in het rollenspel')
    expect(chapter).toContain('<h4>Ronde 1</h4><h5>Waarnemer</h5>')
    expect(chapter).toContain('<dt>Algemeen</dt><dd>Eerste &lt;b&gt;ronde&lt;/b&gt;</dd>')
    expect(chapter).toContain('<dt>Inclusie</dt><dd>Bewoner kwam niet aan het woord</dd>')
    // Bram held no card: the second observer of round 2.
    expect(chapter).toContain('<h4>Ronde 2</h4><h5>Waarnemer 2</h5>')
    expect(chapter).not.toContain('<b>ronde</b>')
  })

  it('speaks English in an English report', () => {
    const html = report(mapWithNotes(), 'en')
    expect(html).toContain('Observer notes from the role play')
    expect(html).toContain(
      '<h4>Round 2</h4><h5>Observer 2</h5><dl class="details"><dt>Transparency</dt>',
    )
  })

  it('leaves the block out when nothing was noted', () => {
    const doc = new Y.Doc()
    doc.getMap(FACILITATION_MAP).set('rolePlayRounds', startRound(NO_ROUNDS, ['g_ann'], 10, 1))
    expect(report(doc, 'en')).not.toContain('Observer notes from the role play')
  })
})
