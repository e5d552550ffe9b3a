import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readErasureRegister } from '../../shared/document/erasureRegister'
import { contactsMap, writeStakeholder } from '../../shared/document/stakeholderDocument'
import type { AuditEntry } from '../../shared/protocol/accessApi'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import type { Contact } from '../../shared/stakeholder/Stakeholder'
import { handleErasureRegister } from '../../client/sync/erasureRegisterHandler'
import { ERASURE_AUDIT_FIELD } from '../../server/http/createErasureRoutes'
import { describeAuditEntry } from '../../shared/audit/describeAuditEntry'
import { storageBackends, storageContains } from './storageBackends'
import { apiFetch, createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const now = '2026-01-01T00:00:00.000Z'

function contact(id: string, email: string): Contact {
  return {
    id,
    name: 'Jan Jansen',
    role: 'spokesperson',
    organisation: 'Union',
    email,
    phone: '',
    notes: 'met',
  }
}

describe.each(await storageBackends())('erasure register on $name', ({ env }) => {
  it('erases every contact of a stakeholder for the owner only, and records ids (no data) in the audit trail', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const map = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    const secret = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    await Promise.all([waitForSync(map), waitForSync(secret)])
    const email = `all-${Date.now()}@example.org`
    const record = createStakeholder(
      { id: 'union', name: 'Union', contacts: [contact('c1', email), contact('c2', `2${email}`)] },
      { now },
    )
    expect(writeStakeholder(map.doc, record, null, secret.doc).ok).toBe(true)
    await waitFor(async () => (await test.server.store.countUpdates(mapId, 'confidential')) > 0)
    expect(await storageContains(test.config, email)).toBe(true)

    const url = `/api/maps/${mapId}/stakeholders/union/contacts/erase`
    for (const role of ['viewer', 'editor', 'facilitator'] as const) {
      expect((await apiFetch(test, mapId, role, url, { method: 'POST' })).status).toBe(403)
    }
    const response = await apiFetch(test, mapId, 'owner', url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'Eigenaar' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ erasedContactIds: ['c1', 'c2'] })
    await waitFor(() => (contactsMap(secret.doc).get('union')?.size ?? 0) === 0)
    // The connected owner's copy holds the register too: ids, time and who.
    await waitFor(() => readErasureRegister(secret.doc).length === 2)
    expect(readErasureRegister(secret.doc)[0]).toMatchObject({
      stakeholderId: 'union',
      by: { name: 'Eigenaar', role: 'owner' },
    })

    const audit = (await (
      await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/audit`)
    ).json()) as AuditEntry[]
    const row = audit.find((entry) => entry.fields.includes(ERASURE_AUDIT_FIELD))
    expect(row).toMatchObject({
      stakeholderId: 'union',
      participant: { name: 'Eigenaar' },
      kind: 'erasure',
    })
    expect(row?.fields).toEqual(expect.arrayContaining(['contact:c1', 'contact:c2']))
    // A row of its own kind, which the audit view words without naming a contact.
    expect(describeAuditEntry(row!, 'nl')).toEqual([
      {
        field: 'Wissen van persoonsgegevens',
        from: null,
        to: 'van 2 contactpersonen, in de kaart en elke versie',
      },
    ])
    expect(JSON.stringify(audit)).not.toContain(email)
    // Gone from storage itself, on either engine (SQLite files and WAL, PostgreSQL rows).
    expect(await storageContains(test.config, email)).toBe(false)
  })

  it('a browser that edited an erased contact offline ends without it and cannot bring it back', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const map = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    const first = fixture.connectClient(test, mapId, undefined, {
      role: 'facilitator',
      document: 'confidential',
    })
    await Promise.all([waitForSync(map), waitForSync(first)])
    const email = `offline-${Date.now()}@example.org`
    const record = createStakeholder(
      { id: 'union', name: 'Union', contacts: [contact('c1', email)] },
      { now },
    )
    expect(writeStakeholder(map.doc, record, null, first.doc).ok).toBe(true)
    await waitFor(async () => (await test.server.store.countUpdates(mapId, 'confidential')) > 0)
    // Offline: keep this browser's copy and change the contact there.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(first.doc))
    fixture.disconnectClient(first)
    contactsMap(offline)
      .get('union')
      ?.set('c1', contact('c1', `new-${email}`))

    const eraseUrl = `/api/maps/${mapId}/stakeholders/union/contacts/c1/erase`
    expect((await apiFetch(test, mapId, 'owner', eraseUrl, { method: 'POST' })).status).toBe(200)

    // An old client that ignores the register is refused: the contact stays erased.
    const stale = new Y.Doc()
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(offline))
    const old = fixture.connectClient(test, mapId, stale, {
      role: 'facilitator',
      document: 'confidential',
    })
    expect(await nextClose(old)).toBe(1008)
    fixture.disconnectClient(old)

    // Our client acts on the register before it syncs: it drops the contact and stays.
    const back = fixture.connectClient(test, mapId, offline, {
      role: 'facilitator',
      document: 'confidential',
    })
    handleErasureRegister(back)
    await waitForSync(back)
    expect(contactsMap(offline).get('union')?.has('c1')).toBe(false)
    const check = fixture.connectClient(test, mapId, undefined, {
      role: 'owner',
      document: 'confidential',
    })
    await waitForSync(check)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(back.wsconnected).toBe(true)
    expect(contactsMap(check.doc).get('union')?.has('c1')).toBe(false)
    expect(JSON.stringify(check.doc.toJSON())).not.toContain(email)
  })
})
