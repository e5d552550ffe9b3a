import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CONTACTS_MAP,
  confidentialLogMap,
  contactsMap,
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

/** Two replicas of one document that exchange every update, like two clients through a server. */
function linked() {
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

/** Two replicas of a map's documents: its map document and its confidential document. */
function twoReplicas() {
  const map = linked()
  const confidential = linked()
  return { a: map.a, b: map.b, secretA: confidential.a, secretB: confidential.b }
}

/** The record with a confidential log entry besides its internal one. */
function recordWithSecret(): Stakeholder {
  const record = fullRecord()
  const secret = { ...logEntry('log-secret', '2026-04-20'), inputReceived: 'Named a whistleblower' }
  return {
    ...record,
    engagement: {
      ...record.engagement,
      log: [...record.engagement.log, { ...secret, confidentiality: 'confidential' }],
    },
  }
}

const text = (doc: Y.Doc) => JSON.stringify(doc.toJSON())

describe('stakeholder records in the Yjs documents', () => {
  it('round-trips a full record, impacts and contacts sorted by id and the log by date', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    const record = recordWithSecret()
    expect(writeStakeholder(doc, record, null, confidential).ok).toBe(true)
    const read = readStakeholder(doc, 'sh-1', confidential)
    expect(read?.ok).toBe(true)
    if (!read?.ok) return
    expect(read.value).toEqual({
      ...record,
      impacts: [...record.impacts].sort((x, y) => x.id.localeCompare(y.id)),
      engagement: {
        ...record.engagement,
        log: [...record.engagement.log].sort((x, y) => x.date.localeCompare(y.date)),
      },
    })
  })

  it('keeps contacts and confidential entries in the confidential document only', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, recordWithSecret(), null, confidential)
    expect(text(doc)).not.toContain('ama@example.org')
    expect(text(doc)).not.toContain('whistleblower')
    expect(JSON.stringify(contactsMap(confidential).toJSON())).toContain('ama@example.org')
    expect(JSON.stringify(confidentialLogMap(confidential).toJSON())).toContain('whistleblower')

    // Without the confidential document: no contacts and no confidential entry.
    const alone = readStakeholder(doc, 'sh-1')
    expect(alone?.ok && alone.value.contacts).toEqual([])
    expect(alone?.ok && alone.value.engagement.log.map((entry) => entry.id)).toEqual(['log-1'])
    const { stakeholders } = readStakeholders(doc)
    expect(stakeholders[0]).not.toHaveProperty('contacts')
    expect(stakeholders[0]?.engagement.log.map((entry) => entry.id)).toEqual(['log-1'])
    const full = readStakeholders(doc, { confidential })
    expect(full.stakeholders[0]?.contacts.map((c) => c.email)).toEqual(['ama@example.org'])
    expect(full.stakeholders[0]?.engagement.log.map((entry) => entry.id)).toEqual([
      'log-1',
      'log-secret',
    ])
  })

  it('refuses contacts and confidential entries without the confidential document', () => {
    const doc = new Y.Doc()
    const before = () => text(doc)
    const withContact = writeStakeholder(doc, fullRecord())
    expect(withContact.ok).toBe(false)
    if (!withContact.ok) expect(withContact.errors[0]?.path).toBe('contacts')
    expect(before()).toBe('{}')
    const plain = { ...fullRecord(), contacts: [] }
    expect(writeStakeholder(doc, plain).ok).toBe(true)
    const stored = before()
    const secret = { ...logEntry('log-x'), confidentiality: 'confidential' as const }
    const refused = putEntry(doc, 'sh-1', 'engagementLog', secret)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.errors[0]?.path).toBe('engagement.log')
    const contact = { ...fullRecord().contacts[0]!, id: 'c-2' }
    expect(putEntry(doc, 'sh-1', 'contacts', contact).ok).toBe(false)
    expect(removeEntry(doc, 'sh-1', 'contacts', 'c-1')).toBe(false)
    expect(before()).toBe(stored)
  })

  it('a record written back without the confidential document keeps what it holds', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, recordWithSecret(), null, confidential)
    const secretBefore = text(confidential)
    const read = readStakeholder(doc, 'sh-1')
    if (!read?.ok) throw new Error('not readable')
    expect(writeStakeholder(doc, { ...read.value, power: 4 }).ok).toBe(true)
    expect(text(confidential)).toBe(secretBefore)
    const again = readStakeholder(doc, 'sh-1', confidential)
    expect(again?.ok && again.value.power).toBe(4)
    expect(again?.ok && again.value.contacts).toHaveLength(1)
    expect(again?.ok && again.value.engagement.log).toHaveLength(2)
  })

  it('moves an entry between the documents when its confidentiality changes', () => {
    const { a, b, secretA, secretB } = twoReplicas()
    writeStakeholder(a, recordWithSecret(), null, secretA)
    const entry = logEntry('log-1')
    const secret = { ...entry, confidentiality: 'confidential' as const }
    expect(
      putEntry(a, 'sh-1', 'engagementLog', secret, { now: NOW, confidential: secretA }).ok,
    ).toBe(true)
    expect(text(b)).not.toContain('Focus group')
    expect(confidentialLogMap(secretB).get('sh-1')?.has('log-1')).toBe(true)
    const read = readStakeholder(b, 'sh-1', secretB)
    expect(read?.ok && read.value.engagement.log.find((e) => e.id === 'log-1')).toEqual(secret)
    // And back: public again, out of the confidential document.
    const shared = { ...entry, confidentiality: 'public' as const }
    expect(putEntry(b, 'sh-1', 'engagementLog', shared, { confidential: secretB }).ok).toBe(true)
    expect(confidentialLogMap(secretA).get('sh-1')?.has('log-1')).toBe(false)
    const alone = readStakeholder(a, 'sh-1')
    expect(alone?.ok && alone.value.engagement.log.map((e) => e.confidentiality)).toEqual([
      'public',
    ])
  })

  it('reads an entry in both documents once, as its confidential copy', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, { ...fullRecord(), contacts: [] })
    const secret = { ...logEntry('log-1'), confidentiality: 'confidential' as const }
    confidentialLogMap(confidential).set('sh-1', new Y.Map<EngagementEntry>([['log-1', secret]]))
    const read = readStakeholder(doc, 'sh-1', confidential)
    expect(read?.ok && read.value.engagement.log).toEqual([secret])
  })

  it('changing a contact leaves the map document alone, updatedAt included', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, fullRecord(), null, confidential)
    const mapBefore = text(doc)
    const contact = { ...fullRecord().contacts[0]!, phone: '+233 20 111 1111' }
    const later = '2026-06-01T10:00:00.000Z'
    expect(putEntry(doc, 'sh-1', 'contacts', contact, { now: later, confidential }).ok).toBe(true)
    expect(text(doc)).toBe(mapBefore)
    const read = readStakeholder(doc, 'sh-1', confidential)
    expect(read?.ok && read.value.contacts[0]?.phone).toBe('+233 20 111 1111')
    expect(read?.ok && read.value.updatedAt).toBe(NOW)
  })

  it('keeps both edits when two people change different fields of one stakeholder at once', () => {
    const a = new Y.Doc()
    writeStakeholder(a, { ...fullRecord(), contacts: [] })
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

  it('writes only the scalar fields of a patch built from a whole record', () => {
    // A board drop patches with `{ ...stakeholder, power, … }`: its impacts must stay a map
    // of entries and no `contacts` key may land in the map document.
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, fullRecord(), null, confidential)
    const read = readStakeholder(doc, 'sh-1', confidential)
    if (!read?.ok) throw new Error('not stored')
    const { engagement: _engagement, ...whole } = read.value
    expect(patchStakeholder(doc, 'sh-1', { ...whole, power: 1 }, { confidential }).ok).toBe(true)
    const fields = doc.getMap<Y.Map<unknown>>('stakeholders').get('sh-1')!
    expect(fields.get('impacts')).toBeInstanceOf(Y.Map)
    expect(fields.has('contacts')).toBe(false)
    const after = readStakeholder(doc, 'sh-1', confidential)
    expect(after?.ok && after.value.power).toBe(1)
    expect(after?.ok && after.value.impacts).toEqual(read.value.impacts)
  })

  it('keeps both engagement log entries added at the same time', () => {
    const a = new Y.Doc()
    writeStakeholder(a, { ...fullRecord(), contacts: [] })
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
    const confidential = new Y.Doc()
    writeStakeholder(doc, fullRecord(), null, confidential)
    const before = text(doc) + text(confidential)
    const result = writeStakeholder(doc, { ...fullRecord(), power: 9 }, null, confidential)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('power')
    expect(patchStakeholder(doc, 'sh-1', { urgency: 0 }, { confidential }).ok).toBe(false)
    const badContact = { ...fullRecord().contacts[0]!, email: 'x'.repeat(400) }
    expect(putEntry(doc, 'sh-1', 'contacts', badContact, { confidential }).ok).toBe(false)
    expect(text(doc) + text(confidential)).toBe(before)
  })

  it('writes only the fields that changed', () => {
    const doc = new Y.Doc()
    const confidential = new Y.Doc()
    writeStakeholder(doc, fullRecord(), null, confidential)
    const changedKeys: string[] = []
    const record = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) for (const key of event.keys.keys()) changedKeys.push(key)
    }
    stakeholdersMap(doc).observeDeep(record)
    contactsMap(confidential).observeDeep(record)
    writeStakeholder(doc, { ...fullRecord(), urgency: 2 }, null, confidential)
    expect(changedKeys).toEqual(['urgency'])
  })

  it('reports a record a broken or hostile peer wrote, and still reads the others', () => {
    const { a, b } = twoReplicas()
    writeStakeholder(a, { ...fullRecord(), contacts: [] })
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

  it('removes entries from either document, and whole stakeholders with their confidential part', () => {
    const { a, b, secretA, secretB } = twoReplicas()
    writeStakeholder(a, recordWithSecret(), null, secretA)
    expect(removeEntry(a, 'sh-1', 'contacts', 'c-1', { confidential: secretA })).toBe(true)
    expect(removeEntry(a, 'sh-1', 'contacts', 'c-1', { confidential: secretA })).toBe(false)
    expect(removeEntry(a, 'sh-1', 'engagementLog', 'log-secret')).toBe(false)
    expect(removeEntry(a, 'sh-1', 'engagementLog', 'log-secret', { confidential: secretA })).toBe(
      true,
    )
    const read = readStakeholder(b, 'sh-1', secretB)
    expect(read?.ok && read.value.contacts).toEqual([])
    expect(read?.ok && read.value.engagement.log.map((e) => e.id)).toEqual(['log-1'])
    writeStakeholder(b, recordWithSecret(), null, secretB)
    expect(deleteStakeholder(b, 'sh-1', null, secretB)).toBe(true)
    expect(readStakeholder(a, 'sh-1')).toBeNull()
    expect(contactsMap(secretA).size).toBe(0)
    expect(confidentialLogMap(secretA).size).toBe(0)
    expect(a.getMap(CONTACTS_MAP).size).toBe(0)
  })
})
