/**
 * Moving what a map document still holds from before the confidential document existed:
 * the documents are built with the old write path (a `contacts` root and entries marked
 * confidential in `stakeholders`, and plans marked confidential in `dialoguePlans`), as
 * earlier versions stored them.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  holdsLegacyConfidentialContent,
  moveConfidentialContent,
} from '../../../shared/document/moveConfidentialContent'
import {
  splitConfidentialLogs,
  splitConfidentialVersion,
} from '../../../shared/document/splitConfidentialState'
import {
  confidentialLogMap,
  contactsMap,
  readStakeholder,
  stakeholdersMap,
} from '../../../shared/document/stakeholderDocument'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  readDialoguePlans,
  readMapDialogues,
  writeDialogueRecord,
} from '../../../shared/document/dialogueDocument'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { commitment, evaluation, plan } from '../dialogue/dialogueFixtures'
import type { Contact, EngagementEntry } from '../../../shared/stakeholder/Stakeholder'

const NOW = '2026-05-12T10:00:00.000Z'
const EMAIL = 'old-layout-contact@example.org'
const PHRASE = 'met the union leader in secret'

const contact: Contact = {
  id: 'c-1',
  name: 'Kofi Boateng',
  role: 'Chair',
  organisation: 'Union',
  email: EMAIL,
  phone: '',
  notes: '',
}

function entry(id: string, confidentiality: EngagementEntry['confidentiality']): EngagementEntry {
  return {
    id,
    date: '2026-04-01',
    step: 'identify-assess',
    method: 'Meeting',
    informationShared: confidentiality === 'confidential' ? PHRASE : 'Draft plan',
    inputReceived: '',
    howInputWasUsed: '',
    followUp: '',
    barriers: '',
    barrierMeasures: '',
    confidentiality,
  }
}

/** A map document as versions before the confidential document wrote it. */
function oldLayoutDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  const {
    contacts: _contacts,
    engagement,
    ...record
  } = createStakeholder({ id: 'union', name: 'Farmers union' }, { now: NOW })
  doc.transact(() => {
    const fields = new Y.Map<unknown>()
    stakeholdersMap(doc).set('union', fields)
    for (const [key, value] of Object.entries(record)) fields.set(key, value)
    fields.set('engagementStatus', engagement.status)
    fields.set('engagementLevel', engagement.intendedLevel)
    fields.set('impacts', new Y.Map())
    const log = new Y.Map<unknown>()
    fields.set('engagementLog', log)
    log.set('log-public', entry('log-public', 'public'))
    log.set('log-secret', entry('log-secret', 'confidential'))
    doc.getMap('contacts').set('union', new Y.Map([['c-1', contact]]))
  })
  return doc
}

const bytesHold = (bytes: Uint8Array, needle: string) => Buffer.from(bytes).includes(needle)

const SAFETY = 'Pickers who speak up have been threatened before'
const secretPlan = () => ({
  ...plan(),
  id: 'plan-secret',
  confidentiality: 'confidential' as const,
  safety: SAFETY,
})

/** A map document as versions before confidential plans moved wrote it: both plans in it. */
function oldPlansDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, plan())
  writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, secretPlan())
  return doc
}

