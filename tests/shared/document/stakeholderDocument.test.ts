import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CONTACTS_MAP,
  STAKEHOLDERS_MAP,
  deleteStakeholder,
  patchStakeholder,
  putEntry,
  readStakeholder,
  readStakeholders,
  removeEntry,
  stakeholdersMap,
  writeStakeholder,
} from '../../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import type { EngagementEntry, Stakeholder } from '../../../shared/stakeholder/Stakeholder'

const NOW = '2026-05-12T10:00:00.000Z'

function fullRecord(): Stakeholder {
  return createStakeholder(
    {
      id: 'sh-1',
      name: 'Cocoa farmers in Ghana',
      kind: 'group',
      category: 'value-chain-workers',
      valueChainPosition: 'upstream',
      countryOrRegion: 'Ghana',
      affected: true,
      vulnerable: true,
      vulnerabilityNote: 'Low literacy; fear of losing contracts',
      power: 2,
      legitimacy: 5,
      urgency: 4,
      influence: 1.5,
      impact: 4.75,
      attitude: 'critical',
      impacts: [
        {
          id: 'imp-2',
          description: 'Child labour in harvest season',
          topic: 'child labour',
          actuality: 'actual',
          scale: 5,
          scope: 3,
          irremediability: 4,
          likelihood: null,
        },
        {
          id: 'imp-1',
          description: 'Income below living income',
          topic: 'living income',
          actuality: 'potential',
          scale: 4,
          scope: 4,
          irremediability: 2,
          likelihood: 4,
        },
      ],
      engagement: { status: 'ongoing', intendedLevel: 'collaborate', log: [logEntry('log-1')] },
      contacts: [
        {
          id: 'c-1',
          name: 'Ama Mensah',
          role: 'Cooperative chair',
          organisation: 'Kuapa',
          email: 'ama@example.org',
          phone: '+233 20 000 0000',
          notes: '',
        },
      ],
    },
    { now: NOW },
  )
}

function logEntry(id: string, date = '2026-04-01'): EngagementEntry {
  return {
    id,
    date,
    step: 'identify-assess',
    method: 'Focus group with interpreter',
    informationShared: 'Draft risk assessment',
    inputReceived: 'Harvest-season pressure',
    howInputWasUsed: 'Added to risk register',
    followUp: 'Second visit in June',
    barriers: 'Language',
    barrierMeasures: 'Twi interpreter',
    confidentiality: 'internal',
  }
}

/** Two replicas that exchange every update, like two clients through a server. */
function twoReplicas() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'b') Y.applyUpdate(b, update, 'a')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'a') Y.applyUpdate(a, update, 'b')
  })
  return { a, b }
}

describe('stakeholder records in the Yjs document', () => {
  it('round-trips a full record, impacts and contacts sorted by id and the log by date', () => {
    const doc = new Y.Doc()
    const record = fullRecord()
    expect(writeStakeholder(doc, record).ok).toBe(true)
    const read = readStakeholder(doc, 'sh-1')
    expect(read?.ok).toBe(true)
    if (!read?.ok) return
    expect(read.value).toEqual({
      ...record,
      impacts: [...record.impacts].sort((x, y) => x.id.localeCompare(y.id)),
    })
  })

  it('keeps contacts apart from the public fields and leaves them out by default', () => {
    const doc = new Y.Doc()
    writeStakeholder(doc, fullRecord())
    const publicPart = JSON.stringify(doc.getMap(STAKEHOLDERS_MAP).toJSON())
    expect(publicPart).not.toContain('ama@example.org')
    expect(JSON.stringify(doc.getMap(CONTACTS_MAP).toJSON())).toContain('ama@example.org')

    const { stakeholders } = readStakeholders(doc)
    expect(stakeholders[0]).not.toHaveProperty('contacts')
    const withContacts = readStakeholders(doc, { includeContacts: true })
    expect(withContacts.stakeholders[0]?.contacts.map((c) => c.email)).toEqual(['ama@example.org'])
  })

  it('keeps both edits when two people change different fields of one stakeholder at once', () => {
    const a = new Y.Doc()
    writeStakeholder(a, fullRecord())
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // Edited while apart, then merged.
    patchStakeholder(a, 'sh-1', { power: 5 }, { now: NOW })
    patchStakeholder(b, 'sh-1', { name: 'Cocoa farming households' }, { now: NOW })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) {
      const read = readStakeholder(doc, 'sh-1')
      expect(read?.ok && read.value.power).toBe(5)
      expect(read?.ok && read.value.name).toBe('Cocoa farming households')
    }
  })

  it('keeps both engagement log entries added at the same time', () => {
    const a = new Y.Doc()
    writeStakeholder(a, fullRecord())
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    putEntry(a, 'sh-1', 'engagementLog', logEntry('log-a', '2026-05-01'))
    putEntry(b, 'sh-1', 'engagementLog', logEntry('log-b', '2026-04-15'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const read = readStakeholder(a, 'sh-1')
    expect(read?.ok && read.value.engagement.log.map((e) => e.id)).toEqual([
      'log-1',
      'log-b',
      'log-a',
    ])
  })

  it('refuses an invalid write and leaves the stored record as it was', () => {
    const doc = new Y.Doc()
    writeStakeholder(doc, fullRecord())
    const before = JSON.stringify(doc.toJSON())
    const result = writeStakeholder(doc, { ...fullRecord(), power: 9 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('power')
    expect(patchStakeholder(doc, 'sh-1', { urgency: 0 }).ok).toBe(false)
    expect(JSON.stringify(doc.toJSON())).toBe(before)
  })

  it('writes only the fields that changed', () => {
    const doc = new Y.Doc()
    writeStakeholder(doc, fullRecord())
    const changedKeys: string[] = []
    stakeholdersMap(doc).observeDeep((events) => {
      for (const event of events) for (const key of event.keys.keys()) changedKeys.push(key)
    })
    writeStakeholder(doc, { ...fullRecord(), urgency: 2 })
    expect(changedKeys).toEqual(['urgency'])
  })

  it('reports a record a broken or hostile peer wrote, and still reads the others', () => {
    const { a, b } = twoReplicas()
    writeStakeholder(a, fullRecord())
    const garbage = new Y.Map<unknown>()
    b.transact(() => {
      stakeholdersMap(b).set('evil', garbage)
      garbage.set('name', { toString: 'x' })
      garbage.set('power', 'lots')
    })
    const { stakeholders, invalid } = readStakeholders(a)
    expect(stakeholders.map((s) => s.id)).toEqual(['sh-1'])
    expect(invalid.map((i) => i.id)).toEqual(['evil'])
  })

  it('removes entries and whole stakeholders, contacts included', () => {
    const { a, b } = twoReplicas()
    writeStakeholder(a, fullRecord())
    expect(removeEntry(a, 'sh-1', 'contacts', 'c-1')).toBe(true)
    expect(removeEntry(a, 'sh-1', 'contacts', 'c-1')).toBe(false)
    const read = readStakeholder(b, 'sh-1')
    expect(read?.ok && read.value.contacts).toEqual([])
    expect(deleteStakeholder(b, 'sh-1')).toBe(true)
    expect(readStakeholder(a, 'sh-1')).toBeNull()
    expect(a.getMap(CONTACTS_MAP).size).toBe(0)
  })
})
