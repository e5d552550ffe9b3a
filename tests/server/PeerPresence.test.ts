import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { PeerPresence } from '../../server/rooms/PeerPresence'
import type { RoomPeer } from '../../server/rooms/RoomPeer'
import type { AwarenessEntry } from '../../server/transport/wireFormat'

const ignore = (): void => {}
const peer: RoomPeer = {
  id: 'p',
  role: 'editor',
  sendSyncStep1: ignore,
  sendSyncStep2: ignore,
  sendUpdate: ignore,
  sendAwareness: ignore,
  close: ignore,
}

function entry(client: number, state: unknown): AwarenessEntry {
  return { client, clock: 1, json: JSON.stringify(state), state }
}

describe('PeerPresence', () => {
  it('claims the first free client id it sets a state for, and keeps only that one', () => {
    const presence = new PeerPresence(peer)
    const taken = (client: number) => client === 1
    const first = presence.ownEntries([entry(1, { a: 1 }), entry(2, { b: 2 })], taken)
    expect(first.map((each) => each.client)).toEqual([2])
    expect(presence.owns(2)).toBe(true)
    expect(presence.ownEntries([entry(3, { c: 3 }), entry(2, null)], taken)).toEqual([
      entry(2, null),
    ])
  })

  it('claims nothing with a removal only', () => {
    const presence = new PeerPresence(peer)
    expect(presence.ownEntries([entry(5, null)], () => false)).toEqual([])
    expect(presence.owns(5)).toBe(false)
  })

  it('names the peer by the name it gave, else its awareness user.name, else Anonymous', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    const presence = new PeerPresence(peer)
    expect(presence.actor(awareness)).toEqual({ name: 'Anonymous', role: 'editor' })
    awareness.setLocalState({ user: { name: '  Ada  ' } })
    presence.ownEntries([entry(doc.clientID, { user: { name: 'Ada' } })], () => false)
    expect(presence.actor(awareness)).toEqual({ name: 'Ada', role: 'editor' })
    const confidential = new PeerPresence(peer)
    confidential.noteName([entry(9, { user: { name: ' Bo ' } })])
    expect(confidential.actor(awareness)).toEqual({ name: 'Bo', role: 'editor' })
    awareness.destroy()
  })
})