describe('moving confidential content out of a map document', () => {
  it('moves contacts and confidential entries, keeps the rest, and drops their bytes', () => {
    const map = oldLayoutDoc()
    expect(bytesHold(Y.encodeStateAsUpdate(map), EMAIL)).toBe(true)
    expect(holdsLegacyConfidentialContent(map)).toBe(true)
    const confidential = new Y.Doc()
    expect(moveConfidentialContent(map, confidential)).toBe(true)
    expect(holdsLegacyConfidentialContent(map)).toBe(false)
    const state = Y.encodeStateAsUpdate(map)
    expect(bytesHold(state, EMAIL)).toBe(false)
    expect(bytesHold(state, PHRASE)).toBe(false)
    expect(contactsMap(confidential).get('union')?.get('c-1')).toEqual(contact)
    expect(
      confidentialLogMap(confidential).get('union')?.get('log-secret')?.informationShared,
    ).toBe(PHRASE)
    const read = readStakeholder(map, 'union', confidential)
    expect(read?.ok && read.value.engagement.log.map((e) => e.id)).toEqual([
      'log-public',
      'log-secret',
    ])
    expect(read?.ok && read.value.contacts).toEqual([contact])
    // A second run finds nothing.
    expect(moveConfidentialContent(map, confidential)).toBe(false)
  })

  it('only deletes for a role without the confidential document', () => {
    const map = oldLayoutDoc()
    expect(moveConfidentialContent(map, null)).toBe(true)
    expect(bytesHold(Y.encodeStateAsUpdate(map), EMAIL)).toBe(false)
    const read = readStakeholder(map, 'union')
    expect(read?.ok && read.value.engagement.log.map((e) => e.id)).toEqual(['log-public'])
  })

  it('the deletions it makes reach a replica that still has the old content', () => {
    const map = oldLayoutDoc()
    const replica = new Y.Doc({ gc: true })
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(map))
    const before = Y.encodeStateVector(map)
    moveConfidentialContent(map, new Y.Doc())
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(map, before))
    expect(holdsLegacyConfidentialContent(replica)).toBe(false)
    expect(bytesHold(Y.encodeStateAsUpdate(replica), EMAIL)).toBe(false)
  })
})

describe('moving confidential plans out of a map document', () => {
  it('moves a plan marked confidential with its invited stakeholders, and leaves the others', () => {
    const map = oldPlansDoc()
    expect(holdsLegacyConfidentialContent(map)).toBe(true)
    const confidential = new Y.Doc()
    expect(moveConfidentialContent(map, confidential)).toBe(true)
    expect(holdsLegacyConfidentialContent(map)).toBe(false)
    expect(bytesHold(Y.encodeStateAsUpdate(map), SAFETY)).toBe(false)
    expect(readDialoguePlans(map, null).records).toEqual([plan()])
    expect(readDialoguePlans(new Y.Doc(), confidential).records).toEqual([secretPlan()])
    expect(readDialoguePlans(map, confidential).records).toEqual([secretPlan(), plan()])
    expect(moveConfidentialContent(map, confidential)).toBe(false)
  })

  it('sets its fields over a copy of the same plan in the confidential document', () => {
    const map = oldPlansDoc()
    const confidential = new Y.Doc()
    writeDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, {
      ...secretPlan(),
      goal: 'An older goal',
      invited: [{ stakeholderId: 'sh-elsewhere', representedBy: null }],
    })
    moveConfidentialContent(map, confidential)
    const [moved] = readDialoguePlans(new Y.Doc(), confidential).records
    expect(moved?.goal).toBe(secretPlan().goal)
    expect(moved?.invited.map((each) => each.stakeholderId)).toEqual([
      'sh-elsewhere',
      'sh-farmers',
      'sh-pickers',
    ])
  })

  it('only deletes it for a role without the confidential document', () => {
    const map = oldPlansDoc()
    expect(moveConfidentialContent(map, null)).toBe(true)
    expect(readDialoguePlans(map, null).records).toEqual([plan()])
    expect(bytesHold(Y.encodeStateAsUpdate(map), SAFETY)).toBe(false)
  })

  it('splits a log and a version holding one', () => {
    const state = Y.encodeStateAsUpdate(oldPlansDoc())
    const logs = splitConfidentialLogs([state], [])
    if (logs === null) throw new Error('nothing split')
    expect(bytesHold(logs.map, SAFETY)).toBe(false)
    expect(bytesHold(logs.confidentialAddition, SAFETY)).toBe(true)
    const version = splitConfidentialVersion(state, null)
    if (version === null) throw new Error('nothing split')
    expect(bytesHold(version.state, SAFETY)).toBe(false)
    const confidential = new Y.Doc()
    Y.applyUpdate(confidential, version.confidentialState)
    expect(readDialoguePlans(new Y.Doc(), confidential).records).toEqual([secretPlan()])
    expect(splitConfidentialVersion(version.state, version.confidentialState)).toBeNull()
  })
})

