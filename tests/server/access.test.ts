import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  syncPath,
  tokenOf,
  waitFor,
  waitForSync,
} from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

function storedDoc(test: TestServer, mapId: string): Y.Doc {
  const db = new Database(path.join(test.config.dataDir, SQLITE_FILE_NAME), { readonly: true })
  try {
    const doc = new Y.Doc()
    const rows = db
      .prepare('SELECT "update" FROM map_updates WHERE map_id = ? ORDER BY id')
      .all(mapId) as { update: Buffer }[]
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
    return doc
  } finally {
    db.close()
  }
}

function awarenessFrame(entries: { client: number; clock: number; state: unknown }[]) {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.client)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, JSON.stringify(entry.state))
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

describe('socket access', () => {
  it('closes with 4401 without or with a bad token, 4403 for another map, 4404 for none', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const otherId = await createMap(test)
    const cases: [string, string, number][] = [
      ['no token', `/sync/${mapId}`, CloseCode.unauthorized],
      ['a bad token', `/sync/${mapId}?token=nonsense`, CloseCode.unauthorized],
      ['a token of another map', `/sync/${mapId}?token=${tokenOf(test, otherId)}`, 4403],
      ['an unknown map', `/sync/AAAAAAAAAAAAAAAAAAAAAA?token=${tokenOf(test, mapId)}`, 4404],
    ]
    for (const [name, pathname, code] of cases) {
      const raw = await fixture.openRawSocket(test, pathname)
      expect({ name, code: (await raw.closed).code }).toEqual({ name, code })
    }
    const refused = fixture.connectClient(test, mapId, undefined, { token: null })
    expect(await nextClose(refused)).toBe(CloseCode.unauthorized)
  })

  it("drops a viewer's edits and still sends it everything", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])

    viewer.doc.getMap('stakeholders').set('fake', { name: 'not allowed' })
    // Frames of one socket are handled in order: once its awareness arrives, so did the edit.
    viewer.awareness.setLocalStateField('user', { name: 'Vera' })
    await waitFor(
      () => editor.awareness.getStates().get(viewer.doc.clientID)?.['user']?.name === 'Vera',
    )
    editor.doc.getMap('stakeholders').set('real', { name: 'allowed' })
    await waitFor(() => viewer.doc.getMap('stakeholders').has('real'))
    await test.server.rooms.flushAll()
    expect(editor.doc.getMap('stakeholders').has('fake')).toBe(false)
    expect(storedDoc(test, mapId).getMap('stakeholders').has('fake')).toBe(false)
    expect(storedDoc(test, mapId).getMap('stakeholders').has('real')).toBe(true)
    expect(viewer.wsconnected).toBe(true)

    const late = fixture.connectClient(test, mapId)
    await waitForSync(late)
    expect(late.doc.getMap('stakeholders').toJSON()).toEqual({ real: { name: 'allowed' } })
  })

  it("never lets a connection set or remove another client's awareness", async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const ada = fixture.connectClient(test, mapId)
    const observer = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(ada), waitForSync(observer)])
    ada.awareness.setLocalStateField('user', { name: 'Ada' })
    const adaId = ada.doc.clientID
    await waitFor(() => observer.awareness.getStates().get(adaId)?.['user']?.name === 'Ada')

    const mallory = await fixture.openRawSocket(test, syncPath(test, mapId))
    // Claiming Ada's id first is ignored; then Mallory's own id becomes hers.
    mallory.socket.send(
      awarenessFrame([{ client: adaId, clock: 999, state: { user: { name: 'Eve' } } }]),
    )
    mallory.socket.send(
      awarenessFrame([{ client: 4242, clock: 1, state: { user: { name: 'M' } } }]),
    )
    mallory.socket.send(
      awarenessFrame([
        { client: adaId, clock: 1000, state: null },
        { client: 4242, clock: 2, state: { user: { name: 'done' } } },
      ]),
    )
    await waitFor(() => observer.awareness.getStates().get(4242)?.['user']?.name === 'done')
    expect(observer.awareness.getStates().get(adaId)?.['user']?.name).toBe('Ada')
    mallory.socket.close()
    await waitFor(() => !observer.awareness.getStates().has(4242))
    expect(observer.awareness.getStates().get(adaId)?.['user']?.name).toBe('Ada')
  })

  it('refuses an editor changing facilitation state (1008) and lets a facilitator', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const facilitator = fixture.connectClient(test, mapId, undefined, { role: 'facilitator' })
    const editor = fixture.connectClient(test, mapId)
    await Promise.all([waitForSync(facilitator), waitForSync(editor)])
    facilitator.doc.getMap('facilitation').set('timer', 300)
    await waitFor(() => editor.doc.getMap('facilitation').get('timer') === 300)

    const closed = nextClose(editor)
    editor.doc.transact(() => {
      editor.doc.getMap('facilitation').set('timer', 0)
      editor.doc.getMap('stakeholders').set('sneaky', 1)
    })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(editor)
    await test.server.rooms.flushAll()
    expect(facilitator.doc.getMap('facilitation').get('timer')).toBe(300)
    expect(facilitator.doc.getMap('stakeholders').has('sneaky')).toBe(false)
    expect(storedDoc(test, mapId).getMap('facilitation').get('timer')).toBe(300)
  })

  it('refuses updates that create unknown root types (1008)', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
    await waitForSync(owner)
    const closed = nextClose(owner)
    owner.doc.getText('anything').insert(0, 'x')
    expect(await closed).toBe(CloseCode.policyViolation)
  })

  it('reissues a token: the old one is refused and its open sockets closed with 4403', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const oldEditorToken = tokenOf(test, mapId, 'editor')
    const editor = fixture.connectClient(test, mapId)
    const viewer = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(editor), waitForSync(viewer)])
    const closed = nextClose(editor)

    const byEditor = await apiFetch(test, mapId, 'editor', `/api/maps/${mapId}/tokens/viewer`, {
      method: 'POST',
    })
    expect(byEditor.status).toBe(403)
    const byFacilitatorForOwner = await apiFetch(
      test,
      mapId,
      'facilitator',
      `/api/maps/${mapId}/tokens/owner`,
      { method: 'POST' },
    )
    expect(byFacilitatorForOwner.status).toBe(403)

    const reissued = await apiFetch(
      test,
      mapId,
      'facilitator',
      `/api/maps/${mapId}/tokens/editor`,
      {
        method: 'POST',
      },
    )
    expect(reissued.status).toBe(200)
    const { token } = (await reissued.json()) as { token: string }
    expect(token).not.toBe(oldEditorToken)
    expect(await closed).toBe(CloseCode.forbidden)
    expect(viewer.wsconnected).toBe(true)

    const again = await fixture.openRawSocket(test, `/sync/${mapId}?token=${oldEditorToken}`)
    expect((await again.closed).code).toBe(CloseCode.forbidden)
    const oldHttp = await fetch(`${test.httpUrl}/api/maps/${mapId}`, {
      headers: { authorization: `Bearer ${oldEditorToken}` },
    })
    expect(oldHttp.status).toBe(403)
    const fresh = fixture.connectClient(test, mapId, undefined, { token })
    await waitForSync(fresh)

    const ownerReissue = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/tokens/owner`, {
      method: 'POST',
    })
    expect(ownerReissue.status).toBe(200)
  })
})

describe('HTTP access', () => {
  it('answers 404, 401 and 403 in that order, and the role with the metadata', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const otherId = await createMap(test)
    const get = (id: string, token?: string) =>
      fetch(`${test.httpUrl}/api/maps/${id}`, {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      })
    expect((await get('AAAAAAAAAAAAAAAAAAAAAA', tokenOf(test, mapId))).status).toBe(404)
    expect((await get(mapId)).status).toBe(401)
    expect((await get(mapId, 'x'.repeat(32))).status).toBe(401)
    expect((await get(mapId, tokenOf(test, otherId))).status).toBe(403)
    for (const role of ['owner', 'facilitator', 'editor', 'viewer'] as const) {
      const response = await get(mapId, tokenOf(test, mapId, role))
      expect(((await response.json()) as { role: string }).role).toBe(role)
    }
    const byQuery = await fetch(`${test.httpUrl}/api/maps/${mapId}?token=${tokenOf(test, mapId)}`)
    expect(byQuery.status).toBe(200)
  })

  it('stores tokens only as hashes', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    await test.server.close()
    const raw = Buffer.concat(
      ['', '-wal'].flatMap((suffix) => {
        try {
          return [fs.readFileSync(path.join(test.config.dataDir, SQLITE_FILE_NAME + suffix))]
        } catch {
          return []
        }
      }),
    )
    for (const role of ['owner', 'facilitator', 'editor', 'viewer'] as const) {
      expect(raw.includes(Buffer.from(tokenOf(test, mapId, role)))).toBe(false)
    }
  })

  it('checks Origin on state-changing requests and socket upgrades', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const post = (origin: string) =>
      fetch(`${test.httpUrl}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ title: 'x' }),
      })
    expect((await post('https://evil.example')).status).toBe(403)
    expect((await post('http://localhost:5173')).status).toBe(201)
    expect((await post(test.httpUrl)).status).toBe(201)
    // Reading needs no origin check (the token is the protection).
    const read = await apiFetch(test, mapId, 'viewer', `/api/maps/${mapId}`, {
      headers: { origin: 'https://evil.example' },
    })
    expect(read.status).toBe(200)

    await expect(
      fixture.openRawSocket(test, syncPath(test, mapId), { origin: 'https://evil.example' }),
    ).rejects.toThrow(/403/)
    const local = await fixture.openRawSocket(test, syncPath(test, mapId), {
      origin: 'http://127.0.0.1:5173',
    })
    expect(local.socket.readyState).toBe(local.socket.OPEN)

    const strict = await fixture.startServer({ ALLOWED_ORIGINS: 'https://canvas.example' })
    const strictPost = (origin: string) =>
      fetch(`${strict.httpUrl}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ title: 'x' }),
      })
    expect((await strictPost('https://canvas.example')).status).toBe(201)
    expect((await strictPost('http://localhost:5173')).status).toBe(403)
  })

  it('requires CREATE_MAP_TOKEN to create maps when it is set', async () => {
    const test = await fixture.startServer({ CREATE_MAP_TOKEN: 'instance-secret' })
    const post = (headers: Record<string, string>) =>
      fetch(`${test.httpUrl}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'x' }),
      })
    expect((await post({})).status).toBe(401)
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await post({ authorization: 'Bearer instance-secret' })).status).toBe(201)
  })

  it('deletes a map (owner only) and closes its sockets with 4404', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const editor = fixture.connectClient(test, mapId)
    await waitForSync(editor)
    editor.doc.getMap('stakeholders').set('s', 1)
    await waitFor(async () => (await test.server.store.countUpdates(mapId)) > 0)
    const closed = nextClose(editor)

    const del = (role: 'owner' | 'facilitator') =>
      apiFetch(test, mapId, role, `/api/maps/${mapId}`, { method: 'DELETE' })
    expect((await del('facilitator')).status).toBe(403)
    expect((await del('owner')).status).toBe(204)
    expect(await closed).toBe(CloseCode.mapNotFound)
    expect((await fetch(`${test.httpUrl}/api/maps/${mapId}`)).status).toBe(404)
    expect(await test.server.store.countUpdates(mapId)).toBe(0)
    expect(await test.server.store.listTokens(mapId)).toEqual([])
    const again = await fixture.openRawSocket(test, syncPath(test, mapId))
    expect((await again.closed).code).toBe(CloseCode.mapNotFound)
  })
})
