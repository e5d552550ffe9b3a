import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeStakeholder } from '../../../shared/document/stakeholderDocument'
import {
  BULK_WRITE_STRUCT_BUDGET,
  chunkByStructs,
  estimatedStructs,
} from '../../../shared/exchange/chunkByStructs'
import {
  createContact,
  createEngagementEntry,
  createImpact,
  createStakeholder,
} from '../../../shared/stakeholder/createStakeholder'
import { loadConfig } from '../../../server/config'
import { measureUpdate } from '../../../server/transport/measureUpdate'

const NOW = '2026-05-12T10:00:00.000Z'

/** A stakeholder with every field set and a few entries of each kind. */
function fullStakeholder(id: string) {
  return createStakeholder(
    {
      id,
      name: `Stakeholder ${id}`,
      countryOrRegion: 'Ghana',
      valueChainPosition: 'upstream',
      affected: true,
      vulnerable: true,
      vulnerabilityNote: 'Seasonal workers',
      represents: ['farmers'],
      power: 4,
      legitimacy: 3,
      urgency: 2,
      influence: 4,
      impact: 5,
      interests: 'Fair prices',
      concerns: 'Child labour audits',
      notes: 'Met in May',
      impacts: [createImpact(`${id}-i1`), createImpact(`${id}-i2`)],
      engagement: {
        status: 'ongoing',
        intendedLevel: 'consult',
        log: [createEngagementEntry(`${id}-l1`, '2026-05-01')],
      },
      contacts: [createContact(`${id}-c1`)],
    },
    { now: NOW },
  )
}

/** Structs in the updates of writing `records` in one transaction per document. */
function structsOfOneTransaction(records: ReturnType<typeof fullStakeholder>[]): number {
  const doc = new Y.Doc()
  const secret = new Y.Doc()
  doc.transact(() =>
    secret.transact(() => {
      for (const record of records) writeStakeholder(doc, record, undefined, secret)
    }),
  )
  const count = (d: Y.Doc) => measureUpdate(Y.encodeStateAsUpdate(d), Infinity).structs
  return count(doc) + count(secret)
}

describe('chunkByStructs', () => {
  it('never underestimates what writing a stakeholder costs', () => {
    const record = fullStakeholder('union')
    expect(structsOfOneTransaction([record])).toBeLessThanOrEqual(estimatedStructs(record))
  })

  it('keeps every chunk of a 500-stakeholder import within the budget, in order', () => {
    const records = Array.from({ length: 500 }, (_, i) => fullStakeholder(`s-${i}`))
    // In one transaction the server would refuse it: that is why there are chunks.
    expect(structsOfOneTransaction(records)).toBeGreaterThan(loadConfig({}).maxUpdateStructs)
    const chunks = chunkByStructs(records, estimatedStructs)
    expect(chunks.flat()).toEqual(records)
    for (const chunk of chunks) {
      expect(structsOfOneTransaction(chunk)).toBeLessThanOrEqual(BULK_WRITE_STRUCT_BUDGET)
    }
    expect(BULK_WRITE_STRUCT_BUDGET).toBeLessThanOrEqual(loadConfig({}).maxUpdateStructs)
  })

  it('gives an item over the budget a chunk of its own', () => {
    expect(chunkByStructs([1, 5, 1, 1], (n) => n, 3)).toEqual([[1], [5], [1, 1]])
  })
})