describe("moving a confidential plan's commitments and evaluations out of a map document", () => {
  const PROMISE = 'Pay the pickers who spoke up for their lost day'
  const promise = (dialogueId: string) => ({
    ...commitment(),
    id: `c-${dialogueId}`,
    dialogueId,
    what: PROMISE,
  })
  const judged = (dialogueId: string) => ({ ...evaluation(), id: `e-${dialogueId}`, dialogueId })

  it('moves those of a plan marked confidential there, or already in the confidential document', () => {
    const map = oldPlansDoc()
    const confidential = new Y.Doc()
    writeDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, { ...secretPlan(), id: 'plan-moved' })
    for (const id of ['plan-secret', 'plan-moved', 'plan-soubre']) {
      writeDialogueRecord(map, COMMITMENT_LAYOUT, promise(id))
      writeDialogueRecord(map, DIALOGUE_EVALUATION_LAYOUT, judged(id))
    }
    const onlyMoved = new Y.Doc({ gc: true })
    writeDialogueRecord(onlyMoved, COMMITMENT_LAYOUT, promise('plan-moved'))
    // The map document alone cannot tell that plan-moved is confidential; with it, it can.
    expect(holdsLegacyConfidentialContent(onlyMoved)).toBe(false)
    expect(holdsLegacyConfidentialContent(onlyMoved, confidential)).toBe(true)
    expect(moveConfidentialContent(map, confidential)).toBe(true)
    expect(holdsLegacyConfidentialContent(map, confidential)).toBe(false)
    const left = readMapDialogues(map, null)
    expect(left.commitments.map((c) => c.id)).toEqual(['c-plan-soubre'])
    expect(left.evaluations.map((e) => e.id)).toEqual(['e-plan-soubre'])
    const secret = readMapDialogues(new Y.Doc(), confidential)
    expect(secret.commitments).toEqual([promise('plan-moved'), promise('plan-secret')])
    expect(secret.evaluations).toEqual([judged('plan-moved'), judged('plan-secret')])
    expect(moveConfidentialContent(map, confidential)).toBe(false)
  })

  it('splits a stored log so the map document no longer holds their text', () => {
    const map = new Y.Doc({ gc: true })
    writeDialogueRecord(map, COMMITMENT_LAYOUT, promise('plan-moved'))
    const confidential = new Y.Doc()
    writeDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, { ...secretPlan(), id: 'plan-moved' })
    const logs = splitConfidentialLogs(
      [Y.encodeStateAsUpdate(map)],
      [Y.encodeStateAsUpdate(confidential)],
    )
    if (logs === null) throw new Error('nothing split')
    expect(bytesHold(logs.map, PROMISE)).toBe(false)
    expect(bytesHold(logs.confidentialAddition, PROMISE)).toBe(true)
  })
})

describe('splitting stored states', () => {
  it('splits a log into the map state without the content and an addition for the other', () => {
    const map = oldLayoutDoc()
    const split = splitConfidentialLogs([Y.encodeStateAsUpdate(map)], [])
    if (split === null) throw new Error('nothing split')
    expect(bytesHold(split.map, EMAIL)).toBe(false)
    expect(bytesHold(split.map, PHRASE)).toBe(false)
    const confidential = new Y.Doc()
    Y.applyUpdate(confidential, split.confidentialAddition)
    expect(contactsMap(confidential).get('union')?.get('c-1')?.email).toBe(EMAIL)
    // Already split: nothing to do.
    expect(splitConfidentialLogs([split.map], [split.confidentialAddition])).toBeNull()
  })

  it('splits a version and counts its stakeholders; a split version is left alone', () => {
    const split = splitConfidentialVersion(Y.encodeStateAsUpdate(oldLayoutDoc()), null)
    if (split === null) throw new Error('nothing split')
    expect(split.stakeholderCount).toBe(1)
    expect(bytesHold(split.state, EMAIL)).toBe(false)
    expect(bytesHold(split.confidentialState, EMAIL)).toBe(true)
    expect(bytesHold(split.confidentialState, PHRASE)).toBe(true)
    expect(splitConfidentialVersion(split.state, split.confidentialState)).toBeNull()
  })
})
