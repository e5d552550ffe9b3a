import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { engagementEntriesFromHeldDialogue } from '../../../shared/dialogue/engagementEntriesFromHeldDialogue'
import {
  putEntry,
  readStakeholder,
  writeStakeholder,
} from '../../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { plan } from './dialogueFixtures'

describe('engagementEntriesFromHeldDialogue', () => {
  it('gives each invited stakeholder and attending representative an entry filled from the plan', () => {
    const result = engagementEntriesFromHeldDialogue(plan(), { locale: 'nl' })
    if (!result.ok) throw new Error(result.code)
    expect(result.entries.map((e) => e.stakeholderId)).toEqual([
      'sh-farmers',
      'sh-pickers',
      'sh-union',
    ])
    expect(result.entries[0]!.entry).toEqual({
      id: 'plan-soubre:sh-farmers',
      date: '2026-04-14',
      step: 'identify-assess',
      method: 'Bezoek ter plaatse, Soubré',
      informationShared: 'Summary of the premium scheme\nPrinted, read out in Baoulé',
      inputReceived: '',
      howInputWasUsed: '',
      followUp: '',
      barriers: 'Reizen: Farmers cannot leave the harvest',
      barrierMeasures: 'Reizen: Meeting in the village after work',
      confidentiality: 'internal',
    })
    const english = engagementEntriesFromHeldDialogue(plan(), { locale: 'en', date: '2026-04-15' })
    expect(english.ok && english.entries[0]!.entry.method).toBe('Site visit, Soubré')
    expect(english.ok && english.entries[0]!.entry.date).toBe('2026-04-15')
  })

  it('says why when the plan has no date or no one invited', () => {
    expect(engagementEntriesFromHeldDialogue({ ...plan(), date: null }, { locale: 'en' })).toEqual({
      ok: false,
      code: 'no-date',
    })
    expect(engagementEntriesFromHeldDialogue({ ...plan(), invited: [] }, { locale: 'en' })).toEqual(
      {
        ok: false,
        code: 'no-one-invited',
      },
    )
  })

  it('makes entries the stakeholders’ logs accept', () => {
    const doc = new Y.Doc()
    writeStakeholder(doc, createStakeholder({ id: 'sh-farmers', name: 'Farmers' }))
    const result = engagementEntriesFromHeldDialogue(plan(), { locale: 'en' })
    if (!result.ok) throw new Error(result.code)
    const { entry } = result.entries[0]!
    expect(putEntry(doc, 'sh-farmers', 'engagementLog', entry).ok).toBe(true)
    const stored = readStakeholder(doc, 'sh-farmers')
    expect(stored?.ok && stored.value.engagement.log).toEqual([entry])
  })
})
