/**
 * The rules both storage engines share (server/storage/mapStoreRows.ts), without a database:
 * the contract suite checks them through SQLite and PostgreSQL, these name each case.
 */
import { describe, expect, it } from 'vitest'
import { type AuditChange, CURRENT_DOCUMENT_LAYOUT } from '../../../server/storage/MapStore'
import {
  appendedAuditValues,
  auditColumnsAfter,
  auditEntryFromRow,
  auditWhere,
  mergeAuditChanges,
  needsLayoutMigration,
  rewrittenVersionRows,
  storedTokens,
  storedUpdatesFromRows,
  versionSummaryFromRow,
} from '../../../server/storage/mapStoreRows'

const ann = { name: 'Ann', role: 'editor' as const }

function change(fields: string[], changes: AuditChange['changes']): AuditChange {
  return { mapId: 'm', stakeholderId: 's1', participant: ann, fields, changes, at: '2025-01-01' }
}

describe('audit rows', () => {
  it('keeps the first old value and the latest new one of a field edited twice', () => {
    expect(
      mergeAuditChanges(
        [{ field: 'power', kind: 'value', from: 1, to: 2 }],
        [{ field: 'power', kind: 'value', from: 2, to: 4 }],
      ),
    ).toEqual([{ field: 'power', kind: 'value', from: 1, to: 4 }])
  })

  it('keeps a record added in the window "added" until it is removed', () => {
    const added = [{ field: 'contact:c1', kind: 'added' as const }]
    expect(mergeAuditChanges(added, [{ field: 'contact:c1', kind: 'changed' as const }])).toEqual(
      added,
    )
    expect(mergeAuditChanges(added, [{ field: 'contact:c1', kind: 'removed' as const }])).toEqual([
      { field: 'contact:c1', kind: 'removed' },
    ])
  })

  it('writes a new row with its fields sorted once, and merges into the latest row', () => {
    const first = auditColumnsAfter(undefined, change(['urgency', 'power', 'power'], undefined))
    expect(first).toEqual({ fields: '["power","urgency"]', changes: '[]' })
    const merged = auditColumnsAfter(
      { fields: '["urgency"]', changes: '[{"field":"urgency","kind":"value","from":1,"to":2}]' },
      change(['legitimacy'], [{ field: 'urgency', kind: 'value', from: 2, to: 3 }]),
    )
    expect(JSON.parse(merged.fields)).toEqual(['legitimacy', 'urgency'])
    expect(JSON.parse(merged.changes)).toEqual([
      { field: 'urgency', kind: 'value', from: 1, to: 3 },
    ])
  })

  it('starts and ends a row of its own kind at the same time, details as JSON or null', () => {
    const values = appendedAuditValues({
      mapId: 'm',
      stakeholderId: 's1',
      participant: ann,
      kind: 'erasure',
      details: { contacts: 2 },
      at: '2025-02-03T10:00:00.000Z',
    })
    expect(values.slice(4)).toEqual([
      'erasure',
      '[]',
      '[]',
      '{"contacts":2}',
      '2025-02-03T10:00:00.000Z',
      '2025-02-03T10:00:00.000Z',
    ])
  })

  it('lists rows stored before values were kept with changes null, and drops unknown roles', () => {
    const entry = auditEntryFromRow({
      id: '7',
      kind: 'change',
      stakeholder_id: 's1',
      participant_name: 'Ann',
      participant_role: 'superuser',
      fields: '["power"]',
      changes: null,
      details: null,
      first_at: 'a',
      last_at: 'b',
    })
    expect(entry).toMatchObject({ id: 7, participant: { name: 'Ann', role: null }, changes: null })
  })

  it('numbers the filter placeholders in the order of their parameters', () => {
    const query = { person: 'Ann', to: '2025-02-01' }
    expect(auditWhere('m', query, (index) => `$${index}`)).toEqual({
      where: 'map_id = $1 AND participant_name = $2 AND first_at < $3',
      params: ['m', 'Ann', '2025-02-01'],
    })
  })
})

describe('log, token and version rows', () => {
  it('reads an empty log as ending where it was asked to start, ids from text too', () => {
    expect(storedUpdatesFromRows([], 5)).toEqual({ updates: [], lastId: 5, bytes: 0 })
    const loaded = storedUpdatesFromRows([{ id: '9', update: Buffer.from([1, 2, 3]) }], 5)
    expect(loaded).toEqual({ updates: [new Uint8Array([1, 2, 3])], lastId: 9, bytes: 3 })
  })

  it('leaves out tokens of a role this version does not know', () => {
    const hash = new Uint8Array([1])
    const tokens = storedTokens([
      { token_hash: hash, role: 'viewer', revoked_at: null },
      { token_hash: hash, role: 'auditor', revoked_at: null },
      { token_hash: hash, role: 'owner', revoked_at: '2025-01-01' },
    ])
    expect(tokens.map((token) => [token.role, token.revoked])).toEqual([
      ['viewer', false],
      ['owner', true],
    ])
  })

  it('reads any kind but "named" as an automatic version', () => {
    const row = {
      id: '3',
      name: 'v',
      kind: 'weird',
      created_at: 'a',
      created_by_name: 'Ann',
      created_by_role: 'owner',
      byte_size: 10,
      stakeholder_count: 2,
    }
    expect(versionSummaryFromRow(row)).toMatchObject({ id: 3, kind: 'auto' })
    expect(versionSummaryFromRow({ ...row, kind: 'named' }).kind).toBe('named')
  })

  it('writes only the versions a rewrite changes, null where it keeps the stored value', () => {
    const rows = [
      { id: 1, state: Buffer.from([1]), confidential_state: null },
      { id: 2, state: Buffer.from([2]), confidential_state: Buffer.from([9]) },
    ]
    const seen: [number[], number[] | null][] = []
    const updates = rewrittenVersionRows(rows, (state, confidential) => {
      seen.push([[...state], confidential && [...confidential]])
      return state[0] === 2 ? { state: new Uint8Array([3]) } : null
    })
    expect(seen).toEqual([
      [[1], null],
      [[2], [9]],
    ])
    expect(updates).toEqual([
      { id: 2, state: new Uint8Array([3]), stakeholderCount: null, confidentialState: null },
    ])
  })

  it('moves a map on to the current layout only when it is older, or when forced', () => {
    expect(needsLayoutMigration(undefined, true)).toBe(false)
    expect(needsLayoutMigration(CURRENT_DOCUMENT_LAYOUT - 1, false)).toBe(true)
    expect(needsLayoutMigration(CURRENT_DOCUMENT_LAYOUT, false)).toBe(false)
    expect(needsLayoutMigration(CURRENT_DOCUMENT_LAYOUT, true)).toBe(true)
  })
})
